package dev.cdrgateway.http;

import dev.cdrgateway.graphql.ExecutionOutcome;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The status and cache headers of a GraphQL answer, set as SmallRye writes it:
 * <ul>
 *   <li>a client that negotiated {@code application/json} gets that type, not the
 *       {@code application/graphql-response+json} SmallRye answers to {@code *&#47;*} and to no {@code Accept};</li>
 *   <li>with {@code application/graphql-response+json}, a request that failed as a whole (errors, no
 *       {@code data}) answers 400, as the GraphQL-over-HTTP specification requires; {@code application/json}
 *       clients keep 200;</li>
 *   <li>a successful GET query may be served again by the client's own HTTP cache
 *       ({@code gateway.persisted-queries.get-max-age}), never by a shared one; any other GET answer is
 *       {@code no-store}. GET answers vary on {@code Authorization} and {@code Accept}.</li>
 * </ul>
 */
@ApplicationScoped
class ResponseHeaders {

    private final String getCacheControl;

    ResponseHeaders(PersistedQueriesConfig persisted) {
        long maxAge = persisted.getMaxAge().toSeconds();
        this.getCacheControl = maxAge > 0 ? "private, max-age=" + maxAge : "no-store";
    }

    /** Sets the request's status and cache headers when its response headers are written. */
    void applyTo(RoutingContext rc, GraphQLExchange exchange) {
        rc.addHeadersEndHandler(v -> {
            ExecutionOutcome.Result result = ExecutionOutcome.of(rc).map(ExecutionOutcome::result).orElse(null);
            String type = rc.response().headers().get(HttpHeaders.CONTENT_TYPE);
            if (ResponseMediaType.JSON.equals(exchange.responseType()) && type != null
                    && type.startsWith(ResponseMediaType.GRAPHQL_RESPONSE_JSON)) {
                type = "application/json; charset=UTF-8";
                rc.response().putHeader(HttpHeaders.CONTENT_TYPE, type);
            }
            if (result == ExecutionOutcome.Result.FAILED && rc.response().getStatusCode() == 200
                    && type != null && type.startsWith(ResponseMediaType.GRAPHQL_RESPONSE_JSON)) {
                rc.response().setStatusCode(400);
            }
            if (rc.request().method() == HttpMethod.GET) {
                boolean ok = rc.response().getStatusCode() == 200 && exchange.operation() != null
                        && result == ExecutionOutcome.Result.OK;
                rc.response().putHeader(HttpHeaders.CACHE_CONTROL, ok ? getCacheControl : "no-store")
                        .putHeader(HttpHeaders.VARY, "Authorization, Accept");
            }
        });
    }
}
