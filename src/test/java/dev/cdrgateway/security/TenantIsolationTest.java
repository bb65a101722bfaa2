package dev.cdrgateway.security;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.cdrgateway.testsupport.TestLog;
import dev.cdrgateway.testsupport.UpstreamTest;
import dev.cdrgateway.testsupport.Vendor;
import dev.cdrgateway.testsupport.VobizWireMockResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static dev.cdrgateway.testsupport.GraphQLClient.postAs;
import static dev.cdrgateway.testsupport.Tokens.customer;
import static dev.cdrgateway.testsupport.Tokens.partnerAdmin;
import static dev.cdrgateway.testsupport.Tokens.partnerViewer;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The isolation rules, one test each: customer users see only their own account, partners only their own
 * customers, partner-only fields are forbidden to customers, cached data never crosses credential identities,
 * and a customer's own Vobiz token never reaches a response, an error or the log.
 */
@QuarkusTest
@WithTestResource(VobizWireMockResource.class)
class TenantIsolationTest extends UpstreamTest {

    private static final String OWN = "MA_DEMO0001";
    private static final String OTHER = "MA_DEMO0002";
    private static final String CALL_6 = "d0000000-0000-4000-8000-000000000006";
    private static final String GLOBEX_ID = "PA_TEST0002";
    private static final String GLOBEX_TOKEN = "test-globex-token-not-real";

    @Test
    void customerUserReadsItsOwnAccount() {
        stubCustomerWithOwnToken();
        vobiz.stubFor(accountGet(OWN, "").willReturn(json(Vendor.body("partner-customer-cdrs/page"))));

        postAs(customer("acme", OWN), "cdr/customer-calls", "id", OWN)
                .body("errors", nullValue())
                .body("data.customer.calls.totalCount", equalTo(7));
    }

    @Test
    void anotherCustomersIdLooksExactlyLikeAnIdThatDoesNotExist() {
        String token = customer("acme", OWN);
        String other = postAs(token, "customer/customer", "id", OTHER)
                .body("data.customer", nullValue())
                .body("errors[0].extensions.code", equalTo("NOT_FOUND"))
                .extract().path("errors[0].message");

        vobiz.stubFor(partnerGet("/accounts/MA_NOPE0001").willReturn(aResponse().withStatus(404)));
        String missing = postAs(partnerAdmin("acme"), "customer/customer", "id", "MA_NOPE0001")
                .body("errors[0].extensions.code", equalTo("NOT_FOUND"))
                .extract().path("errors[0].message");

        assertEquals(missing.replace("MA_NOPE0001", "<id>"), other.replace(OTHER, "<id>"));
        vobiz.verify(0, getRequestedFor(urlPathMatching(".*" + OTHER + ".*")));
    }

    @Test
    void customerUserCannotReachAnotherCustomersCallsSummaryOrCall() {
        String token = customer("acme", OWN);

        postAs(token, "summary/call-summary", "customerId", OTHER)
                .body("data.callSummary", nullValue())
                .body("errors[0].extensions.code", equalTo("NOT_FOUND"));
        postAs(token, "cdr/call", "uuid", CALL_6, "customerId", OTHER)
                .body("data.call", nullValue())
                .body("errors[0].extensions.code", equalTo("NOT_FOUND"));

        vobiz.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aCallUuidOfAnotherCustomerIsNotFound() {
        stubCustomerWithOwnToken();
        // Vobiz scopes lookups to the account: another customer's uuid is a 404 there ...
        vobiz.stubFor(accountGet(OWN, "/" + CALL_6).willReturn(aResponse().withStatus(404)));
        postAs(customer("acme", OWN), "cdr/call", "uuid", CALL_6)
                .body("data.call", nullValue())
                .body("errors[0].extensions.code", equalTo("NOT_FOUND"));

        // ... and should it ever answer with a row owned by someone else, the gateway still refuses it.
        var foreign = Vendor.json("account-cdr-single/found");
        ((com.fasterxml.jackson.databind.node.ObjectNode) foreign.get("data")).put("account_id", OTHER);
        vobiz.stubFor(accountGet(OWN, "/" + CALL_6).willReturn(json(Vendor.text(foreign))));
        postAs(customer("acme", OWN), "cdr/call", "uuid", CALL_6)
                .body("data.call", nullValue())
                .body("errors[0].extensions.code", equalTo("NOT_FOUND"));
    }

    @Test
    void partnerOnlyFieldsAreForbiddenToCustomerUsers() {
        String token = customer("acme", OWN);

        postAs(token, "customer/customers", "first", 5)
                .body("data.customers", nullValue())
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        postAs(token, "cdr/global-calls", "first", 5)
                .body("data.calls", nullValue())
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));

