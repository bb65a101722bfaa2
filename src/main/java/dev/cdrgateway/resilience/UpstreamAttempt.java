package dev.cdrgateway.resilience;

import dev.cdrgateway.domain.error.GatewayException;
import dev.cdrgateway.domain.error.UpstreamCircuitOpenException;
import dev.cdrgateway.domain.error.UpstreamNotFoundException;
import dev.cdrgateway.domain.error.UpstreamTimeoutException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * One attempt at an upstream call: through its API's circuit breaker, then bounded by its endpoint's timeout
 * ({@code gateway.upstream.timeouts.<endpoint>}, else {@code default-timeout}). Each attempt that reaches the
 * upstream counts on the GraphQL request (its access log line) and in {@code gateway.upstream.requests} by
 * endpoint and outcome, and by tenant with {@code gateway.metrics.tenant-labels}.
 */
@ApplicationScoped
class UpstreamAttempt {

    private final ResilienceConfig.Upstream config;
    private final boolean tenantLabels;
    private final MeterRegistry metrics;
    private final CurrentRequest requests;
    /** Registered upstream timers by endpoint, outcome and tenant: a registry lookup per call costs more. */
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    UpstreamAttempt(ResilienceConfig config, MeterRegistry metrics, CurrentRequest requests) {
        this.config = config.upstream();
        this.tenantLabels = config.metrics().tenantLabels();
        this.metrics = metrics;
        this.requests = requests;
    }

    <T> Uni<T> run(UpstreamRead<T> read) {
        Duration timeout = config.timeouts().getOrDefault(read.endpoint(), config.defaultTimeout());
        String api = read.api().displayName();
        Supplier<Uni<T>> timed = () -> {
            RequestScope request = requests.orNull();
            if (request != null) {
                request.countUpstreamCall();
            }
            Timer.Sample sample = Timer.start(metrics);
            return read.call().get()
                    .ifNoItem().after(timeout).failWith(() -> new UpstreamTimeoutException(
                            "The " + api + " did not answer within " + timeout.toMillis() + " ms; retry later"))
                    .onItemOrFailure().invoke((item, failure) -> sample.stop(timer(read, failure)));
        };
        return read.api().throughBreaker(timed)
                .onFailure(CircuitBreakerOpenException.class).transform(f -> new UpstreamCircuitOpenException(
                        "The " + api + " is failing; calls are paused briefly, retry later"));
    }

    /** Latency histogram of upstream calls by endpoint and outcome (tenant only when configured: cardinality). */
    private Timer timer(UpstreamRead<?> read, Throwable failure) {
        String outcome = outcome(failure);
        String tenant = tenantLabels ? read.tenant() : null;
        return timers.computeIfAbsent(read.endpoint() + '|' + outcome + '|' + tenant, k -> {
            Timer.Builder timer = Timer.builder("gateway.upstream.requests")
                    .description("Calls to the upstream APIs (each retry attempt counts)")
                    .tag("endpoint", read.endpoint())
                    .tag("outcome", outcome)
                    .publishPercentileHistogram();
            if (tenant != null) {
                timer.tag("tenant", tenant);
            }
            return timer.register(metrics);
        });
    }

    private static String outcome(Throwable failure) {
        if (failure == null) {
            return "success";
        }
        if (failure instanceof UpstreamNotFoundException) {
            return "not_found";
        }
        if (failure instanceof GatewayException gateway) {
            return gateway.code().replace("UPSTREAM_", "").toLowerCase();
        }
        return "error";
    }
}
