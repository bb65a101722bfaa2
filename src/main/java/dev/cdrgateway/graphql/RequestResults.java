package dev.cdrgateway.graphql;

import dev.cdrgateway.resilience.RequestScope;
import graphql.ExecutionResult;
import graphql.GraphQLContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Map;

/**
 * What an execution result tells the rest of the request: its {@link ExecutionOutcome}, attached to the HTTP
 * request for the transport and the request log, and the response-level {@code extensions} (is any of the data
 * stale?). Reads the request's upstream bookkeeping and caller, so does nothing outside a request.
 */
@ApplicationScoped
class RequestResults {

    private final CurrentRequest request;
    private final RequestScope upstream;

    RequestResults(CurrentRequest request, RequestScope upstream) {
        this.request = request;
        this.upstream = upstream;
    }

    /** Attaches the result's outcome to the current HTTP request. */
    void observe(ExecutionResult result, GraphQLContext execution) {
        request.routingContext().ifPresent(rc -> {
            boolean failed = !result.isDataPresent() && !result.getErrors().isEmpty();
            ExecutionOutcome.Result outcome = failed ? ExecutionOutcome.Result.FAILED
                    : result.getErrors().isEmpty() ? ExecutionOutcome.Result.OK : ExecutionOutcome.Result.PARTIAL;
            new ExecutionOutcome(outcome, tenant(execution), upstream.upstreamCalls()).attachTo(rc);
        });
    }

    /** {@code stale: true} and the age in seconds when any data of this response came from a stale cache entry. */
    Map<String, Object> responseExtensions() {
        if (!request.active()) {
            return Map.of();
        }
        Duration age = upstream.staleAge();
        return age == null ? Map.of() : Map.of("stale", true, "staleAgeSeconds", age.toSeconds());
    }

    /** The tenant the execution was begun for, {@code -} when it had no caller. */
    private static String tenant(GraphQLContext execution) {
        return ExecutionCaller.of(execution).map(pin -> pin.caller().tenant().value()).orElse("-");
    }
}
