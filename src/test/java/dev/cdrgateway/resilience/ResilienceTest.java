package dev.cdrgateway.resilience;

import dev.cdrgateway.vobiz.VobizGuard;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.cdrgateway.testsupport.UpstreamGate;
import dev.cdrgateway.testsupport.UpstreamTest;
import dev.cdrgateway.testsupport.Vendor;
import dev.cdrgateway.testsupport.VobizWireMockResource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.cdrgateway.testsupport.GraphQLClient.post;
import static dev.cdrgateway.testsupport.GraphQLClient.postAs;
import static dev.cdrgateway.testsupport.Tokens.partnerAdmin;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Fault tolerance of upstream calls against WireMock faults: retries only where safe and within budget,
 * Retry-After honoured, timeouts, a circuit breaker per API that only upstream faults can open, and bounded
 * per-tenant concurrency. Thresholds and timeouts are shortened by {@link FastFaultsProfile}.
 */
@QuarkusTest
@TestProfile(ResilienceTest.FastFaultsProfile.class)
@WithTestResource(VobizWireMockResource.class)
class ResilienceTest extends UpstreamTest {

    private static final String ACCOUNTS = "/api/v1/partner/accounts";

    @Inject
    CircuitBreakerMaintenance breakers;

    @Inject
    MeterRegistry registry;

