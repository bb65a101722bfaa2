package dev.cdrgateway.resilience;

/**
 * How fast a kind of upstream data ages, which decides the cache (and so the TTL) it lives in. TTLs and sizes
 * are {@code quarkus.cache.caffeine."<cache>".expire-after-write} / {@code maximum-size}.
 */
public enum CacheClass {
    /** A completed call by uuid; lists and summaries whose date range ended before today (UTC). Long TTL. */
    CLOSED("vobiz-closed"),
    /** Ranges that include today or are open-ended, recent calls, the partner-wide log. Short TTL. */
    OPEN("vobiz-open"),
    /** Customer lists and records. Medium TTL. */
    CUSTOMERS("vobiz-customers");

    private final String cacheName;

    CacheClass(String cacheName) {
        this.cacheName = cacheName;
    }

    /** The Quarkus cache name. */
    public String cacheName() {
        return cacheName;
    }
}
