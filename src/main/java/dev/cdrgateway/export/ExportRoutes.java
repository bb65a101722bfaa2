package dev.cdrgateway.export;

import dev.cdrgateway.domain.Call;
import dev.cdrgateway.domain.error.GatewayException;
import dev.cdrgateway.domain.error.UnauthenticatedException;
import dev.cdrgateway.domain.error.UpstreamRateLimitedException;
import dev.cdrgateway.domain.access.Caller;
import dev.cdrgateway.security.CallerAugmentor;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Multi;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

/**
 * {@code GET /export/calls.csv}: a customer's calls, or the partner-wide log, as CSV streamed while it is read
 * from upstream. Authenticated like {@code /graphql} (Quarkus OIDC verifies the bearer token; a missing one gets
 * 401 here with a JSON body, {@code /export/*} being exempt from the blanket authentication policy for that).
 *
 * <p>Until the first upstream answer is in, nothing is sent: bad input (400), refusals (403/404) and upstream
 * errors (429/502/503/504) answer with a JSON body in the {@code /graphql} error shape
 * ({@code {"errors":[{"message","extensions":{"code","retryable"}}]}}) and no upstream call is made for input or
 * access errors. From then on the response is {@code 200 text/csv}, chunked, written batch by batch with
 * back-pressure (the next upstream read waits until the client has taken what was written). A failure after
 * that point <b>resets the connection</b>: the client sees an incomplete chunked transfer (curl fails with
 * a transfer error), never a truncated file that looks complete. A client that goes away cancels the upstream reads.
 */
@ApplicationScoped
public class ExportRoutes {

    static final String PATH = "/export/calls.csv";
    private static final Logger LOG = Logger.getLogger(ExportRoutes.class);

    private final ExportService exports;
    private final CallCsv csv;
    private final Clock clock;

    ExportRoutes(ExportService exports, ExportConfig config, Clock clock) {
        this.clock = clock;
        this.exports = exports;
        this.csv = new CallCsv(config.formulaGuard());
    }

    void install(@Observes Router router) {
        router.get(PATH).handler(this::export);
    }

    private void export(RoutingContext rc) {
        long started = System.nanoTime();
        Caller caller = caller(rc);
        if (caller == null) {
            rc.response().putHeader("WWW-Authenticate", "Bearer");
            error(rc, new UnauthenticatedException("A bearer token is required: send `Authorization: Bearer <token>`. "
                    + "In dev and demo mode, GET /demo/tokens prints a token for each demo role."), started, null);
            return;
        }
        ExportRequest request;
        try {
            request = ExportRequest.of(rc.queryParams(), caller, LocalDate.now(clock));
        } catch (GatewayException e) {
            error(rc, e, started, caller);
            return;
        }
        Context context = Vertx.currentContext();
        Executor onRequestContext = task -> context.runOnContext(ignored -> task.run());
        exports.open(caller, request)
                .emitOn(onRequestContext)
                .subscribe().with(
                        rows -> rows.emitOn(onRequestContext).subscribe()
                                .withSubscriber(new CsvWriter(rc, request, caller, started)),
                        failure -> error(rc, failure, started, caller));
    }

    /** The verified caller, or {@code null} when the request carried no token. */
    private static Caller caller(RoutingContext rc) {
        if (rc.user() instanceof QuarkusHttpUser user && !user.getSecurityIdentity().isAnonymous()) {
            return user.getSecurityIdentity().getAttribute(CallerAugmentor.CALLER);
        }
        return null;
    }

    /** Writes batches as they come, asking for the next one only when the connection can take more. */
    private final class CsvWriter implements Flow.Subscriber<List<Call>> {

        private final RoutingContext rc;
        private final ExportRequest request;
        private final Caller caller;
        private final long started;
        private Flow.Subscription subscription;
        private boolean committed;
        private boolean done;
        private long rows;

        CsvWriter(RoutingContext rc, ExportRequest request, Caller caller, long started) {
            this.rc = rc;
            this.request = request;
            this.caller = caller;
            this.started = started;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            rc.response().closeHandler(ignored -> {
                if (!done) {
                    done = true;
                    s.cancel();
                    log(caller, "cancelled", rc.response().getStatusCode(), started, rows);
                }
            });
            s.request(1);
        }

