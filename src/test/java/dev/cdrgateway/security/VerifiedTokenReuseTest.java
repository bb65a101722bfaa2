package dev.cdrgateway.security;

import dev.cdrgateway.testsupport.GraphQLClient;
import dev.cdrgateway.testsupport.Metrics;
import dev.cdrgateway.testsupport.Tokens;
import dev.cdrgateway.testsupport.UpstreamTest;
import dev.cdrgateway.testsupport.VobizWireMockResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static dev.cdrgateway.testsupport.GraphQLClient.postAs;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * A verified bearer token is remembered ({@link RememberingTokenProvider}): the same token again is served without
 * a second OIDC verification, a different token (another tenant, a tampered signature) never gets a remembered
 * identity, and a remembered token stops working at its {@code exp}. Verifications are counted by
 * {@code gateway_token_verifications_total} and lookups by {@code gateway_token_cache_lookups_total}, compared
 * before and after each step; time is moved with the gateway's {@link Clock}, never waited for.
 */
@QuarkusTest
@WithTestResource(VobizWireMockResource.class)
class VerifiedTokenReuseTest extends UpstreamTest {

    private static final String VIEWER = "tenant/viewer";

    @Test
    void aRepeatedTokenIsVerifiedOnce() {
        String token = Tokens.partnerViewer("acme");
        Counts before = Counts.now();

        for (int i = 0; i < 3; i++) {
            postAs(token, VIEWER)
                    .body("errors", nullValue())
                    .body("data.viewer.tenant", equalTo("acme"))
                    .body("data.viewer.role", equalTo("PARTNER_VIEWER"));
        }

        Counts after = Counts.now();
        assertThat("one verification", after.accepted - before.accepted, equalTo(1.0));
        assertThat("two remembered", after.hits - before.hits, equalTo(2.0));
        assertThat(after.rejected - before.rejected, equalTo(0.0));
    }

    @Test
    void tokensOfTwoIssuersAndTenantsNeverGetEachOthersCaller() {
        String acme = Tokens.partnerAdmin("acme");
        String globex = Tokens.token().whitelabel().tenant("globex").role("partner-admin").sign();
        String acmeCustomer = Tokens.customer("acme", "MA_DEMO0001");
        Counts before = Counts.now();

        for (int round = 0; round < 2; round++) {
            postAs(acme, VIEWER).body("errors", nullValue())
                    .body("data.viewer.tenant", equalTo("acme"))
                    .body("data.viewer.role", equalTo("PARTNER_ADMIN"));
            postAs(globex, VIEWER).body("errors", nullValue())
                    .body("data.viewer.tenant", equalTo("globex"))
                    .body("data.viewer.role", equalTo("PARTNER_ADMIN"));
            postAs(acmeCustomer, VIEWER).body("errors", nullValue())
                    .body("data.viewer.tenant", equalTo("acme"))
                    .body("data.viewer.role", equalTo("CUSTOMER"))
                    .body("data.viewer.customerId", equalTo("MA_DEMO0001"));
        }

        Counts after = Counts.now();
        assertThat("each token verified once", after.accepted - before.accepted, equalTo(3.0));
        assertThat("the second round came from memory", after.hits - before.hits, equalTo(3.0));
    }

    @Test
    void aRememberedTokenIsRefusedOnceItsExpiryHasPassed() {
        Instant exp = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(600);
        String token = Tokens.token().tenant("acme").role("partner-admin").expiresAt(exp).sign();
        postAs(token, VIEWER).body("data.viewer.tenant", equalTo("acme"));
        Counts before = Counts.now();

        QuarkusMock.installMockForType(Clock.fixed(exp, ZoneOffset.UTC), Clock.class);
        assertUnauthenticated(token);
        assertUnauthenticated(token);

        Counts after = Counts.now();
        assertThat("refused from memory", after.expired - before.expired, equalTo(2.0));
        assertThat("without a verification", after.accepted - before.accepted, equalTo(0.0));
        assertThat("no remembered identity served", after.hits - before.hits, equalTo(0.0));
        vobiz.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aTamperedSignatureIsNeverServedFromMemory() {
        String token = Tokens.partnerAdmin("acme");
        postAs(token, VIEWER).body("data.viewer.tenant", equalTo("acme"));
        String[] parts = token.split("\\.");
        String rogue = Tokens.token().signedWith("rogue").tenant("acme").role("partner-admin").sign();
        String forged = parts[0] + "." + parts[1] + "." + rogue.split("\\.")[2];
        String flipped = parts[0] + "." + parts[1] + "." + flip(parts[2]);
        Counts before = Counts.now();

        for (int i = 0; i < 2; i++) {
            assertUnauthenticated(forged);
            assertUnauthenticated(flipped);
        }
        postAs(token, VIEWER).body("data.viewer.tenant", equalTo("acme"));

        Counts after = Counts.now();
        assertThat("every bad token verified, and refused, each time", after.rejected - before.rejected,
                equalTo(4.0));
        assertThat("only the genuine token was remembered", after.hits - before.hits, equalTo(1.0));
        assertThat(after.accepted - before.accepted, equalTo(0.0));
    }

    @Test
    void aTokenTheGatewayRefusesStaysRefusedWhenRemembered() {
        String noTenant = Tokens.token().role("partner-admin").sign();
        String unboundIssuer = Tokens.token().whitelabel().tenant("acme").role("partner-admin").sign();

        for (int i = 0; i < 2; i++) {
            assertUnauthenticated(noTenant);
            assertUnauthenticated(unboundIssuer);
        }
        vobiz.verify(0, anyRequestedFor(anyUrl()));
    }

    /** 401 with a Bearer challenge and no data. */
    private static void assertUnauthenticated(String token) {
        String body = given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                .accept(ContentType.JSON)
                .body(Map.of("query", GraphQLClient.document(VIEWER), "variables", Map.of()))
                .when().post("/graphql")
                .then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .extract().asString();
        assertThat(body, not(containsString("viewer")));
    }

    /** The signature with its first character changed (still Base64url). */
    private static String flip(String signature) {
        char first = signature.charAt(0);
        return (first == 'A' ? 'B' : 'A') + signature.substring(1);
    }

    /** The token meters at one moment. */
    private record Counts(double accepted, double rejected, double hits, double expired) {
        static Counts now() {
            Metrics m = Metrics.scrape();
            return new Counts(
                    m.sum("gateway_token_verifications_total", "outcome", "accepted"),
                    m.sum("gateway_token_verifications_total", "outcome", "rejected"),
                    m.sum("gateway_token_cache_lookups_total", "result", "hit"),
                    m.sum("gateway_token_cache_lookups_total", "result", "expired"));
        }
    }
}