        vobiz.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void partnerViewersReadTheSamePartnerWideData() {
        vobiz.stubFor(partnerGet("/accounts").willReturn(json(Vendor.body("partner-customers/list"))));

        postAs(partnerViewer("acme"), "customer/customers", "first", 5)
                .body("errors", nullValue())
                .body("data.customers.totalCount", equalTo(3));
    }

    @Test
    void aPartnerNeverReachesAnotherPartnersCustomer() {
        stubCustomerWithOwnToken(); // acme's customer, visible with acme's partner credentials only
        vobiz.stubFor(get(urlPathEqualTo("/api/v1/partner/accounts/" + OWN))
                .withHeader("X-Auth-ID", WireMock.equalTo(GLOBEX_ID))
                .willReturn(aResponse().withStatus(404)));

        postAs(partnerAdmin("globex"), "customer/customer", "id", OWN)
                .body("data.customer", nullValue())
                .body("errors[0].extensions.code", equalTo("NOT_FOUND"));
        postAs(partnerAdmin("globex"), "cdr/customer-calls", "id", OWN)
                .body("data.customer", nullValue())
                .body("errors[0].extensions.code", equalTo("NOT_FOUND"));

        vobiz.verify(0, getRequestedFor(anyUrl()).withHeader("X-Auth-ID", WireMock.equalTo(Vendor.PARTNER_ID)));
        vobiz.verify(0, getRequestedFor(urlPathMatching("/api/v1/Account/.*")));
    }

