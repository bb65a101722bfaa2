package dev.cdrgateway.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Bearer tokens Quarkus OIDC has verified, remembered so that a token seen again is not verified again: keyed by the
 * SHA-256 of the token (the token itself is never a key), at most {@code max-entries} of them, each until the
 * token's {@code exp} or {@code max-ttl} after its verification, whichever comes first. Time is the gateway's
 * {@link Clock}. A token is remembered only once verified; failures are never remembered.
 *
 * <p>What is kept is the identity OIDC built, without what belongs to the one request that brought the token (its
 * {@link RoutingContext} and {@link AuthenticationRequestContext}): a later request gets a fresh identity carrying
 * its own. Everything else OIDC put on the identity (principal with the verified claims, roles, scopes as
 * permissions, the access token credential, the OIDC tenant id, the issuer's metadata and provider client, the
 * expiry {@code quarkus.identity.expire-time} the GraphQL WebSocket closes on) depends only on the token and the
 * issuer configuration, so it is the same for every request carrying that token. Permission checkers other than
 * the identity's own permissions are not carried over (OIDC adds none).
 */
final class VerifiedTokens {

    /** Identity attribute OIDC sets to the token's {@code exp} in epoch seconds ({@code OidcUtils}). */
    static final String EXPIRE_TIME = "quarkus.identity.expire-time";
    /** Identity attributes that belong to the request which authenticated, never to be shared with another. */
    static final Set<String> PER_REQUEST = Set.of(RoutingContext.class.getName(),
            AuthenticationRequestContext.class.getName());

    /** What a lookup found. */
    sealed interface Lookup permits Hit, Miss, Expired {
    }

    /** A remembered token: the identity to serve, once given this request's attributes. */
    record Hit(Entry entry) implements Lookup {
    }

    /** Not remembered (never seen, dropped for room, or remembered for {@code max-ttl} already). */
    record Miss() implements Lookup {
    }

    /** Remembered, and its {@code exp} has passed: the token is no longer valid. */
    record Expired() implements Lookup {
    }

    private static final Lookup MISS = new Miss();
    private static final Lookup EXPIRED = new Expired();

    /**
     * One verified token.
     *
     * @param template    the verified identity without per-request attributes
     * @param oidcTenant  the OIDC tenant (issuer configuration) that verified it
     * @param tokenExpiry the token's {@code exp}
     * @param until       when the entry stops being served: {@code tokenExpiry} or verification + {@code max-ttl}
     */
    record Entry(SecurityIdentity template, String oidcTenant, Instant tokenExpiry, Instant until) {

        /** A new identity for one request: the remembered one plus that request's own attributes. */
        SecurityIdentity identity(Map<String, Object> requestAttributes) {
            return QuarkusSecurityIdentity.builder()
                    .setPrincipal(template.getPrincipal())
                    .addRoles(template.getRoles())
                    .addCredentials(template.getCredentials())
                    .addPermissions(template.getPermissions())
                    .addAttributes(template.getAttributes())
                    .addAttributes(requestAttributes)
                    .build();
        }
    }

    private final Cache<String, Entry> entries;
    private final Duration maxTtl;
    private final Clock clock;

    VerifiedTokens(int maxEntries, Duration maxTtl, Clock clock) {
        this.maxTtl = maxTtl;
        this.clock = clock;
        // Maintenance on the calling thread, as every local cache of the gateway (resilience.LocalCaches says why).
        // Caffeine's own expiry only frees memory; whether an entry may still be served is decided by lookup().
        this.entries = Caffeine.newBuilder().executor(Runnable::run)
                .maximumSize(maxEntries)
                .expireAfterWrite(maxTtl)
                .build();
    }

    /** The key of a token: its SHA-256, Base64. */
    static String key(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return java.util.Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    /**
     * What is remembered under {@code key}, as of now. An entry past {@code max-ttl} is dropped; one past the
     * token's {@code exp} stays (dropped by size or {@code max-ttl}) and keeps answering {@link Expired}.
     */
    Lookup lookup(String key) {
        Entry entry = entries.getIfPresent(key);
        if (entry == null) {
            return MISS;
        }
        Instant now = clock.instant();
        if (!now.isBefore(entry.tokenExpiry())) {
            return EXPIRED; // kept: the token is refused without another verification until the entry is dropped
        }
        if (!now.isBefore(entry.until())) {
            entries.invalidate(key);
            return MISS;
        }
        return new Hit(entry);
    }

    /**
     * Remembers the identity OIDC verified for the token under {@code key}, unless it has no expiry, no OIDC
     * tenant, or expires now; returns whether it did.
     */
    boolean remember(String key, SecurityIdentity verified) {
        Instant expiry = expiry(verified);
        Object oidcTenant = verified.getAttribute(CallerAugmentor.OIDC_TENANT);
        if (expiry == null || oidcTenant == null || verified.isAnonymous()) {
            return false;
        }
        Instant now = clock.instant();
        Instant until = now.plus(maxTtl).isBefore(expiry) ? now.plus(maxTtl) : expiry;
        if (!now.isBefore(until)) {
            return false;
        }
        entries.put(key, new Entry(withoutRequest(verified), oidcTenant.toString(), expiry, until));
        return true;
    }

    /** Forgets every token. */
    void clear() {
        entries.invalidateAll();
    }

    /** Tokens remembered now (approximately, entries past their time may still count until the next cleanup). */
    long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }

    /** The token's {@code exp}: from the verified claims, else from the identity's expiry attribute; null if none. */
    private static Instant expiry(SecurityIdentity identity) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getExpirationTime() > 0) {
            return Instant.ofEpochSecond(jwt.getExpirationTime());
        }
        return identity.getAttribute(EXPIRE_TIME) instanceof Number seconds && seconds.longValue() > 0
                ? Instant.ofEpochSecond(seconds.longValue()) : null;
    }

    private static SecurityIdentity withoutRequest(SecurityIdentity verified) {
        Map<String, Object> attributes = new HashMap<>(verified.getAttributes());
        attributes.keySet().removeAll(PER_REQUEST);
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(verified.getPrincipal())
                .addRoles(verified.getRoles())
                .addCredentials(verified.getCredentials())
                .addPermissions(verified.getPermissions())
                .addAttributes(attributes)
                .build();
    }
}
