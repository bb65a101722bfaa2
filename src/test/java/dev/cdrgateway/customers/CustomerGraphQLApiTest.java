package dev.cdrgateway.customers;

import dev.cdrgateway.domain.Customer;

import dev.cdrgateway.testsupport.UpstreamTest;
import dev.cdrgateway.testsupport.Vendor;
import dev.cdrgateway.testsupport.VobizWireMockResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import com.github.tomakehurst.wiremock.client.WireMock;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.cdrgateway.testsupport.GraphQLClient.post;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@WithTestResource(VobizWireMockResource.class)
class CustomerGraphQLApiTest extends UpstreamTest {

    @Test
    void listsThePartnersCustomersAsAConnection() {
        vobiz.stubFor(partnerGet("/accounts").willReturn(json(Vendor.body("partner-customers/list"))));

        post("customer/customers", "first", 20)
                .body("errors", nullValue())
                .body("data.customers.totalCount", equalTo(3))
                .body("data.customers.pageInfo.hasNextPage", equalTo(false))
                .body("data.customers.pageInfo.hasPreviousPage", equalTo(false))
                .body("data.customers.edges.node.id", contains("MA_DEMO0001", "MA_DEMO0002", "MA_DEMO0003"))
                .body("data.customers.edges[0].node.balance.currency", equalTo("INR"))
                .body("data.customers.edges[0].cursor", notNullValue());

        vobiz.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/partner/accounts"))
                .withQueryParam("page", WireMock.equalTo("1"))
                .withQueryParam("per_page", WireMock.equalTo("20")));
    }

    @Test
    void searchIsPassedToUpstream() {
        vobiz.stubFor(partnerGet("/accounts").willReturn(json(Vendor.body("partner-customers/list"))));

        post("customer/customers", "search", "  demo-one ", "first", 5).body("errors", nullValue());

        vobiz.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/partner/accounts"))
                .withQueryParam("search", WireMock.equalTo("demo-one")));
    }

    @Test
    void returnsOneCustomerWithTypedFields() {
        stubCustomerWithOwnToken();

        post("customer/customer", "id", "MA_DEMO0001")
                .body("errors", nullValue())
                .body("data.customer.id", equalTo("MA_DEMO0001"))
                .body("data.customer.name", equalTo("Demo Customer One"))
                .body("data.customer.balance.amount", equalTo(1297.04f))
                .body("data.customer.balance.currency", equalTo("INR"))
                .body("data.customer.active", equalTo(true))
                .body("data.customer.createdAt", equalTo("2026-02-01T06:00:00Z"))
                .body("data.customer.pricingTier", equalTo("Standard"));
    }

    @Test
    void unknownCustomerIsNotFound() {
        vobiz.stubFor(partnerGet("/accounts/MA_NOPE0001").willReturn(aResponse().withStatus(404)
                .withBody("{\"error\":\"not found\",\"api_id\":\"x\"}")));

        post("customer/customer", "id", "MA_NOPE0001")
                .body("data.customer", nullValue())
                .body("errors[0].extensions.code", equalTo("NOT_FOUND"))
                .body("errors[0].extensions.retryable", equalTo(false))
                .body("errors[0].message", containsString("MA_NOPE0001"))
                .body("errors[0].path", contains("customer"));
    }

    @Test
    void customerTokenFromThePartnerApiNeverReachesTheResponse() {
        stubCustomerWithOwnToken();
        vobiz.stubFor(accountGet("MA_DEMO0001", "").willReturn(json(Vendor.body("partner-customer-cdrs/page"))));
        vobiz.stubFor(accountGet("MA_DEMO0001", "/recent").willReturn(json(Vendor.body("account-cdr-recent/limit3"))));

        String body = post("customer/customer-everything", "id", "MA_DEMO0001")
                .body("errors", nullValue())
                .body("data.customer.calls.edges[0].node.customer.name", equalTo("Demo Customer One"))
                .extract().asString();

        assertThat(body, not(containsString(Vendor.CUSTOMER_TOKEN)));
        assertThat(body, not(containsString(Vendor.PARTNER_TOKEN)));
        // The token was used, server-side, for the customer's own account API.
        vobiz.verify(getRequestedFor(urlPathEqualTo("/api/v1/Account/MA_DEMO0001/cdr"))
                .withHeader("X-Auth-Token", WireMock.equalTo(Vendor.CUSTOMER_TOKEN)));
        // The partner record was fetched once and reused for routing and the call's owner.
        vobiz.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/partner/accounts/MA_DEMO0001")));
    }
}