    @Test
    void cachedCustomerRecordsNeverCrossTenants() {
        var acmeRecord = Vendor.json("partner-customer/get");
        acmeRecord.put("name", "Acme's view of the customer");
        vobiz.stubFor(partnerGet("/accounts/" + OWN).willReturn(json(Vendor.text(acmeRecord))));
        var globexRecord = Vendor.json("partner-customer/get");
        globexRecord.put("name", "Globex's view of the customer");
        vobiz.stubFor(get(urlPathEqualTo("/api/v1/partner/accounts/" + OWN))
                .withHeader("X-Auth-ID", WireMock.equalTo(GLOBEX_ID))
                .withHeader("X-Auth-Token", WireMock.equalTo(GLOBEX_TOKEN))
                .willReturn(json(Vendor.text(globexRecord))));

        postAs(partnerAdmin("acme"), "customer/customer", "id", OWN)
                .body("data.customer.name", equalTo("Acme's view of the customer"));
        postAs(partnerAdmin("globex"), "customer/customer", "id", OWN)
                .body("data.customer.name", equalTo("Globex's view of the customer"));
        postAs(partnerAdmin("acme"), "customer/customer", "id", OWN)
                .body("data.customer.name", equalTo("Acme's view of the customer"));

        // Acme's second read came from the cache; Globex's identical query made its own upstream call.
        vobiz.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/partner/accounts/" + OWN))
                .withHeader("X-Auth-ID", WireMock.equalTo(Vendor.PARTNER_ID)));
        vobiz.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/partner/accounts/" + OWN))
                .withHeader("X-Auth-ID", WireMock.equalTo(GLOBEX_ID)));
    }

    @Test
    void revokedCredentialsOfOneTenantDoNotAffectAnother() {
        vobiz.stubFor(partnerGet("/accounts").willReturn(aResponse().withStatus(401)
                .withBody(Vendor.body("errors/401"))));
        vobiz.stubFor(get(urlPathEqualTo("/api/v1/partner/accounts"))
                .withHeader("X-Auth-ID", WireMock.equalTo(GLOBEX_ID))
                .willReturn(json(Vendor.body("partner-customers/list"))));

        postAs(partnerAdmin("acme"), "customer/customers", "first", 5)
                .body("errors[0].extensions.code", equalTo("UPSTREAM_UNAUTHORIZED"));
        postAs(partnerAdmin("globex"), "customer/customers", "first", 5)
                .body("errors", nullValue())
                .body("data.customers.totalCount", equalTo(3));
    }

    @Test
    void theCustomersOwnVobizTokenNeverLeaves() throws IOException {
        String leaky = "LEAKY-CUSTOMER-TOKEN-7f3a9c";
        var record = Vendor.json("partner-customer/get");
        record.put("auth_token", leaky);
        vobiz.stubFor(partnerGet("/accounts/" + OWN).willReturn(json(Vendor.text(record))));
        vobiz.stubFor(get(urlPathEqualTo("/api/v1/Account/" + OWN + "/cdr"))
                .withHeader("X-Auth-Token", WireMock.equalTo(leaky))
                .willReturn(json(Vendor.body("partner-customer-cdrs/page"))));
        vobiz.stubFor(get(urlPathEqualTo("/api/v1/Account/" + OWN + "/cdr/recent"))
                .withHeader("X-Auth-Token", WireMock.equalTo(leaky))
                .willReturn(aResponse().withStatus(401).withBody("{\"error\":\"token " + leaky + " revoked\"}")));
        vobiz.stubFor(get(urlPathEqualTo("/api/v1/Account/" + OWN + "/cdr/" + CALL_6))
                .withHeader("X-Auth-Token", WireMock.equalTo(leaky))
                .willReturn(aResponse().withStatus(500).withBody("{\"error\":\"" + leaky + "\"}")));

        TestLog newLines = TestLog.mark();
        StringBuilder responses = new StringBuilder();
        responses.append(postAs(partnerAdmin("acme"), "customer/customer-everything", "id", OWN)
                .body("data.customer.calls.totalCount", equalTo(7))
                .body("errors[0].extensions.code", equalTo("UPSTREAM_UNAUTHORIZED"))
                .extract().asString());
        responses.append(postAs(customer("acme", OWN), "cdr/call", "uuid", CALL_6)
                .body("errors[0].extensions.code", equalTo("UPSTREAM_UNAVAILABLE"))
                .extract().asString());
        responses.append(postAs(partnerAdmin("acme"), "tenant/introspection")
                .body("errors", nullValue())
                .extract().asString());

        // The token was really used upstream, so the absence below is not vacuous.
        vobiz.verify(getRequestedFor(urlPathEqualTo("/api/v1/Account/" + OWN + "/cdr"))
                .withHeader("X-Auth-Token", WireMock.equalTo(leaky)));
        assertThat(responses.toString(), not(containsString(leaky)));
        assertThat(responses.toString().toLowerCase(), not(containsString("auth_token")));
        assertThat(responses.toString().toLowerCase(), not(containsString("authtoken")));
        // This test's own 401 was logged (read from what was appended since the requests began, not from another
        // test's lines in the shared log), and nothing in the whole log ever held the token.
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(newLines.appended(), containsString("Vobiz account API answered HTTP 401")));
        assertThat(newLines.appended(), not(containsString(leaky)));
        assertThat(Files.readString(TestLog.FILE), not(containsString(leaky)));
    }
}