        @Override
        public void onNext(List<Call> batch) {
            if (done) {
                return;
            }
            HttpServerResponse response = rc.response();
            if (!committed) {
                commit();
            }
            if (!batch.isEmpty()) {
                rows += batch.size();
                response.write(Buffer.buffer(csv.rows(batch)));
            }
            if (response.writeQueueFull()) {
                response.drainHandler(ignored -> subscription.request(1));
            } else {
                subscription.request(1);
            }
        }

        @Override
        public void onError(Throwable failure) {
            if (done) {
                return;
            }
            if (!committed) {
                done = true;
                error(rc, failure, started, caller);
                return;
            }
            done = true;
            LOG.warnf("CSV export aborted after %d rows: %s", rows, describe(failure));
            log(caller, "aborted", 200, started, rows);
            rc.response().reset();
        }

        @Override
        public void onComplete() {
            if (done) {
                return;
            }
            done = true;
            if (!committed) {
                commit();
            }
            rc.response().end();
            log(caller, "ok", 200, started, rows);
        }

        private void commit() {
            committed = true;
            rc.response().setStatusCode(200).setChunked(true)
                    .putHeader(HttpHeaders.CONTENT_TYPE, "text/csv; charset=utf-8")
                    .putHeader("Content-Disposition", "attachment; filename=\"" + request.fileName() + "\"")
                    .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                    .putHeader("X-Content-Type-Options", "nosniff")
                    .write(csv.header());
        }
    }

    /** An error before any CSV byte: the {@code /graphql} error shape with the matching HTTP status. */
    private static void error(RoutingContext rc, Throwable failure, long started, Caller caller) {
        HttpServerResponse response = rc.response();
        if (response.ended() || response.closed()) {
            return;
        }
        GatewayException known = failure instanceof GatewayException g ? g : null;
        String code = known != null ? known.code() : "INTERNAL";
        if (known == null) {
            LOG.errorf("CSV export failed before the first byte: %s", describe(failure));
        }
        String message = known != null ? known.getMessage() : "The export failed; retry later";
        int status = status(code);
        if (failure instanceof UpstreamRateLimitedException limited && limited.retryAfter().isPresent()) {
            response.putHeader("Retry-After", Long.toString(Math.max(1, limited.retryAfter().get().toSeconds())));
        }
        response.setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=UTF-8")
                .end(new JsonObject().put("errors", List.of(Map.of("message", message, "extensions",
                        Map.of("code", code, "retryable", known != null && known.retryable())))).encode());
        log(caller, "rejected", status, started, 0);
    }

    /** HTTP status per error code (README, "CSV export"). */
    static int status(String code) {
        return switch (code) {
            case "BAD_USER_INPUT" -> 400;
            case "UNAUTHENTICATED" -> 401;
            case "FORBIDDEN" -> 403;
            case "NOT_FOUND" -> 404;
            case "UPSTREAM_RATE_LIMITED" -> 429;
            case "UPSTREAM_UNAUTHORIZED", "UPSTREAM_REJECTED" -> 502;
            case "UPSTREAM_UNAVAILABLE", "TENANT_NOT_CONFIGURED" -> 503;
            case "UPSTREAM_TIMEOUT" -> 504;
            default -> 500;
        };
    }

    private static String describe(Throwable failure) {
        return failure instanceof GatewayException g ? g.code() : failure.getClass().getSimpleName();
    }

    /** One INFO line per export (tenant, outcome, status, rows, duration; never a token or a phone number). */
    private static void log(Caller caller, String outcome, int status, long started, long rows) {
        String tenant = caller == null ? "-" : caller.tenant().value();
        MDC.put("tenant", tenant);
        MDC.put("outcome", outcome);
        try {
            LOG.infof("export tenant=%s outcome=%s status=%d rows=%d durationMs=%d", tenant, outcome, status, rows,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        } finally {
            MDC.remove("tenant");
            MDC.remove("outcome");
        }
    }
}
