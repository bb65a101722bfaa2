package dev.cdrgateway.insights;

import dev.cdrgateway.testsupport.SimulatedUpstreamProfile;
import dev.cdrgateway.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static dev.cdrgateway.testsupport.GraphQLClient.post;
import static dev.cdrgateway.testsupport.GraphQLClient.postAs;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's leaderboard, quality and anomaly queries ({@code graphql/examples}) end to end against the embedded
 * simulator: the shapes a dashboard gets, and figures that agree with the other fields of the API.
 */
@QuarkusTest
@TestProfile(SimulatedUpstreamProfile.class)
class SimulatedInsightsTest {

    private static final Map<String, String> RANGE = Map.of("fromDate", "2026-03-16", "toDate", "2026-03-25");

    @Test
    void costLeaderboardRanksTheCustomersBilledInTheCurrencyByTheirSummaries() {
        JsonPath board = post("examples/leaderboard", "metric", "COST", "currency", "INR", "filter", RANGE)
                .body("errors", nullValue())
                .body("data.leaderboard.complete", equalTo(true))
                .body("data.leaderboard.totalCustomers", equalTo(8))
                .body("data.leaderboard.failures", hasSize(0))
                .body("data.leaderboard.entries.rank", contains(1, 2, 3, 4, 5))
                .extract().jsonPath();

        List<Map<String, Object>> entries = board.getList("data.leaderboard.entries");
        double previous = Double.MAX_VALUE;
        for (Map<String, Object> entry : entries) {
            double value = ((Number) entry.get("value")).doubleValue();
            assertTrue(value <= previous, "highest cost first");
            previous = value;
            Map<?, ?> cost = (Map<?, ?>) ((Map<?, ?>) entry.get("summary")).get("totalCost");
            assertEquals(value, ((Number) cost.get("amount")).doubleValue(), 1e-9);
            assertEquals("INR", cost.get("currency"));
        }
        // The leader's figures are the ones callSummary gives for the same customer and range.
        String leader = board.getString("data.leaderboard.entries[0].customer.id");
        JsonPath summary = post("summary/call-summary", "customerId", leader, "filter", RANGE).extract().jsonPath();
        assertEquals(board.getString("data.leaderboard.entries[0].value"),
                summary.getString("data.callSummary.totalCost.amount"));
    }

    @Test
    void poorQualityLeaderboardAgreesWithEachCustomersQualityReport() {
        JsonPath board = post("examples/leaderboard", "metric", "POOR_QUALITY_SHARE", "filter", RANGE)
                .body("errors", nullValue())
                .body("data.leaderboard.entries.sampled", contains(false, false, false, false, false))
                .extract().jsonPath();
        for (int i = 0; i < 2; i++) {
            String id = board.getString("data.leaderboard.entries[" + i + "].customer.id");
            post("examples/call-quality", "id", id, "filter", RANGE)
                    .body("errors", nullValue())
                    .body("data.callQuality.poorQuality.sharePercent",
                            equalTo(board.getFloat("data.leaderboard.entries[" + i + "].value")));
        }
    }

    @Test
    void qualityReportCountsEveryCallOnceAndPagesThroughTheWorstCallsInOrder() {
        JsonPath first = post("examples/call-quality", "id", "MA_SIM00001").body("errors", nullValue())
                .body("data.callQuality.complete", equalTo(true)).extract().jsonPath();
        int scanned = first.getInt("data.callQuality.scannedCalls");
        assertEquals(first.getInt("data.callQuality.totalCalls"), scanned);
        int measured = first.getInt("data.callQuality.callsWithQualityData");
        assertEquals(scanned, measured + first.getInt("data.callQuality.callsWithoutQualityData"));

        List<Map<String, Object>> worst = new ArrayList<>();
        String after = null;
        do {
            JsonPath page = post("examples/call-quality", "id", "MA_SIM00001", "after", after)
                    .body("errors", nullValue()).extract().jsonPath();
            worst.addAll(page.getList("data.callQuality.worstCalls.edges.node"));
            after = page.getBoolean("data.callQuality.worstCalls.pageInfo.hasNextPage")
                    ? page.getString("data.callQuality.worstCalls.pageInfo.endCursor") : null;
        } while (after != null);

        assertEquals(measured, worst.size());
        assertEquals(measured, new HashSet<>(worst.stream().map(c -> c.get("uuid")).toList()).size());
        double previous = 0;
        for (Map<String, Object> call : worst) {
            double mos = ((Number) ((Map<?, ?>) call.get("quality")).get("mos")).doubleValue();
            assertTrue(mos >= previous, "MOS ascending");
            previous = mos;
        }
    }

    @Test
    void anomalyReportsEvaluateEveryRuleOverTheWindowAndItsBaseline() {
        post("examples/anomalies", "asOf", "2026-03-25", "windowDays", 2, "baselineDays", 5)
                .body("errors", nullValue())
                .body("data.anomalies.customerId", nullValue())
                .body("data.anomalies.window.fromDate", equalTo("2026-03-24"))
                .body("data.anomalies.window.days", equalTo(2))
                .body("data.anomalies.baselineWindow.fromDate", equalTo("2026-03-19"))
                .body("data.anomalies.baselineWindow.toDate", equalTo("2026-03-23"))
                .body("data.anomalies.checks.rule",
                        contains("SHORT_CALL_SPIKE", "ANSWER_RATE_COLLAPSE", "UNUSUAL_NO_ANSWER_RATE"));

        // A customer user omitting the id gets its own customer's report, like callSummary.
        postAs(Tokens.customer("acme", "MA_SIM00002"), "examples/anomalies", "asOf", "2026-03-25")
                .body("errors", nullValue())
                .body("data.anomalies.customerId", equalTo("MA_SIM00002"))
                .body("data.anomalies.checks", hasSize(3));
        post("insights/customer-insights", "id", "MA_SIM00004", "asOf", "2026-03-25")
                .body("errors", nullValue())
                .body("data.customer.anomalies.customerId", equalTo("MA_SIM00004"))
                .body("data.customer.callQuality.complete", equalTo(true));
    }
}
