package dev.cdrgateway.http;

import dev.cdrgateway.domain.error.ErrorCode;
import dev.cdrgateway.resilience.RequestDeadline;
import dev.cdrgateway.resilience.ResilienceConfig;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * A GraphQL request over HTTP must be answered within {@code gateway.limits.request-timeout}: its
 * {@link RequestDeadline} goes to the upstream reads made for it, which stop waiting then, so a request normally
 * ends before it. One that has still written nothing a second later (a defect further down) gets a 504 with
 * {@code UPSTREAM_TIMEOUT} instead of holding the client's connection open. WebSocket upgrades get no deadline:
 * their subscriptions live as long as the socket.
 */
@ApplicationScoped
class RequestTimeLimit {

    private static final Logger LOG = Logger.getLogger(RequestTimeLimit.class);
    /** How long after its deadline a request that has written nothing is answered 504. */
    private static final long STUCK_GRACE_MILLIS = 1000;

    private final Duration requestTimeout;

    RequestTimeLimit(ResilienceConfig resilience) {
        this.requestTimeout = resilience.limits().requestTimeout();
    }

    /** Gives the request its deadline and arms the last-resort answer. */
    void start(RoutingContext rc) {
        RequestDeadline.startingNow(requestTimeout).attachTo(rc);
        long timer = rc.vertx().setTimer(requestTimeout.toMillis() + STUCK_GRACE_MILLIS, id -> {
            if (!rc.response().headWritten() && !rc.response().ended() && !rc.response().closed()) {
                LOG.errorf("A GraphQL request had no answer %d ms after its deadline; answering 504", STUCK_GRACE_MILLIS);
                ErrorResponses.refuse(rc, ErrorCode.UPSTREAM_TIMEOUT, "The request did not complete within its "
                        + requestTimeout.toMillis() + " ms limit; retry later, or ask for less at once");
            }
        });
        rc.addEndHandler(v -> rc.vertx().cancelTimer(timer));
    }
}
