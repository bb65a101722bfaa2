package dev.cdrgateway.resilience;

import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The gateway's own in-memory Caffeine caches (stale copies, customer routes, persisted queries, checked
 * documents) start from here, so their housekeeping and removal notifications run on the calling thread.
 * Caffeine's default executor is the common ForkJoinPool, and where that pool has parallelism 1 (any machine or
 * container with 2 CPUs) {@code CompletableFuture} runs each such task on a new thread: measured at two threads
 * per upstream call.
 */
public final class LocalCaches {

    private LocalCaches() {
    }

    /** A Caffeine builder whose maintenance runs on the calling thread. */
    public static Caffeine<Object, Object> newBuilder() {
        return Caffeine.newBuilder().executor(Runnable::run);
    }
}
