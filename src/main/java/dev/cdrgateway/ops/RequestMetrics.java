package dev.cdrgateway.ops;

import dev.cdrgateway.http.GraphQLRequestCompleted;
import dev.cdrgateway.resilience.ResilienceConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The GraphQL request latency metric, {@code gateway.graphql.operations}: by operation name and outcome (and by
 * tenant when {@code gateway.metrics.tenant-labels} is on), with a percentile histogram.
 */
@ApplicationScoped
class RequestMetrics {

    private final MeterRegistry registry;
    private final OperationNames names;
    private final boolean tenantLabels;
    /** Registered timers by operation, outcome and tenant (bounded: operation names are). */
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    RequestMetrics(MeterRegistry registry, OperationNames names, ResilienceConfig resilience) {
        this.registry = registry;
        this.names = names;
        this.tenantLabels = resilience.metrics().tenantLabels();
    }

    void measure(@Observes GraphQLRequestCompleted request) {
        String operation = names.bounded(request.operation());
        String tenant = tenantLabels ? (request.tenant() == null ? "-" : request.tenant()) : null;
        String key = operation + '|' + request.outcome() + '|' + tenant;
        Timer timer = timers.get(key);
        if (timer == null) {
            Timer.Builder builder = Timer.builder("gateway.graphql.operations")
                    .description("GraphQL requests by operation name and outcome")
                    .tag("operation", operation).tag("outcome", request.outcome()).publishPercentileHistogram();
            if (tenant != null) {
                builder.tag("tenant", tenant);
            }
            timer = timers.computeIfAbsent(key, k -> builder.register(registry));
        }
        timer.record(request.duration());
    }
}
