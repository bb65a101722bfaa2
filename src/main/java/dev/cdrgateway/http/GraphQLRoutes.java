package dev.cdrgateway.http;

import dev.cdrgateway.domain.error.ErrorCode;
import dev.cdrgateway.graphql.ExecutionOutcome;
import dev.cdrgateway.graphql.LimitsConfig;
import dev.cdrgateway.security.AdmissionPolicy;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.DecodeException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.json.stream.JsonParsingException;

import java.time.Duration;
import java.util.Optional;

/**
 * GraphQL over HTTP: the rules SmallRye leaves out, applied in this order in front of its {@code /graphql}
 * handler. The request gets its deadline ({@link RequestTimeLimit}) and its media type
 * ({@link ResponseMediaType}), then passes the {@link AdmissionPolicy}; its answer will carry the right status and
 * cache headers ({@link ResponseHeaders}); a POST passes {@link PostRequests}, a GET {@link GetRequests}. A
 * WebSocket handshake gets neither a deadline nor a media type. When the response has been written, a
 * {@link GraphQLRequestCompleted} event tells operators how it went.
 */
@ApplicationScoped
class GraphQLRoutes {

    private final LimitsConfig limits;
    private final AdmissionPolicy admission;
    private final RequestTimeLimit timeLimit;
    private final ResponseHeaders headers;
    private final PostRequests posts;
    private final GetRequests gets;
    private final Event<GraphQLRequestCompleted> completed;

    GraphQLRoutes(LimitsConfig limits, AdmissionPolicy admission, RequestTimeLimit timeLimit, ResponseHeaders headers,
                  PostRequests posts, GetRequests gets, Event<GraphQLRequestCompleted> completed) {
        this.limits = limits;
        this.admission = admission;
        this.timeLimit = timeLimit;
        this.headers = headers;
        this.posts = posts;
        this.gets = gets;
        this.completed = completed;
    }

    void install(@Observes Router router) {
        // No file uploads: a GraphQL body is JSON, and the default would create ./file-uploads (read-only root fs).
        router.route("/graphql").order(-101).handler(BodyHandler.create(false).setBodyLimit(limits.maxBodyBytes()))
                .failureHandler(this::unreadable);
        // Before SmallRye's WebSocket handler (order -99), so a WebSocket upgrade is admitted the same way.
        router.route("/graphql").order(-100).handler(this::start).handler(admission).handler(this::envelope);
    }

    private void start(RoutingContext rc) {
        GraphQLExchange exchange = GraphQLExchange.start(rc);
        rc.addBodyEndHandler(v -> completed(rc, exchange));
        if (!rc.request().headers().contains(HttpHeaders.UPGRADE)) {
            timeLimit.start(rc);
            if (!ResponseMediaType.negotiate(rc, exchange)) {
                return;
            }
        }
        rc.next();
    }

    private void envelope(RoutingContext rc) {
        GraphQLExchange exchange = GraphQLExchange.of(rc).orElseThrow();
        headers.applyTo(rc, exchange);
        if (rc.request().method() == HttpMethod.POST) {
            posts.check(rc, exchange);
        } else if (rc.request().method() == HttpMethod.GET && !rc.request().headers().contains(HttpHeaders.UPGRADE)) {
            gets.check(rc, exchange);
        } else {
            rc.next();
        }
    }

    /**
     * A request whose body or query string could not be read: a body over the limit, or input a parser refused.
     * Answered as JSON with a documented code like every other refusal; anything else is left to Quarkus.
     */
    private void unreadable(RoutingContext rc) {
        if (rc.response().headWritten()) {
            rc.next();
            return;
        }
        int status = rc.statusCode();
        if (status == 413) {
            ErrorResponses.refuse(rc, ErrorCode.REQUEST_TOO_LARGE, "The request body is larger than "
                    + limits.maxBodyBytes() + " bytes (gateway.limits.max-body-bytes)");
        } else if (status == 400 || rc.failure() instanceof DecodeException
                || rc.failure() instanceof IllegalArgumentException || rc.failure() instanceof JsonParsingException) {
            // e.g. a query string with an undecodable escape (%zz), which Vert.x refuses when it is read
            ErrorResponses.refuse(rc, ErrorCode.BAD_REQUEST, "The request is malformed (query string or body)");
        } else {
            rc.next();
        }
    }

    private void completed(RoutingContext rc, GraphQLExchange exchange) {
        int status = rc.response().getStatusCode();
        Optional<ExecutionOutcome> execution = ExecutionOutcome.of(rc);
        String outcome = execution.map(e -> e.result().label()).orElse(status >= 400 ? "rejected" : "ok");
        completed.fire(new GraphQLRequestCompleted(exchange.operation(), outcome,
                execution.map(ExecutionOutcome::tenant).orElse(null), status,
                Duration.ofNanos(System.nanoTime() - exchange.startedNanos()),
                execution.map(ExecutionOutcome::upstreamCalls).orElse(0)));
    }
}
