package dev.cdrgateway.export;

import dev.cdrgateway.testsupport.Csv;
import dev.cdrgateway.testsupport.SimulatedUpstreamProfile;
import dev.cdrgateway.testsupport.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.cdrgateway.testsupport.GraphQLClient.post;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The export end to end through the embedded simulator (as in the demo): a customer with its own token is
 * streamed from the simulator's CSV export, one without through partner pages, and the partner-wide log;
 * each export has exactly the calls the GraphQL API counts for the same filter.
 */
@QuarkusTest
@TestProfile(SimulatedUpstreamProfile.class)
class SimulatedExportTest {

    private static final String ADMIN = Tokens.partnerAdmin("acme");
    private static final String RANGE = "fromDate=2026-03-20&toDate=2026-03-25";

    @Test
    void customerWithItsOwnTokenMatchesTheGraphQLCount() {
        assertExportMatchesGraphQL("MA_SIM00001");
    }

    @Test
    void customerReadThroughThePartnerApiMatchesTheGraphQLCount() {
        assertExportMatchesGraphQL("MA_SIM00004");
    }

    @Test
    void partnerWideExportHoldsEveryCustomersCalls() {
        int total = post("cdr/global-calls", "first", 1, "filter", Map.of("fromDate", "2026-03-20", "toDate", "2026-03-25"))
                .extract().path("data.calls.totalCount");
        List<Map<String, String>> rows = Csv.rows(export("scope=partner&" + RANGE).asString());
        assertEquals(total, rows.size());
        assertTrue(rows.stream().map(r -> r.get("customer_id")).distinct().count() > 1);
    }

    private void assertExportMatchesGraphQL(String customerId) {
        int total = post("examples/customer-calls", "id", customerId,
                "filter", Map.of("fromDate", "2026-03-20", "toDate", "2026-03-25", "direction", "OUTBOUND"))
                .extract().path("data.customer.calls.totalCount");
        Response response = export("customerId=" + customerId + "&" + RANGE + "&direction=OUTBOUND");
        assertEquals(200, response.statusCode());
        List<Map<String, String>> rows = Csv.rows(response.asString());
        assertTrue(total > 0);
        assertEquals(total, rows.size());
        assertTrue(rows.stream().allMatch(r -> r.get("customer_id").equals(customerId)
                && r.get("direction").equals("OUTBOUND")
                && r.get("started_at").compareTo("2026-03-20") >= 0));
    }

    private static Response export(String query) {
        return given().auth().oauth2(ADMIN).urlEncodingEnabled(false).get(ExportRoutes.PATH + "?" + query);
    }
}
