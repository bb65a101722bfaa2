package dev.cdrgateway.resilience;

import io.vertx.ext.web.RoutingContext;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The instant by which a request must be answered, handed by the transport that received it to the upstream reads
 * made for it ({@link RequestScope}): none of them waits past it. Travels as one typed entry on the request's
 * {@link RoutingContext}; a request without one (a WebSocket, whose subscriptions live as long as the socket; an
 * export) has no deadline.
 */
public record RequestDeadline(Instant at) {

    private static final String KEY = RequestDeadline.class.getName();

    /** The deadline of a request arriving now that may take {@code timeout} ({@code gateway.limits.request-timeout}). */
    public static RequestDeadline startingNow(Duration timeout) {
        return new RequestDeadline(Instant.now().plus(timeout));
    }

    /** Gives the request this deadline. */
    public void attachTo(RoutingContext rc) {
        rc.put(KEY, this);
    }

    /** The request's deadline, if its transport gave it one. */
    static Optional<RequestDeadline> of(RoutingContext rc) {
        return Optional.ofNullable(rc.get(KEY));
    }
}
