package dev.cdrgateway.simulator;

import dev.cdrgateway.testsupport.SimulatedUpstreamProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static dev.cdrgateway.testsupport.GraphQLClient.post;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * End to end through the gateway and its embedded simulator, with the README's example queries
 * ({@code src/test/resources/graphql/examples}): what a newcomer sees after {@code ./mvnw quarkus:dev}.
 */
@QuarkusTest
@TestProfile(SimulatedUpstreamProfile.class)
class SimulatedGatewayTest {

    @Test
    void listsTheSimulatedCustomers() {
        post("examples/customers")
                .body("errors", nullValue())
                .body("data.customers.totalCount", equalTo(8))
                .body("data.customers.edges", hasSize(5))
                .body("data.customers.pageInfo.hasNextPage", equalTo(true));
    }

    @Test
    void pagesThroughACustomersCallsAndTheSummaryAgreesWithTheRows() {
        for (String customer : List.of("MA_SIM00001", "MA_SIM00004")) { // own token, and partner route
            List<Map<String, Object>> rows = new ArrayList<>();
            String after = null;
            int total;
            Map<String, Object> summary;
            do {
                JsonPath page = post("examples/customer-calls", "id", customer, "after", after, "filter",
                        Map.of("fromDate", "2026-03-16", "toDate", "2026-03-25", "direction", "OUTBOUND"))
                        .body("errors", nullValue())
                        .extract().jsonPath();
                rows.addAll(page.getList("data.customer.calls.edges.node"));
                total = page.getInt("data.customer.calls.totalCount");
                summary = page.getMap("data.customer.calls.summary");
                after = page.getBoolean("data.customer.calls.pageInfo.hasNextPage")
                        ? page.getString("data.customer.calls.pageInfo.endCursor") : null;
            } while (after != null);

            assertThat(total, greaterThan(0));
            assertEquals(total, rows.size(), customer + ": every call exactly once");
            assertEquals(total, new HashSet<>(rows.stream().map(r -> r.get("uuid")).toList()).size());
            assertThat(rows.stream().map(r -> r.get("direction")).toList(), everyItem(equalTo("OUTBOUND")));
            assertEquals(total, summary.get("totalCalls"));
            long answered = rows.stream().filter(r -> "ANSWERED".equals(r.get("status"))).count();
            assertEquals((int) answered, summary.get("answeredCalls"));
            int duration = rows.stream().mapToInt(r -> (Integer) ((Map<?, ?>) r.get("timing")).get("durationSeconds")).sum();
            assertEquals(duration, summary.get("totalDurationSeconds"));
            assertEquals(Math.round(duration * 10.0 / total) / 10.0,
                    ((Number) summary.get("averageCallDurationSeconds")).doubleValue(), 1e-4);
        }
    }

    @Test
    void looksUpACallFromTheList() {
        JsonPath list = post("examples/customer-calls", "id", "MA_SIM00002").extract().jsonPath();
        String uuid = list.getString("data.customer.calls.edges[0].node.uuid");

        post("examples/call", "uuid", uuid, "customerId", "MA_SIM00002")
                .body("errors", nullValue())
                .body("data.call.uuid", equalTo(uuid))
                .body("data.call.customerId", equalTo("MA_SIM00002"))
                .body("data.call.hangup.meaning", notNullValue())
                .body("data.call.customer.name", equalTo(list.getString("data.customer.name")));
    }

    @Test
    void recentCallsAreTheNewestCalls() {
        JsonPath body = post("examples/recent-calls", "id", "MA_SIM00001")
                .body("errors", nullValue())
                .extract().jsonPath();
        assertEquals(body.getList("data.customer.calls.edges.node.uuid"), body.getList("data.customer.recentCalls.uuid"));
    }

    @Test
    void globalLogFiltersByStatusAcrossCustomers() {
        JsonPath body = post("examples/global-log")
                .body("errors", nullValue())
                .body("data.calls.edges.node.status", everyItem(equalTo("BUSY")))
                .body("data.calls.edges.node.hangup.cause", everyItem(equalTo("USER_BUSY")))
                .body("data.calls.edges.node.customer.name", everyItem(notNullValue()))
                .body("data.calls.summary.answeredCalls", equalTo(0))
                .extract().jsonPath();
        assertThat(new HashSet<>(body.getList("data.calls.edges.node.customerId")).size(), greaterThan(1));
    }

    @Test
    void summaryOnItsOwn() {
        post("examples/summary", "id", "MA_SIM00001")
                .body("errors", nullValue())
                .body("data.callSummary.answerRate", equalTo(100.0f))
                .body("data.callSummary.totalCost.currency", notNullValue());
    }
}
