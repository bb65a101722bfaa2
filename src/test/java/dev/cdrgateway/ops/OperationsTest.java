package dev.cdrgateway.ops;

import dev.cdrgateway.testsupport.UpstreamTest;
import dev.cdrgateway.testsupport.Vendor;
import dev.cdrgateway.testsupport.VobizWireMockResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.cdrgateway.testsupport.GraphQLClient.post;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

/** What operators see: health, metrics, one log line per request, trace context sent upstream. */
@QuarkusTest
@WithTestResource(VobizWireMockResource.class)
class OperationsTest extends UpstreamTest {

    @Test
    void livenessAndReadinessAreUpWithTheirDetails() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("upstream-credentials", "vobiz-upstream", "oidc-issuers"))
                .body("checks.find { it.name == 'upstream-credentials' }.data.tenantsWithCredentials", equalTo(2))
                .body("checks.find { it.name == 'vobiz-upstream' }.data.vobiz-partner", equalTo("CLOSED"));
        given().when().get("/q/health/started").then().statusCode(200);
    }

    @Test
    void operationAndUpstreamLatencyAreMeasuredWithoutSecretsOrTenantLabels() {
        vobiz.stubFor(partnerGet("/accounts").willReturn(json(Vendor.body("partner-customers/list"))));
        post("customer/customers", "first", 5);

        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics, containsString("gateway_graphql_operations_seconds_count{operation=\"Customers\",outcome=\"ok\"}"));
        assertThat(metrics, containsString(
                "gateway_upstream_requests_seconds_count{endpoint=\"partner.accounts\",outcome=\"success\"}"));
        assertThat(metrics, containsString("gateway_upstream_requests_seconds_bucket{endpoint=\"partner.accounts\""));
        assertThat(metrics, containsString("ft_circuitbreaker"));
        assertThat(metrics, not(containsString("tenant=")));
        assertThat(metrics, not(containsString(Vendor.PARTNER_TOKEN)));
    }

    @Test
    void eachRequestLogsOneLineWithOperationTenantOutcomeAndUpstreamCalls() {
        vobiz.stubFor(partnerGet("/accounts").willReturn(json(Vendor.body("partner-customers/list"))));
        post("customer/customers", "first", 4);

        // The line is written once the response has been sent, so it may land just after the client has it.
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(Files.readString(Path.of("target/quarkus-test.log")), matchesPattern(
                        "(?s).*graphql operation=Customers tenant=acme outcome=ok status=200 "
                                + "durationMs=\\d+ upstreamCalls=1.*")));
    }

    @Test
    void w3cTraceContextIsPropagatedToVobiz() {
        vobiz.stubFor(partnerGet("/accounts").willReturn(json(Vendor.body("partner-customers/list"))));
        post("customer/customers", "first", 3);

        vobiz.verify(getRequestedFor(urlPathEqualTo("/api/v1/partner/accounts"))
                .withHeader("traceparent", matching("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]")));
    }
}
