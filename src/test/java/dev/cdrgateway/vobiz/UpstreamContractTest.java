package dev.cdrgateway.vobiz;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.cdrgateway.testsupport.UpstreamTest;
import dev.cdrgateway.testsupport.Vendor;
import dev.cdrgateway.testsupport.VobizWireMockResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.cdrgateway.testsupport.GraphQLClient.post;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * Answers that are cut short or break the vendor's contract: a body cut short (reset, closed, truncated JSON) is
 * UPSTREAM_UNAVAILABLE and retryable; a complete 2xx body of the wrong shape is UPSTREAM_INVALID_RESPONSE, not
 * retried. Neither ever shows the REST client's own error names, the body or a credential. The customer record
 * is read bare or in the {@code {success, data}} envelope.
 */
@QuarkusTest
@WithTestResource(VobizWireMockResource.class)
class UpstreamContractTest extends UpstreamTest {

    private static final String BODY_MARKER = "upstream-body-marker-77";

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Fault.class, names = {"MALFORMED_RESPONSE_CHUNK", "CONNECTION_RESET_BY_PEER",
            "RANDOM_DATA_THEN_CLOSE", "EMPTY_RESPONSE"})
    void aBrokenConnectionIsUnavailableAndRetryable(Fault fault) {
        vobiz.stubFor(partnerGet("/cdrs").willReturn(aResponse().withFault(fault)));

        assertClientSees(post("cdr/global-calls", "first", 5), "calls", "UPSTREAM_UNAVAILABLE", true);
    }

    @Test
    void aTruncatedJsonBodyIsUnavailableAndRetryable() {
        String whole = Vendor.body("partner-global-cdrs/page");
        vobiz.stubFor(partnerGet("/cdrs").willReturn(json(whole.substring(0, whole.length() / 2))));

        assertClientSees(post("cdr/global-calls", "first", 5), "calls", "UPSTREAM_UNAVAILABLE", true);
        vobiz.verify(3, getRequestedFor(urlPathEqualTo("/api/v1/partner/cdrs"))); // retried: the next one may be whole
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"html-as-json", "html", "wrong-type", "wrong-number", "array"})
    void aCompleteBodyOfTheWrongShapeIsInvalidAndNotRetried(String kind) {
        String html = "<html><body>" + BODY_MARKER + " maintenance</body></html>";
        ResponseDefinitionBuilder answer = switch (kind) {
            case "html-as-json" -> json(html);
            case "html" -> aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody(html);
            case "wrong-type" -> json("{\"success\":true,\"data\":\"" + BODY_MARKER + "\"}");
            case "wrong-number" -> json("{\"success\":true,\"data\":[],\"pagination\":{\"total\":\"" + BODY_MARKER + "\"}}");
            default -> json("[\"" + BODY_MARKER + "\"]");
        };
        vobiz.stubFor(partnerGet("/cdrs").willReturn(answer));

        assertClientSees(post("cdr/global-calls", "first", 5), "calls", "UPSTREAM_INVALID_RESPONSE", false);
        vobiz.verify(1, anyRequestedFor(anyUrl()));
    }

    @Test
    void aCustomerRecordInTheSuccessDataEnvelopeIsAccepted() {
        String record = Vendor.body("partner-customer/get");
        vobiz.stubFor(partnerGet("/accounts/MA_DEMO0001").willReturn(json("{\"success\":true,\"data\":" + record + "}")));
        vobiz.stubFor(accountGet("MA_DEMO0001", "").willReturn(json(Vendor.body("partner-customer-cdrs/page"))));

        post("cdr/customer-calls", "id", "MA_DEMO0001")
                .body("errors", nullValue())
                .body("data.customer.id", equalTo("MA_DEMO0001"))
                .body("data.customer.calls.totalCount", equalTo(7));
        post("customer/customer", "id", "MA_DEMO0001")
                .body("errors", nullValue())
                .body("data.customer.name", equalTo(Vendor.json("partner-customer/get").get("name").asText()));
        // The record's own token routed the calls to the account API.
        vobiz.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/Account/MA_DEMO0001/cdr")));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{\"success\":true,\"data\":[]}", "{\"success\":true,\"result\":{\"auth_id\":\"MA_DEMO0001\"}}",
            "{\"name\":\"no auth id\"}", "\"MA_DEMO0001\""})
    void anyOtherCustomerRecordShapeIsAnUpstreamErrorNeverTheCallersFault(String body) {
        vobiz.stubFor(partnerGet("/accounts/MA_DEMO0001").willReturn(json(body)));

        assertClientSees(post("cdr/customer-calls", "id", "MA_DEMO0001"), "customer", "UPSTREAM_INVALID_RESPONSE", false);
        vobiz.verify(1, anyRequestedFor(anyUrl()));
    }

    private static void assertClientSees(io.restassured.response.ValidatableResponse response, String field,
                                         String code, boolean retryable) {
        String text = response
                .body("data." + field, nullValue())
                .body("errors", hasSize(1))
                .body("errors[0].extensions.code", equalTo(code))
                .body("errors[0].extensions.retryable", equalTo(retryable))
                .body("errors[0].path[0]", equalTo(field))
                .extract().asString();
        assertThat(text, not(containsString(BODY_MARKER)));
        assertThat(text, not(containsString("client-web-application")));
        assertThat(text, not(containsString("System error")));
        assertThat(text, not(containsString(Vendor.PARTNER_TOKEN)));
        assertThat(text, not(containsString(Vendor.CUSTOMER_TOKEN)));
        assertThat(text, not(containsString("127.0.0.1")));
        assertThat(text, not(containsString("Jackson")));
    }
}
