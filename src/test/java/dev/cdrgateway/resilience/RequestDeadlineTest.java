package dev.cdrgateway.resilience;

import dev.cdrgateway.testsupport.UpstreamTest;
import dev.cdrgateway.testsupport.Vendor;
import dev.cdrgateway.testsupport.VobizWireMockResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.cdrgateway.testsupport.GraphQLClient.post;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * The request deadline ({@code gateway.limits.request-timeout}): no GraphQL request holds the gateway longer,
 * upstream waits and retries included. Here the deadline (3 s, room for a cold and busy test machine) is far
 * below the upstream call's own timeout (15 s) and the longest Retry-After honoured (10 s), so only the deadline
 * can end these requests as they end.
 */
@QuarkusTest
@TestProfile(RequestDeadlineTest.ShortDeadlineProfile.class)
@WithTestResource(VobizWireMockResource.class)
class RequestDeadlineTest extends UpstreamTest {

    private static final String ACCOUNTS = "/api/v1/partner/accounts";

    /** A three-second request deadline; upstream timeout and Retry-After limits well above it; no caches. */
    public static class ShortDeadlineProfile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "gateway.limits.request-timeout", "PT3S",
                    "gateway.upstream.default-timeout", "PT15S",
                    "gateway.upstream.retry.max-retry-after", "PT10S",
                    "gateway.cache.enabled", "false",
                    "gateway.cache.stale-if-error", "false");
        }
    }

    @Test
    void aSlowUpstreamIsAbandonedAtTheRequestDeadline() {
        // Without the deadline the stub would answer, with data, after 8 s (the call's own timeout is 15 s)
        vobiz.stubFor(partnerGet("/accounts").willReturn(json(Vendor.body("partner-customers/list"))
                .withFixedDelay(8000)));

        post("customer/customers", "first", 5)
                .body("data.customers", nullValue())
                .body("errors[0].extensions.code", equalTo("UPSTREAM_TIMEOUT"))
                .body("errors[0].extensions.retryable", equalTo(true))
                .body("errors[0].message", containsString("3000 ms limit"));
        vobiz.verify(1, getRequestedFor(urlPathEqualTo(ACCOUNTS)));
    }

    @Test
    void noRetryIsMadeThatWouldEndAfterTheDeadline() {
        // Retry-After 5 s is honoured (limit 10 s) but would end past the 3 s deadline: one attempt only
        vobiz.stubFor(partnerGet("/accounts").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "5")));

        post("customer/customers", "first", 5)
                .body("data.customers", nullValue())
                .body("errors[0].extensions.code", equalTo("UPSTREAM_RATE_LIMITED"));
        vobiz.verify(1, getRequestedFor(urlPathEqualTo(ACCOUNTS)));
    }
}
