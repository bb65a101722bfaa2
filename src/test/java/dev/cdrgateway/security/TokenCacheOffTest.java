package dev.cdrgateway.security;

import dev.cdrgateway.testsupport.Metrics;
import dev.cdrgateway.testsupport.Tokens;
import dev.cdrgateway.testsupport.UpstreamTest;
import dev.cdrgateway.testsupport.VobizWireMockResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.cdrgateway.testsupport.GraphQLClient.postAs;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** With {@code gateway.security.token-cache.enabled=false} every request's token is verified by OIDC again. */
@QuarkusTest
@TestProfile(TokenCacheOffTest.CacheOff.class)
@WithTestResource(VobizWireMockResource.class)
class TokenCacheOffTest extends UpstreamTest {

    public static class CacheOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.security.token-cache.enabled", "false");
        }
    }

    @Test
    void everyRequestIsVerified() {
        String token = Tokens.partnerAdmin("acme");
        Metrics before = Metrics.scrape();

        for (int i = 0; i < 3; i++) {
            postAs(token, "tenant/viewer").body("errors", nullValue()).body("data.viewer.tenant", equalTo("acme"));
        }

        Metrics after = Metrics.scrape();
        assertThat(after.sum("gateway_token_verifications_total", "outcome", "accepted")
                - before.sum("gateway_token_verifications_total", "outcome", "accepted"), equalTo(3.0));
        assertThat(after.sum("gateway_token_cache_lookups_total"), equalTo(0.0));
    }
}
