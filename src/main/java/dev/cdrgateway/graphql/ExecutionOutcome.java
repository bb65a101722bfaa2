package dev.cdrgateway.graphql;

import io.vertx.ext.web.RoutingContext;

import java.util.Locale;
import java.util.Optional;

/**
 * How a GraphQL execution ended, for the transport that carried it (its HTTP status and cache headers) and for
 * the request log and metrics. Travels as one typed entry on the request's {@link RoutingContext}.
 *
 * @param result        whether the operation produced its data
 * @param tenant        the caller's tenant, {@code -} when the request had no usable caller
 * @param upstreamCalls calls that reached the upstream provider for this request (retries included)
 */
public record ExecutionOutcome(Result result, String tenant, int upstreamCalls) {

    private static final String KEY = ExecutionOutcome.class.getName();

    /** The three ways an execution ends. */
    public enum Result {
        /** Data and no error. */
        OK,
        /** Data with errors on some fields. */
        PARTIAL,
        /** Errors and no data: the request failed before execution or as a whole. */
        FAILED;

        /** The name logs and metrics use. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The outcome the request's execution attached, if it ran. */
    public static Optional<ExecutionOutcome> of(RoutingContext rc) {
        return Optional.ofNullable(rc.get(KEY));
    }

    void attachTo(RoutingContext rc) {
        rc.put(KEY, this);
    }
}
