package dev.cdrgateway.live;

import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Browsers cannot set headers on a WebSocket upgrade, so GraphQL-over-WebSocket clients may instead send their
 * bearer token in the {@code connection_init} payload ({@code {"Authorization": "Bearer <token>"}}), which Quarkus
 * verifies like the header (OIDC, then the tenant checks) when
 * {@code quarkus.smallrye-graphql.authorization-client-init-payload-name} is set. Such an upgrade arrives without
 * a token: it is admitted here only for the GraphQL WebSocket subprotocols, no operation on it runs before the
 * payload token is verified (resolvers need a caller), a bad payload token closes the socket (4403), and a socket
 * still unauthenticated after {@code gateway.live.connection-init-timeout} is closed.
 */
@ApplicationScoped
public class WebSocketUpgrades {

    private static final Logger LOG = Logger.getLogger(WebSocketUpgrades.class);
    private static final Set<String> SUBPROTOCOLS = Set.of("graphql-transport-ws", "graphql-ws");

    private final boolean payloadAuthorization;
    private final long initTimeoutMs;

    WebSocketUpgrades(LiveConfig config,
                      @ConfigProperty(name = "quarkus.smallrye-graphql.authorization-client-init-payload-name")
                      Optional<String> initPayloadName) {
        this.payloadAuthorization = initPayloadName.filter(name -> !name.isBlank()).isPresent();
        this.initTimeoutMs = Math.max(1, config.connectionInitTimeout().toMillis());
    }

    /** Whether the request asks to upgrade to a GraphQL WebSocket (any token aside). */
    public static boolean isGraphQLUpgrade(RoutingContext rc) {
        if (rc.request().method() != HttpMethod.GET
                || !rc.request().headers().contains(HttpHeaders.UPGRADE, HttpHeaders.WEBSOCKET, true)) {
            return false;
        }
        String protocols = rc.request().getHeader("Sec-WebSocket-Protocol");
        return protocols != null && Arrays.stream(protocols.split(","))
                .map(p -> p.trim().toLowerCase(Locale.ROOT)).anyMatch(SUBPROTOCOLS::contains);
    }

    /**
     * Admits an upgrade that carries no token when the token may follow in {@code connection_init}, and arms the
     * timer that closes the connection if it has not authenticated by then. {@code false}: refuse it (401).
     */
    public boolean admitWithoutToken(RoutingContext rc) {
        if (!payloadAuthorization || !isGraphQLUpgrade(rc)) {
            return false;
        }
        rc.vertx().setTimer(initTimeoutMs, id -> {
            if (anonymous(rc)) {
                LOG.debug("Closing a GraphQL WebSocket that did not authenticate in time");
                rc.request().connection().close();
            }
        });
        return true;
    }

    private static boolean anonymous(RoutingContext rc) {
        return rc.user() == null
                || rc.user() instanceof QuarkusHttpUser user && user.getSecurityIdentity().isAnonymous();
    }
}
