package dev.cdrgateway.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.sameInstance;

/** The memory of verified tokens on its own: keys, lifetimes, the bound, and what an entry keeps of its request. */
class VerifiedTokensTest {

    private static final Instant T0 = Instant.parse("2026-06-10T12:00:00Z");
    private static final String RC = RoutingContext.class.getName();
    private static final String ARC = AuthenticationRequestContext.class.getName();

    private final MovableClock clock = new MovableClock(T0);

    @Test
    void theKeyIsTheTokensSha256NotTheToken() throws Exception {
        String token = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl";
        byte[] sha = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));

        assertThat(VerifiedTokens.key(token), equalTo(Base64.getEncoder().withoutPadding().encodeToString(sha)));
        assertThat(VerifiedTokens.key(token + "x"), not(equalTo(VerifiedTokens.key(token))));
    }

    @Test
    void anEntryIsServedUntilTheTokenExpiresAndThenAnswersExpired() {
        VerifiedTokens tokens = new VerifiedTokens(100, Duration.ofMinutes(5), clock);
        tokens.remember("k", verified("Default", T0.plusSeconds(60)));

        clock.set(T0.plusSeconds(59));
        assertThat(tokens.lookup("k"), instanceOf(VerifiedTokens.Hit.class));
        clock.set(T0.plusSeconds(60));
        assertThat(tokens.lookup("k"), instanceOf(VerifiedTokens.Expired.class));
        assertThat(tokens.lookup("k"), instanceOf(VerifiedTokens.Expired.class));
    }

    @Test
    void anEntryNeverOutlivesMaxTtlEvenIfTheTokenLivesLonger() {
        VerifiedTokens tokens = new VerifiedTokens(100, Duration.ofMinutes(5), clock);
        tokens.remember("k", verified("Default", T0.plus(Duration.ofHours(1))));

        clock.set(T0.plus(Duration.ofMinutes(5)).minusMillis(1));
        assertThat(tokens.lookup("k"), instanceOf(VerifiedTokens.Hit.class));
        clock.set(T0.plus(Duration.ofMinutes(5)));
        assertThat(tokens.lookup("k"), instanceOf(VerifiedTokens.Miss.class));
        clock.set(T0);
        assertThat("dropped, not merely hidden", tokens.lookup("k"), instanceOf(VerifiedTokens.Miss.class));
    }

    @Test
    void nothingIsRememberedWithoutAnExpiryATenantOrTimeLeft() {
        VerifiedTokens tokens = new VerifiedTokens(100, Duration.ofMinutes(5), clock);

        assertThat(tokens.remember("no-exp", QuarkusSecurityIdentity.builder().setPrincipal(() -> "u")
                .addAttribute(CallerAugmentor.OIDC_TENANT, "Default").build()), equalTo(false));
        assertThat(tokens.remember("no-tenant", QuarkusSecurityIdentity.builder().setPrincipal(() -> "u")
                .addAttribute(VerifiedTokens.EXPIRE_TIME, T0.plusSeconds(60).getEpochSecond()).build()),
                equalTo(false));
        assertThat(tokens.remember("expired", verified("Default", T0)), equalTo(false));
        assertThat(tokens.remember("anonymous", QuarkusSecurityIdentity.builder().setAnonymous(true)
                .addAttribute(CallerAugmentor.OIDC_TENANT, "Default")
                .addAttribute(VerifiedTokens.EXPIRE_TIME, T0.plusSeconds(60).getEpochSecond()).build()),
                equalTo(false));
        assertThat(tokens.size(), equalTo(0L));
    }

    @Test
    void theBoundHolds() {
        VerifiedTokens tokens = new VerifiedTokens(50, Duration.ofMinutes(5), clock);
        for (int i = 0; i < 1000; i++) {
            tokens.remember("k" + i, verified("Default", T0.plusSeconds(3600)));
        }
        assertThat(tokens.size(), lessThanOrEqualTo(50L));
    }

    @Test
    void anEntryKeepsNothingOfTheRequestThatVerifiedIt() {
        VerifiedTokens tokens = new VerifiedTokens(100, Duration.ofMinutes(5), clock);
        Object firstRequest = new Object();
        Object firstContext = new Object();
        SecurityIdentity verified = QuarkusSecurityIdentity.builder(verified("whitelabel", T0.plusSeconds(600)))
                .addAttribute(RC, firstRequest)
                .addAttribute(ARC, firstContext)
                .addPermissionAsString("calls:read")
                .build();
        tokens.remember("k", verified);

        VerifiedTokens.Entry entry = ((VerifiedTokens.Hit) tokens.lookup("k")).entry();
        assertThat(entry.template().getAttribute(RC), nullValue());
        assertThat(entry.template().getAttribute(ARC), nullValue());
        assertThat(entry.oidcTenant(), equalTo("whitelabel"));

        Object secondRequest = new Object();
        Object secondContext = new Object();
        SecurityIdentity served = entry.identity(Map.of(RC, secondRequest, ARC, secondContext));
        assertThat(served.getAttribute(RC), sameInstance(secondRequest));
        assertThat(served.getAttribute(ARC), sameInstance(secondContext));
        assertThat(served.getAttribute(CallerAugmentor.OIDC_TENANT), equalTo("whitelabel"));
        assertThat(served.getAttribute(VerifiedTokens.EXPIRE_TIME), equalTo(T0.plusSeconds(600).getEpochSecond()));
        assertThat(served.getPrincipal().getName(), equalTo("user"));
        assertThat(served.getRoles(), equalTo(Set.of("partner-admin")));
        assertThat(served.getPermissions(), equalTo(verified.getPermissions()));
        assertThat(served.checkPermission(new io.quarkus.security.StringPermission("calls", "read"))
                .await().indefinitely(), equalTo(true));
    }

    /** An identity as OIDC builds it, as far as the memory looks: tenant id, expiry, principal, a role. */
    private static SecurityIdentity verified(String oidcTenant, Instant exp) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(() -> "user")
                .addRole("partner-admin")
                .addAttribute(CallerAugmentor.OIDC_TENANT, oidcTenant)
                .addAttribute(VerifiedTokens.EXPIRE_TIME, exp.getEpochSecond())
                .build();
    }

    /** A clock a test sets. */
    private static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