    /** Short timeouts and backoffs, a circuit that opens after 4 calls, two calls in flight per tenant. */
    public static class FastFaultsProfile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            String cb = "quarkus.fault-tolerance.\"dev.cdrgateway.vobiz.VobizGuard/partner\".circuit-breaker.";
            return Map.ofEntries(
                    Map.entry("gateway.upstream.default-timeout", "PT2S"),
                    Map.entry("gateway.upstream.retry.initial-backoff", "PT0.05S"),
                    Map.entry("gateway.upstream.retry.max-backoff", "PT0.1S"),
                    Map.entry("gateway.upstream.retry.max-retry-after", "PT2S"),
                    Map.entry("gateway.upstream.tenant-concurrency", "2"),
                    Map.entry("gateway.cache.enabled", "false"),
                    Map.entry("gateway.cache.stale-if-error", "false"),
                    Map.entry(cb + "request-volume-threshold", "4"),
                    Map.entry(cb + "failure-ratio", "0.5"),
                    Map.entry(cb + "delay", "800"),
                    Map.entry(cb + "success-threshold", "1"));
        }
    }

    @Test
    void aTransientFailureIsRetriedThenSucceeds() {
        vobiz.stubFor(partnerGet("/accounts").inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("recovered"));
        vobiz.stubFor(partnerGet("/accounts").inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(json(Vendor.body("partner-customers/list"))));

        post("customer/customers", "first", 5)
                .body("errors", nullValue())
                .body("data.customers.totalCount", equalTo(3));
        vobiz.verify(2, getRequestedFor(urlPathEqualTo(ACCOUNTS)));
    }

    @Test
    void rejectionsAndServerErrorsAreNotRetried() {
        for (int status : new int[] {400, 401, 403, 404, 500}) {
            vobiz.resetAll();
            vobiz.stubFor(partnerGet("/accounts").willReturn(aResponse().withStatus(status)));

            post("customer/customers", "first", 5).body("data.customers", nullValue());

            vobiz.verify(1, getRequestedFor(urlPathEqualTo(ACCOUNTS)));
        }
    }

    @Test
    void retryAfterIsHonoured() {
        assertSecondAttemptWaitsOneSecondAfter(aResponse().withStatus(429).withHeader("Retry-After", "1")
                .withBody(Vendor.body("errors/429")));
    }

    @Test
    void retryAfterInVobizsErrorBodyIsHonouredWithoutTheHeader() {
        // vobiz-error-429.json carries error.details.retryAfter = 1
        assertSecondAttemptWaitsOneSecondAfter(aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                .withBody(Vendor.body("errors/429")));
    }

    /** The first attempt gets {@code limited}; the retry must come at least a second later, then succeed. */
    private void assertSecondAttemptWaitsOneSecondAfter(ResponseDefinitionBuilder limited) {
        vobiz.stubFor(partnerGet("/accounts").inScenario("limited").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(limited).willSetStateTo("allowed"));
        vobiz.stubFor(partnerGet("/accounts").inScenario("limited").whenScenarioStateIs("allowed")
                .willReturn(json(Vendor.body("partner-customers/list"))));

        post("customer/customers", "first", 5).body("errors", nullValue());

        List<LoggedRequest> requests = journal(ACCOUNTS);
        assertEquals(2, requests.size());
        long gap = requests.get(1).getLoggedDate().getTime() - requests.get(0).getLoggedDate().getTime();
        assertThat(gap, greaterThanOrEqualTo(1000L));
    }

    @Test
    void aRetryAfterBeyondTheCapFailsAtOnce() {
        vobiz.stubFor(partnerGet("/accounts").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")));

        post("customer/customers", "first", 5)
                .body("data.customers", nullValue())
                .body("errors[0].extensions.code", equalTo("UPSTREAM_RATE_LIMITED"))
                .body("errors[0].extensions.retryable", equalTo(true));
        vobiz.verify(1, getRequestedFor(urlPathEqualTo(ACCOUNTS)));
    }

    @Test
    void aSlowUpstreamTimesOut() {
        vobiz.stubFor(partnerGet("/accounts").willReturn(json(Vendor.body("partner-customers/list"))
                .withFixedDelay(3000)));

        // Without the 2 s timeout the stub would answer (with data) after 3 s.
        post("customer/customers", "first", 5)
                .body("data.customers", nullValue())
                .body("errors[0].extensions.code", equalTo("UPSTREAM_TIMEOUT"))
                .body("errors[0].extensions.retryable", equalTo(true));
        vobiz.verify(1, getRequestedFor(urlPathEqualTo(ACCOUNTS)));
    }

    @Test
    void theCircuitOpensAfterRepeatedFaultsFailsFastThenCloses() {
        vobiz.stubFor(partnerGet("/accounts").willReturn(aResponse().withStatus(502)));
        for (int i = 0; i < 2; i++) { // 2 requests x 3 attempts = 6 faults > threshold 4
            post("customer/customers", "first", 5).body("errors[0].extensions.code", equalTo("UPSTREAM_UNAVAILABLE"));
        }
        assertEquals(CircuitBreakerState.OPEN, breakers.currentState(VobizGuard.PARTNER));
        int before = journal(ACCOUNTS).size();

        post("customer/customers", "first", 5)
                .body("errors[0].extensions.code", equalTo("UPSTREAM_UNAVAILABLE"))
                .body("errors[0].extensions.retryable", equalTo(true));
        assertEquals(before, journal(ACCOUNTS).size(), "an open circuit must not reach Vobiz");
        // A Vobiz outage is reported, but never takes the pod out of the Service.
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'vobiz-upstream' }.data.vobiz-partner", equalTo("OPEN"));

        vobiz.stubFor(partnerGet("/accounts").willReturn(json(Vendor.body("partner-customers/list"))));
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                post("customer/customers", "first", 5).body("errors", nullValue()));
        assertEquals(CircuitBreakerState.CLOSED, breakers.currentState(VobizGuard.PARTNER));
    }

    @Test
    void oneTenantsRevokedCredentialsNeverOpenTheCircuitForOthers() {
        vobiz.stubFor(partnerGet("/accounts").willReturn(aResponse().withStatus(401)));
        vobiz.stubFor(get(urlPathEqualTo(ACCOUNTS)).withHeader("X-Auth-ID", WireMock.equalTo("PA_TEST0002"))
                .willReturn(json(Vendor.body("partner-customers/list"))));

        for (int i = 0; i < 8; i++) {
            post("customer/customers", "first", 5)
                    .body("errors[0].extensions.code", equalTo("UPSTREAM_UNAUTHORIZED"));
        }

        assertEquals(CircuitBreakerState.CLOSED, breakers.currentState(VobizGuard.PARTNER));
        postAs(partnerAdmin("globex"), "customer/customers", "first", 5)
                .body("errors", nullValue())
                .body("data.customers.totalCount", equalTo(3));
    }

    @Test
    void oneTenantsFanOutIsBoundedAndDoesNotQueueOtherTenants() throws Exception {
        int delayMs = 600;
        for (int page = 1; page <= 5; page++) {
            vobiz.stubFor(partnerGet("/cdrs").withQueryParam("page", WireMock.equalTo(Integer.toString(page)))
                    .willReturn(json(Vendor.generatedCdrPage(500, page, 100)).withFixedDelay(delayMs)));
        }
        vobiz.stubFor(get(urlPathEqualTo(ACCOUNTS)).withHeader("X-Auth-ID", WireMock.equalTo("PA_TEST0002"))
                .willReturn(json(Vendor.body("partner-customers/list"))));

        // acme's request runs on another thread; its response comes back here, so a failure fails this test.
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<String> acme = pool.submit(() -> post("cdr/global-calls", "first", 500).extract().asString());
            await().atMost(Duration.ofSeconds(5)).until(() -> journal("/api/v1/partner/cdrs").size() >= 2);
            postAs(partnerAdmin("globex"), "customer/customers", "first", 5).body("errors", nullValue());

            JsonPath acmeAnswer = JsonPath.from(acme.get(10, TimeUnit.SECONDS));
            assertNull(acmeAnswer.get("errors"), () -> "acme's request failed: " + acmeAnswer.prettify());
            assertEquals(500, acmeAnswer.<Integer>get("data.calls.totalCount"));
            assertEquals(500, acmeAnswer.getList("data.calls.edges").size());
        } finally {
            pool.shutdownNow();
        }

        List<Long> acmeStarts = journal("/api/v1/partner/cdrs").stream()
                .map(r -> r.getLoggedDate().getTime()).sorted().toList();
        assertEquals(5, acmeStarts.size());
        // With 2 slots, the 3rd page can only start once one of the first two (each 600 ms) has finished.
        assertThat(acmeStarts.get(2) - acmeStarts.get(0), greaterThanOrEqualTo((long) delayMs - 50));
        long globexAt = journal(ACCOUNTS).get(0).getLoggedDate().getTime();
        assertThat("globex must not wait behind acme's queue", globexAt, lessThan(acmeStarts.get(4)));
    }

    @Test
    void concurrentIdenticalReadsShareOneUpstreamCallEvenWithCachingOff() throws Exception {
        // The upstream answer is held until all 8 requests are in the gateway, so each of them arrives while the
        // first upstream call is still running, however slowly the machine starts them.
        vobiz.stubFor(partnerGet("/accounts").willReturn(json(Vendor.body("partner-customers/list"))
                .withTransformers(UpstreamGate.NAME)));
        int parallel = 8;
        double joinedBefore = sharedReads();
        UpstreamGate.close();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(parallel);
        try {
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < parallel; i++) {
                answers.add(pool.submit(() ->
                        post("customer/customers", "first", 5).extract().<Integer>path("data.customers.totalCount")));
            }
            // every other request has joined the first one's upstream call, which the gate still holds
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> UpstreamGate.arrived() >= 1 && sharedReads() - joinedBefore >= parallel - 1);
            UpstreamGate.open();
            for (var answer : answers) {
                assertEquals(3, answer.get());
            }
        } finally {
            UpstreamGate.open();
            pool.shutdownNow();
        }
        vobiz.verify(1, getRequestedFor(urlPathEqualTo(ACCOUNTS)));
    }

    /** Reads that joined an upstream call in flight. */
    private double sharedReads() {
        return registry.find("gateway.upstream.shared.reads").counters().stream().mapToDouble(c -> c.count()).sum();
    }

    @Test
    void oneRequestReadsEachUpstreamResourceOnceEvenWithCachingOff() {
        stubCustomerWithoutToken();
        vobiz.stubFor(partnerGet("/accounts/MA_DEMO0001/cdrs").willReturn(json(Vendor.body("partner-customer-cdrs/page"))));

        // The record is needed twice: to show the customer and to route its calls.
        post("cdr/customer-calls", "id", "MA_DEMO0001")
                .body("errors", nullValue())
                .body("data.customer.calls.totalCount", equalTo(7));

        vobiz.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/partner/accounts/MA_DEMO0001")));
    }

    @Test
    void withCachingOffTheCustomersRouteIsRememberedButItsDataIsReadAgain() {
        stubCustomerWithOwnToken();
        vobiz.stubFor(accountGet("MA_DEMO0001", "").willReturn(json(Vendor.body("account-cdr-list/page1"))));

        // A customer's summary needs only its route: the partner record is read for the first request only
        for (int i = 0; i < 3; i++) {
            post("summary/call-summary", "customerId", "MA_DEMO0001")
                    .body("errors", nullValue())
                    .body("data.callSummary.totalCalls", notNullValue());
        }
        vobiz.verify(1, getRequestedFor(urlPathEqualTo("/api/v1/partner/accounts/MA_DEMO0001")));
        vobiz.verify(3, getRequestedFor(urlPathEqualTo("/api/v1/Account/MA_DEMO0001/cdr")));

        // another partner's request for the same customer id never uses acme's route
        vobiz.stubFor(get(urlPathEqualTo("/api/v1/partner/accounts/MA_DEMO0001"))
                .withHeader("X-Auth-ID", WireMock.equalTo("PA_TEST0002")).willReturn(aResponse().withStatus(404)));
        postAs(partnerAdmin("globex"), "summary/call-summary", "customerId", "MA_DEMO0001")
                .body("errors[0].extensions.code", equalTo("NOT_FOUND"));
        vobiz.verify(3, getRequestedFor(urlPathEqualTo("/api/v1/Account/MA_DEMO0001/cdr")));
    }

    private List<LoggedRequest> journal(String path) {
        return vobiz.findAll(getRequestedFor(urlPathEqualTo(path))).stream()
                .sorted(Comparator.comparing(LoggedRequest::getLoggedDate)).toList();
    }
}
