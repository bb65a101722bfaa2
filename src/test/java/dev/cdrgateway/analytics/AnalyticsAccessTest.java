package dev.cdrgateway.analytics;

import dev.cdrgateway.testsupport.Tokens;
import dev.cdrgateway.testsupport.UpstreamTest;
import dev.cdrgateway.testsupport.VobizWireMockResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.cdrgateway.analytics.TimeSeriesTest.summaryBody;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/**
 * Analytics and insights fields settle the caller's access in the field itself, like every other field: a bad
 * filter, an unknown or foreign customer and a tenant without credentials give a null field with exactly one
 * error, before any split or bucket reads upstream. And an ordinary 404 inside a split leaves no
 * "Mutiny had to drop" line in the log.
 */
@QuarkusTest
@WithTestResource(VobizWireMockResource.class)
class AnalyticsAccessTest extends UpstreamTest {

    private static final String FOREIGN = "MA_NOPE0001";
    private static final String RECORD = "/api/v1/partner/accounts/" + FOREIGN;
    private static final String ID_ONLY = "query B($id: ID, $filter: CallFilter) { callBreakdown(customerId: $id, filter: $filter) { customerId } }";
    private static final String SUMMARY_ONLY = "query B($id: ID, $filter: CallFilter) { callBreakdown(customerId: $id, filter: $filter) { summary { totalCalls } } }";
    private static final String ALL_SPLITS = "query B($id: ID, $filter: CallFilter) { callBreakdown(customerId: $id, filter: $filter) { customerId "
            + "summary { totalCalls } byDirection { totalCalls } byStatus { totalCalls } byHangupCause { totalCalls } } }";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {ID_ONLY, SUMMARY_ONLY, ALL_SPLITS})
    void aForeignOrUnknownCustomersBreakdownIsNullWithOneNotFoundAfterOnlyTheRecordLookup(String document) {
        vobiz.stubFor(partnerGet("/accounts/" + FOREIGN).willReturn(aResponse().withStatus(404)));

        refused(query(Tokens.partnerAdmin("acme"), document, "id", FOREIGN), "callBreakdown", "NOT_FOUND");
        // The partner API is the only authority on whose customer an id is: one record lookup, no CDR read.
        vobiz.verify(1, anyRequestedFor(anyUrl()));
        vobiz.verify(1, getRequestedFor(urlPathEqualTo(RECORD)));
    }

    @Test
    void anotherCustomersBreakdownIsRefusedWithoutAnyUpstreamRequest() {
        refused(query(Tokens.customer("acme", "MA_DEMO0001"), ID_ONLY, "id", "MA_DEMO0002"), "callBreakdown",
                "NOT_FOUND");
        vobiz.verify(0, anyRequestedFor(anyUrl()));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {ID_ONLY, SUMMARY_ONLY, ALL_SPLITS})
    void aBadFilterIsRefusedWhateverTheSelection(String document) {
        for (Map<String, Object> filter : java.util.List.<Map<String, Object>>of(
                Map.of("minDurationSeconds", -5),
                Map.of("fromDate", "-0001-01-01", "toDate", "2026-01-01"),
                Map.of("fromDate", "2026-01-01", "toDate", "+10000-01-01"))) {
            refused(query(Tokens.partnerAdmin("acme"), document, "filter", filter), "callBreakdown", "BAD_USER_INPUT");
            refused(query(Tokens.partnerAdmin("acme"), document, "id", "MA_DEMO0001", "filter", filter),
                    "callBreakdown", "BAD_USER_INPUT");
        }
        vobiz.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aSeriesWithADateVobizCannotTakeIsRefused() {
        refused(query(Tokens.partnerAdmin("acme"), "{ callTimeSeries(granularity: DAY, fromDate: \"-0001-01-01\", "
                + "toDate: \"-0001-01-02\") { granularity } }"), "callTimeSeries", "BAD_USER_INPUT");
        vobiz.verify(0, anyRequestedFor(anyUrl()));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {ID_ONLY, ALL_SPLITS})
    void aTenantWithoutCredentialsGetsANullBreakdownWithOneError(String document) {
        refused(query(Tokens.partnerAdmin("initech"), document), "callBreakdown", "TENANT_NOT_CONFIGURED");
        refused(query(Tokens.partnerAdmin("initech"), document, "id", "MA_DEMO0001"), "callBreakdown",
                "TENANT_NOT_CONFIGURED");
        vobiz.verify(0, anyRequestedFor(anyUrl()));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "{ callTimeSeries(customerId: \"MA_NOPE0001\", granularity: DAY, fromDate: \"2026-01-01\", toDate: \"2026-01-20\", filter: {status: BUSY}) { granularity } }",
            "{ callQuality(customerId: \"MA_NOPE0001\", filter: {status: BUSY}) { complete } }",
            "{ anomalies(customerId: \"MA_NOPE0001\") { customerId } }",
            "{ callSummary(customerId: \"MA_NOPE0001\", filter: {status: BUSY}) { totalCalls } }"})
    void otherAnalyticsAndInsightsFieldsRefuseAForeignCustomerTheSameWay(String document) {
        vobiz.stubFor(partnerGet("/accounts/" + FOREIGN).willReturn(aResponse().withStatus(404)));
        String field = document.substring(2, document.indexOf('('));

        refused(query(Tokens.partnerAdmin("acme"), document), field, "NOT_FOUND");
        vobiz.verify(1, anyRequestedFor(anyUrl()));
        vobiz.verify(1, getRequestedFor(urlPathEqualTo(RECORD)));
    }

    @Test
    void anOrdinary404InsideASplitLeavesNoDroppedExceptionInTheLog() throws IOException {
        stubCustomerWithoutToken(); // the customer exists; its call log answers 404
        vobiz.stubFor(partnerGet("/accounts/MA_DEMO0001/cdrs").willReturn(aResponse().withStatus(404)));
        vobiz.stubFor(partnerGet("/cdrs").willReturn(aResponse().withStatus(404)));
        Path log = Path.of("target/quarkus-test.log");
        long before = Files.exists(log) ? Files.size(log) : 0;

        String split = "query B($id: ID, $filter: CallFilter) { callBreakdown(customerId: $id, filter: $filter) { byStatus { totalCalls } } }";
        query(Tokens.partnerAdmin("acme"), split, "id", "MA_DEMO0001", "filter", Map.of("status", "BUSY"))
                .body("data.callBreakdown.byStatus", nullValue())
                .body("errors", hasSize(1))
                .body("errors[0].extensions.code", equalTo("NOT_FOUND"));
        query(Tokens.partnerAdmin("acme"), split, "filter", Map.of("status", "BUSY"))
                .body("data.callBreakdown.byStatus", nullValue())
                .body("errors", hasSize(1));

        // The drop, when it happened, was logged right after the response was written: watch the log's new tail
        // for a moment rather than reading it once.
        await().during(Duration.ofMillis(400)).atMost(Duration.ofSeconds(2))
                .until(() -> !newLogText(log, before).contains("had to drop"));
    }

    private static String newLogText(Path log, long from) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long length = file.length();
            if (length <= from) {
                return "";
            }
            byte[] tail = new byte[(int) (length - from)];
            file.seek(from);
            file.readFully(tail);
            return new String(tail, StandardCharsets.UTF_8);
        }
    }

    private static void refused(ValidatableResponse response, String field, String code) {
        response.body("data." + field, nullValue())
                .body("errors", hasSize(1))
                .body("errors[0].extensions.code", equalTo(code))
                .body("errors[0].path[0]", equalTo(field));
    }

    private static ValidatableResponse query(String token, String document, Object... variables) {
        Map<String, Object> vars = new HashMap<>();
        for (int i = 0; i < variables.length; i += 2) {
            vars.put((String) variables[i], variables[i + 1]);
        }
        return given().auth().oauth2(token).contentType(ContentType.JSON).accept(ContentType.JSON)
                .body(Map.of("query", document, "variables", vars))
                .when().post("/graphql")
                .then().statusCode(200);
    }
}
