package dev.cdrgateway.ops;

import dev.cdrgateway.testsupport.GraphQLClient;
import dev.cdrgateway.testsupport.Metrics;
import dev.cdrgateway.testsupport.TestLog;
import dev.cdrgateway.testsupport.UpstreamTest;
import dev.cdrgateway.testsupport.Vendor;
import dev.cdrgateway.testsupport.VobizWireMockResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.cdrgateway.testsupport.GraphQLClient.post;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What operators see: health, metrics, one log line per request, trace context sent upstream. */
@QuarkusTest
@WithTestResource(VobizWireMockResource.class)
class OperationsTest extends UpstreamTest {

    private static final String OPERATIONS = "gateway_graphql_operations_seconds_count";
    private static final String UPSTREAM = "gateway_upstream_requests_seconds_count";

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
        Metrics before = Metrics.scrape();

        post("customer/customers", "first", 5).body("errors", nullValue());

        // The operation timer is recorded once the response has been sent: it may move just after the client has it.
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            Metrics after = Metrics.scrape();
            assertEquals(1.0, increase(before, after, OPERATIONS, "operation", "Customers", "outcome", "ok"),
                    "one Customers operation measured");
            assertEquals(1.0, increase(before, after, UPSTREAM, "endpoint", "partner.accounts", "outcome", "success"),
                    "one successful partner.accounts call measured");
        });
        Metrics metrics = Metrics.scrape();
        assertTrue(metrics.has(OPERATIONS, "operation", "Customers", "outcome", "ok"),
                "the operation timer carries exactly the labels operation and outcome");
        assertTrue(metrics.has(UPSTREAM, "endpoint", "partner.accounts", "outcome", "success"),
                "the upstream timer carries exactly the labels endpoint and outcome");
        assertThat(metrics.sum("gateway_upstream_requests_seconds_bucket", "endpoint", "partner.accounts"),
                greaterThan(0.0));
        assertTrue(metrics.samples().stream().anyMatch(s -> s.name().startsWith("ft_circuitbreaker")),
                "circuit breaker metrics are published");
        assertTrue(metrics.samples().stream().noneMatch(s -> s.labels().containsKey("tenant")),
                "no metric is labelled by tenant");
        assertThat(metrics.text(), not(containsString("tenant=")));
        assertThat(metrics.text(), not(containsString(Vendor.PARTNER_TOKEN)));
    }

    @Test
    void anUpstreamFailureIsCountedAsSuchNotAsASuccess() {
        vobiz.stubFor(partnerGet("/accounts").willReturn(aResponse().withStatus(400)));
        Metrics before = Metrics.scrape();

        post("customer/customers", "first", 5).body("data.customers", nullValue());

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            Metrics after = Metrics.scrape();
            assertEquals(1.0, increase(before, after, UPSTREAM, "endpoint", "partner.accounts"),
                    "one partner.accounts call measured");
            assertEquals(1.0, increase(before, after, UPSTREAM, "endpoint", "partner.accounts", "outcome", "rejected"),
                    "the call is measured as rejected, not as a success");
            assertEquals(1.0, increase(before, after, OPERATIONS, "operation", "Customers"),
                    "the operation is measured once");
            assertEquals(1.0, increase(before, after, OPERATIONS, "operation", "Customers", "outcome", "partial"),
                    "an answer with an error (and data {customers: null}) is partial, not ok");
        });
    }

    private static double increase(Metrics before, Metrics after, String name, String... labels) {
        return after.sum(name, labels) - before.sum(name, labels);
    }

    @Test
    void eachRequestLogsOneLineWithOperationTenantOutcomeAndUpstreamCalls() {
        vobiz.stubFor(partnerGet("/accounts").willReturn(json(Vendor.body("partner-customers/list"))));
        // A unique operation name marks this request's line; the shared log is read only from here on.
        String operation = "Customers" + UUID.randomUUID().toString().replace("-", "");
        String document = GraphQLClient.document("customer/customers")
                .replaceFirst("query Customers\\(", "query " + operation + "(");
        TestLog log = TestLog.mark();

        given().auth().oauth2(GraphQLClient.defaultToken()).contentType(ContentType.JSON).accept(ContentType.JSON)
                .body(Map.of("query", document, "variables", Map.of("first", 4)))
                .when().post("/graphql")
                .then().statusCode(200)
                .body("errors", nullValue())
                .body("data.customers.totalCount", equalTo(3));

        // The line is written once the response has been sent, so it may land just after the client has it.
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            List<String> lines = log.linesWith("operation=" + operation + " ");
            assertEquals(1, lines.size(), () -> "exactly one line for the request, got " + lines);
            assertThat(lines.get(0), matchesPattern(".*graphql operation=" + operation + " tenant=acme outcome=ok "
                    + "status=200 durationMs=\\d+ upstreamCalls=1(?!\\d).*"));
        });
    }

    @Test
    void w3cTraceContextIsPropagatedToVobiz() {
        vobiz.stubFor(partnerGet("/accounts").willReturn(json(Vendor.body("partner-customers/list"))));
        post("customer/customers", "first", 3);

        vobiz.verify(getRequestedFor(urlPathEqualTo("/api/v1/partner/accounts"))
                .withHeader("traceparent", matching("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]")));
    }
}
