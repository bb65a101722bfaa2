package dev.cdrgateway.security;

import dev.cdrgateway.domain.access.Caller;
import dev.cdrgateway.domain.error.UnauthenticatedException;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Handler;
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
 * Who may come in: the one admission rule of every authenticated entry point ({@code /graphql}, the GraphQL
 * WebSocket upgrade on it, {@code /export/*}), installed as a route handler in front of each. A request passes
 * with a verified bearer token and from then on carries its {@link Caller}. Quarkus OIDC refuses an invalid
 * token before any route runs; these paths are exempt from Quarkus's blanket authentication policy so that a
 * <em>missing</em> token is answered here, with {@code UNAUTHENTICATED} (HTTP 401 and the JSON error body every
 * refusal has) and a message saying how to send one. The request is failed with that error; the transport's error
 * response writer answers it.
 *
 * <p>One exception: browsers cannot set headers on a WebSocket upgrade, so GraphQL-over-WebSocket clients may
 * instead send their token in the {@code connection_init} payload ({@code {"Authorization": "Bearer <token>"}}),
 * which Quarkus verifies like the header (OIDC, then {@link CallerAugmentor}) when
 * {@code quarkus.smallrye-graphql.authorization-client-init-payload-name} is set. Such an upgrade is admitted
 * without a token only for the GraphQL WebSocket subprotocols; no operation on it runs before the payload token is
 * verified (resolvers need a caller), a bad payload token closes the socket (4403), and a socket still
 * unauthenticated after {@code gateway.live.connection-init-timeout} is closed.
 */
@ApplicationScoped
public class AdmissionPolicy implements Handler<RoutingContext> {

    private static final Logger LOG = Logger.getLogger(AdmissionPolicy.class);
    private static final Set<String> SUBPROTOCOLS = Set.of("graphql-transport-ws", "graphql-ws");
    private static final String TOKEN_REQUIRED = "A bearer token is required: send `Authorization: Bearer <token>` "
            + "(in GraphiQL, add {\"Authorization\": \"Bearer <token>\"} under Headers). In dev and demo mode, "
            + "GET /demo/tokens prints a token for each demo role.";

    private final boolean payloadAuthorization;
    private final long initTimeoutMs;

    AdmissionPolicy(SecurityConfig config,
                    @ConfigProperty(name = "quarkus.smallrye-graphql.authorization-client-init-payload-name")
                    Optional<String> initPayloadName) {
        this.payloadAuthorization = initPayloadName.filter(name -> !name.isBlank()).isPresent();
        this.initTimeoutMs = Math.max(1, config.webSocket().connectionInitTimeout().toMillis());
    }

    /** Passes a request with a verified caller, or a GraphQL WebSocket upgrade whose token follows; fails any other. */
    @Override
    public void handle(RoutingContext rc) {
        if (caller(rc).isPresent() || admitWithoutToken(rc)) {
            rc.next();
        } else {
            rc.fail(new UnauthenticatedException(TOKEN_REQUIRED));
        }
    }

    /** The caller {@link CallerAugmentor} derived from the request's verified token; empty without a token. */
    public Optional<Caller> caller(RoutingContext rc) {
        if (rc.user() instanceof QuarkusHttpUser user && !user.getSecurityIdentity().isAnonymous()) {
            return Optional.ofNullable(user.getSecurityIdentity().getAttribute(CallerAugmentor.CALLER));
        }
        return Optional.empty();
    }

    /** Whether the request asks to upgrade to a GraphQL WebSocket (any token aside). */
    public static boolean isGraphQLWebSocketUpgrade(RoutingContext rc) {
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
     * timer that closes the connection if it has not authenticated by then.
     */
    private boolean admitWithoutToken(RoutingContext rc) {
        if (!payloadAuthorization || !isGraphQLWebSocketUpgrade(rc)) {
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
