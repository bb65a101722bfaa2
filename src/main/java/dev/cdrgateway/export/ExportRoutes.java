package dev.cdrgateway.export;

import dev.cdrgateway.domain.Call;
import dev.cdrgateway.domain.access.Caller;
import dev.cdrgateway.domain.error.GatewayException;
import dev.cdrgateway.domain.error.InternalException;
import dev.cdrgateway.security.AdmissionPolicy;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;

/**
 * {@code GET /export/calls.csv}: a customer's calls, or the partner-wide log, as CSV streamed while it is read
 * from upstream. Admitted like {@code /graphql}, by the {@link AdmissionPolicy} (a missing token gets 401).
 *
 * <p>Until the first upstream answer is in, nothing is sent: bad input (400), refusals (403/404) and upstream
 * errors (429/502/503/504) fail the request with their {@link GatewayException}, which the transport answers
 * with a JSON body in the {@code /graphql} error shape
 * ({@code {"errors":[{"message","extensions":{"code","retryable"}}]}}) and the code's HTTP status; no upstream
 * call is made for input or access errors. From then on the response is {@code 200 text/csv}, chunked, written
 * batch by batch with back-pressure (the next upstream read waits until the client has taken what was
 * written). A failure after that point <b>resets the connection</b>: the client sees an incomplete chunked
 * transfer (curl fails with a transfer error), never a truncated file that looks complete. A client that goes
 * away cancels the upstream reads. Each export ends with an {@link ExportCompleted} event for the request log.
 */
@ApplicationScoped
public class ExportRoutes {

    static final String PATH = "/export/calls.csv";
    private static final Logger LOG = Logger.getLogger(ExportRoutes.class);

    private final ExportService exports;
    private final AdmissionPolicy admission;
    private final Event<ExportCompleted> completed;
    private final CallCsv csv;
    private final Clock clock;

    ExportRoutes(ExportService exports, AdmissionPolicy admission, Event<ExportCompleted> completed,
                 ExportConfig config, Clock clock) {
        this.clock = clock;
        this.exports = exports;
        this.admission = admission;
        this.completed = completed;
        this.csv = new CallCsv(config.formulaGuard());
    }

    void install(@Observes Router router) {
        router.get(PATH).handler(this::start).handler(admission).handler(this::export);
    }

    /** Reports the export once it has been answered, whether it was refused, served, aborted or cancelled. */
    private void start(RoutingContext rc) {
        Exchange exchange = new Exchange(rc);
        rc.put(Exchange.KEY, exchange);
        rc.addBodyEndHandler(v -> exchange.report(rc.response().getStatusCode() >= 400 ? "rejected" : "ok"));
        rc.next();
    }

    private void export(RoutingContext rc) {
        Exchange exchange = rc.get(Exchange.KEY);
        Caller caller = admission.caller(rc).orElseThrow();
        exchange.caller = caller;
        ExportRequest request;
        try {
            request = ExportRequest.of(rc.queryParams(), caller, LocalDate.now(clock));
        } catch (GatewayException e) {
            rc.fail(e);
            return;
        }
        Context context = Vertx.currentContext();
        Executor onRequestContext = task -> context.runOnContext(ignored -> task.run());
        exports.open(caller, request)
                .emitOn(onRequestContext)
                .subscribe().with(
                        rows -> rows.emitOn(onRequestContext).subscribe()
                                .withSubscriber(new CsvWriter(rc, request, exchange)),
                        failure -> refuse(rc, failure));
    }

    /** One export as it goes: its caller once admitted, the rows written, and whether it has been reported. */
    private final class Exchange {

        static final String KEY = Exchange.class.getName();

        private final RoutingContext rc;
        private final long started = System.nanoTime();
        private Caller caller;
        private long rows;
        private boolean reported;

        Exchange(RoutingContext rc) {
            this.rc = rc;
        }

        void report(String outcome) {
            if (reported) {
                return;
            }
            reported = true;
            completed.fire(new ExportCompleted(caller == null ? null : caller.tenant().value(), outcome,
                    rc.response().getStatusCode(), rows, Duration.ofNanos(System.nanoTime() - started)));
        }
    }

    /** Writes batches as they come, asking for the next one only when the connection can take more. */
    private final class CsvWriter implements Flow.Subscriber<List<Call>> {

        private final RoutingContext rc;
        private final ExportRequest request;
        private final Exchange exchange;
        private Flow.Subscription subscription;
        private boolean committed;
        private boolean done;

        CsvWriter(RoutingContext rc, ExportRequest request, Exchange exchange) {
            this.rc = rc;
            this.request = request;
            this.exchange = exchange;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            rc.response().closeHandler(ignored -> {
                if (!done) {
                    done = true;
                    s.cancel();
                    exchange.report("cancelled");
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
                exchange.rows += batch.size();
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
                refuse(rc, failure);
                return;
            }
            done = true;
            LOG.warnf("CSV export aborted after %d rows: %s", exchange.rows, describe(failure));
            exchange.report("aborted");
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

    /** Fails the request with an error before any CSV byte; the transport answers it (JSON, the code's status). */
    private static void refuse(RoutingContext rc, Throwable failure) {
        if (failure instanceof GatewayException known) {
            rc.fail(known);
            return;
        }
        LOG.errorf("CSV export failed before the first byte: %s", describe(failure));
        rc.fail(new InternalException("The export failed; retry later"));
    }

    private static String describe(Throwable failure) {
        return failure instanceof GatewayException g ? g.code() : failure.getClass().getSimpleName();
    }
}
