package dev.cdrgateway.resilience;

import io.smallrye.mutiny.Uni;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * One upstream read, as the provider adapter hands it to the {@link UpstreamPipeline}: everything the pipeline
 * needs to share, limit, retry, guard and time it, and the call itself.
 *
 * @param api        the API that serves it: its circuit breaker and its name in messages
 * @param endpoint   e.g. {@code partner.cdrs}; selects the timeout and names the cache key and metrics
 * @param identity   whose data this is (an auth id, never a token)
 * @param tenant     whose concurrency lane the read takes, and its {@code tenant} metric label when configured
 * @param cacheClass how long the answer stays fresh
 * @param params     the normalised query parameters
 * @param call       the upstream call
 */
public record UpstreamRead<T>(UpstreamApi api, String endpoint, String identity, String tenant, CacheClass cacheClass,
                              Map<String, String> params, Supplier<Uni<T>> call) {

    /**
     * The key every memo of the pipeline uses: identity, endpoint and parameters in a stable order. Never
     * contains a secret, and never the tenant: reads of the same data with the same credentials are the same read.
     */
    public String key() {
        return identity + "|" + endpoint + "|" + new TreeMap<>(params);
    }
}
