package dev.cdrgateway.http;

import dev.cdrgateway.domain.error.ErrorCode;
import dev.cdrgateway.domain.error.GatewayException;
import dev.cdrgateway.domain.error.UpstreamRateLimitedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;
import java.util.Map;

/**
 * The error responses of the gateway's HTTP endpoints, all in the shape of GraphQL errors
 * ({@code {"errors":[{"message","extensions":{"code","retryable"}}]}}) with the HTTP status {@link ErrorCode}
 * gives each code: the refusals the GraphQL transport writes itself, and every request a route fails with a
 * {@link GatewayException} (a missing token on {@code /graphql} or {@code /export}, an export refused before its
 * first byte), which the failure handler installed here answers. A {@code UNAUTHENTICATED} answer names the
 * {@code Bearer} scheme; a rate-limited one passes on the {@code Retry-After} the provider asked for.
 */
@ApplicationScoped
class ErrorResponses {

    void install(@Observes Router router) {
        // Ahead of the GraphQL body handler's failure handler (order -101), on every path
        router.route().order(-102).failureHandler(ErrorResponses::failed);
    }

    /** Refuses the GraphQL request with the code's HTTP status, in its negotiated media type. */
    static void refuse(RoutingContext rc, ErrorCode code, String message) {
        write(rc, code.httpStatus(), ResponseMediaType.answerType(rc), error(code, message));
    }

    /**
     * Answers a well-formed GraphQL request whose document is refused: 400 for
     * {@code application/graphql-response+json} clients, 200 for {@code application/json} ones, as the
     * GraphQL-over-HTTP specification says.
     */
    static void requestError(RoutingContext rc, Map<String, Object> error) {
        String type = ResponseMediaType.answerType(rc);
        write(rc, type.startsWith(ResponseMediaType.GRAPHQL_RESPONSE_JSON) ? 400 : 200, type, error);
    }

    /** One error: its message and the documented code with its {@code retryable} flag. */
    static Map<String, Object> error(ErrorCode code, String message) {
        return Map.of("message", message, "extensions", extensions(code, code.retryable()));
    }

    private static Map<String, Object> extensions(ErrorCode code, boolean retryable) {
        return Map.of("code", code.name(), "retryable", retryable);
    }

    /** A request a route failed with a {@link GatewayException}; any other failure is left to Quarkus. */
    private static void failed(RoutingContext rc) {
        if (!(rc.failure() instanceof GatewayException failure) || rc.response().headWritten()) {
            rc.next();
            return;
        }
        HttpServerResponse response = rc.response();
        if (response.closed()) {
            return; // the client has gone: there is no one to answer
        }
        ErrorCode code = ErrorCode.documented(failure.code()).orElse(ErrorCode.INTERNAL);
        if (code == ErrorCode.UNAUTHENTICATED) {
            response.putHeader("WWW-Authenticate", "Bearer");
        }
        if (failure instanceof UpstreamRateLimitedException limited && limited.retryAfter().isPresent()) {
            long seconds = Math.max(1, limited.retryAfter().get().toSeconds());
            response.putHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        }
        // A GraphQL request keeps its negotiated media type; every other endpoint answers its errors in JSON
        String type = GraphQLExchange.of(rc).isPresent() ? ResponseMediaType.answerType(rc) : ResponseMediaType.JSON;
        write(rc, code.httpStatus(), type, Map.of("message", failure.getMessage(),
                "extensions", extensions(code, failure.retryable())));
    }

    private static void write(RoutingContext rc, int status, String type, Map<String, Object> error) {
        rc.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, type + "; charset=UTF-8")
                .end(new JsonObject().put("errors", List.of(error)).encode());
    }
}
