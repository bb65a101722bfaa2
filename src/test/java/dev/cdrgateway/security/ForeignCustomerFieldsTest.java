package dev.cdrgateway.security;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.cdrgateway.testsupport.Tokens;
import dev.cdrgateway.testsupport.UpstreamTest;
import dev.cdrgateway.testsupport.Vendor;
import dev.cdrgateway.testsupport.VobizWireMockResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Another partner's customer id, on every field that takes a customer: globex asks for acme's customer. The
 * field is null with exactly one NOT_FOUND at its path, and the only upstream request is globex's own lookup of
 * the customer record (with globex's credentials), never acme's record, never the customer's call log.
 */
@QuarkusTest
@WithTestResource(VobizWireMockResource.class)
class ForeignCustomerFieldsTest extends UpstreamTest {

    private static final String ACMES_CUSTOMER = "MA_DEMO0001";
    private static final String CALL_6 = "d0000000-0000-4000-8000-000000000006";
    private static final String GLOBEX_ID = "PA_TEST0002";
    private static final String GLOBEX_TOKEN = "test-globex-token-not-real";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "call           | query Q($id: ID) { call(uuid: \"" + CALL_6 + "\", customerId: $id) { uuid customerId } }",
            "callSummary    | query Q($id: ID) { callSummary(customerId: $id) { totalCalls } }",
            "callTimeSeries | query Q($id: ID) { callTimeSeries(customerId: $id, granularity: DAY, fromDate: \"2026-03-01\", toDate: \"2026-03-10\") { granularity buckets { fromDate summary { totalCalls } } } }",
            "callBreakdown  | query Q($id: ID) { callBreakdown(customerId: $id) { customerId summary { totalCalls } byStatus { totalCalls } } }",
            "callQuality    | query Q($id: ID) { callQuality(customerId: $id) { complete } }",
            "anomalies      | query Q($id: ID) { anomalies(customerId: $id) { customerId } }",
            "customer       | query Q($id: ID!) { customer(id: $id) { id name recentCalls(limit: 3) { uuid } } }"})
    void anotherPartnersCustomerIsNotFoundAfterOnlyTheRecordLookup(String field, String document) {
        stubAcmesCustomerEverywhere();
        vobiz.stubFor(get(urlPathEqualTo("/api/v1/partner/accounts/" + ACMES_CUSTOMER))
                .withHeader("X-Auth-ID", WireMock.equalTo(GLOBEX_ID))
                .withHeader("X-Auth-Token", WireMock.equalTo(GLOBEX_TOKEN))
                .willReturn(aResponse().withStatus(404)));

        given().auth().oauth2(Tokens.partnerAdmin("globex")).contentType(ContentType.JSON).accept(ContentType.JSON)
                .body(Map.of("query", document, "variables", Map.of("id", ACMES_CUSTOMER)))
                .when().post("/graphql")
                .then().statusCode(200)
                .body("data." + field, nullValue())
                .body("errors", hasSize(1))
                .body("errors[0].extensions.code", equalTo("NOT_FOUND"))
                .body("errors[0].path[0]", equalTo(field));

        List<LoggedRequest> requests = vobiz.findAll(anyRequestedFor(anyUrl()));
        assertEquals(1, requests.size(), () -> "one upstream request only, got " + requests.stream()
                .map(LoggedRequest::getUrl).toList());
        assertEquals("/api/v1/partner/accounts/" + ACMES_CUSTOMER, requests.get(0).getUrl().split("\\?")[0]);
        assertEquals(GLOBEX_ID, requests.get(0).getHeader("X-Auth-ID"), "looked up with globex's credentials");
    }

    /**
     * Everything acme may read about its customer answers with data, so a gateway that crossed over to acme's
     * credentials or to the customer's own token would return something rather than NOT_FOUND.
     */
    private void stubAcmesCustomerEverywhere() {
        stubCustomerWithOwnToken();
        vobiz.stubFor(get(urlPathMatching("/api/v1/Account/" + ACMES_CUSTOMER + "/cdr.*"))
                .withHeader("X-Auth-Token", WireMock.equalTo(Vendor.CUSTOMER_TOKEN))
                .willReturn(json(Vendor.body("partner-customer-cdrs/page"))));
        vobiz.stubFor(accountGet(ACMES_CUSTOMER, "/" + CALL_6).willReturn(json(Vendor.body("account-cdr-single/found"))));
        vobiz.stubFor(partnerGet("/accounts/" + ACMES_CUSTOMER + "/cdrs")
                .willReturn(json(Vendor.body("partner-customer-cdrs/page"))));
    }
}
