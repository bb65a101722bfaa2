package dev.cdrgateway.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.runtime.OidcIdentityProvider;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Verifies a bearer token once, not on every request: Quarkus OIDC's identity provider for bearer tokens, with
 * {@link VerifiedTokens} in front of it. Quarkus asks its identity providers for a token request in priority order
 * and this one comes just before OIDC's ({@link OidcIdentityProvider}): a token it
 * remembers gets the remembered identity with this request's own routing and authentication contexts; any other
 * goes to OIDC, and what OIDC verifies is remembered. OIDC's mechanism has already run by then (token extracted,
 * OIDC tenant resolved from the token's issuer and put on the routing context), and {@link CallerAugmentor} still
 * runs on every identity, remembered or not.
 *
 * <p>A remembered token whose {@code exp} has passed (by the gateway's {@link Clock}) is refused here, as OIDC
 * would refuse it. A token remembered from another OIDC tenant than the one this request resolved (which the same
 * token cannot do with tenants chosen by issuer; this guards any other resolver) is verified again. Requests that
 * are not HTTP requests, and credentials other than bearer access tokens, are left to OIDC untouched.
 *
 * <p>Meters: {@code gateway.token.verifications{outcome=accepted|rejected}} counts full OIDC verifications,
 * {@code gateway.token.cache.lookups{result=hit|miss|expired}} the lookups, {@code gateway.token.cache.size} the
 * tokens remembered.
 */
@ApplicationScoped
public class RememberingTokenProvider implements IdentityProvider<TokenAuthenticationRequest> {

    private static final Logger LOG = Logger.getLogger(RememberingTokenProvider.class);
    /** Routing context key OIDC's mechanism sets to the OIDC tenant id it resolved for the request. */
    private static final String RESOLVED_OIDC_TENANT = CallerAugmentor.OIDC_TENANT;

    private final OidcIdentityProvider oidc;
    private final VerifiedTokens tokens;
    private final Counter accepted;
    private final Counter rejected;
    private final Counter hits;
    private final Counter misses;
    private final Counter expired;

    RememberingTokenProvider(OidcIdentityProvider oidc, SecurityConfig config, Clock clock, MeterRegistry metrics) {
        this.oidc = oidc;
        SecurityConfig.TokenCache cache = config.security().tokenCache();
        boolean on = cache.enabled() && cache.maxEntries() > 0 && cache.maxTtl().compareTo(Duration.ZERO) > 0;
        this.tokens = on ? new VerifiedTokens(cache.maxEntries(), cache.maxTtl(), clock) : null;
        this.accepted = verifications(metrics, "accepted");
        this.rejected = verifications(metrics, "rejected");
        this.hits = lookups(metrics, "hit");
        this.misses = lookups(metrics, "miss");
        this.expired = lookups(metrics, "expired");
        Gauge.builder("gateway.token.cache.size", this, RememberingTokenProvider::size)
                .description("Verified bearer tokens remembered").register(metrics);
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /** Just before OIDC's provider, which keeps the interface default ({@code SYSTEM_FIRST + 1} in Quarkus 3.32). */
    @Override
    public int priority() {
        return oidc.priority() + 1;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request,
                                              AuthenticationRequestContext context) {
        RoutingContext rc = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (!(request.getToken() instanceof AccessTokenCredential credential) || rc == null) {
            return Uni.createFrom().nullItem(); // OIDC's provider, next in line, handles it as before
        }
        if (tokens == null) {
            return verify(request, context, null);
        }
        String key = VerifiedTokens.key(credential.getToken());
        VerifiedTokens.Lookup found = tokens.lookup(key);
        if (found instanceof VerifiedTokens.Expired) {
            expired.increment();
            LOG.debug("Bearer token rejected: expired (remembered)");
            return Uni.createFrom().failure(new AuthenticationFailedException("token expired"));
        }
        if (found instanceof VerifiedTokens.Hit hit
                && Objects.equals(hit.entry().oidcTenant(), Objects.toString(rc.get(RESOLVED_OIDC_TENANT), null))) {
            hits.increment();
            // As OIDC's provider does for the request it verifies, so code reading either finds this request's.
            rc.put(AuthenticationRequestContext.class.getName(), context);
            return Uni.createFrom().item(hit.entry().identity(Map.of(
                    RoutingContext.class.getName(), rc,
                    AuthenticationRequestContext.class.getName(), context)));
        }
        misses.increment();
        return verify(request, context, key);
    }

    /** OIDC's verification, counted; what it accepts is remembered under {@code key} (when not null). */
    private Uni<SecurityIdentity> verify(TokenAuthenticationRequest request, AuthenticationRequestContext context,
                                         String key) {
        return oidc.authenticate(request, context).onItemOrFailure().invoke((identity, failure) -> {
            if (failure != null || identity == null) {
                rejected.increment();
            } else {
                accepted.increment();
                if (key != null) {
                    tokens.remember(key, identity);
                }
            }
        });
    }

    private double size() {
        return tokens == null ? 0 : tokens.size();
    }

    private static Counter verifications(MeterRegistry metrics, String outcome) {
        return Counter.builder("gateway.token.verifications")
                .description("Bearer tokens verified by Quarkus OIDC (signature, issuer, audience, expiry), by outcome")
                .tag("outcome", outcome)
                .register(metrics);
    }

    private static Counter lookups(MeterRegistry metrics, String result) {
        return Counter.builder("gateway.token.cache.lookups")
                .description("Lookups of bearer tokens among those already verified (hit, miss, expired)")
                .tag("result", result)
                .register(metrics);
    }
}
