package dev.cdrgateway.vobiz;

import dev.cdrgateway.domain.CallCriteria;
import dev.cdrgateway.resilience.CacheClass;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.LocalDate;

/**
 * How long each kind of Vobiz read may be served from the cache, in one place: by how fast its answer can still
 * change. A completed call never changes; a date range that ended before today (UTC) gains no more calls; the
 * customer records change rarely; anything that can still grow is cached briefly.
 */
@ApplicationScoped
class VobizCachePolicy {

    private final Clock clock;

    VobizCachePolicy(Clock clock) {
        this.clock = clock;
    }

    /**
     * A page of calls: long for a closed range of one customer, briefly for anything that can still grow (ranges
     * including today, no range) and for the partner-wide log, whose pages shift as any customer calls.
     */
    CacheClass callPage(CdrRoute route, CallCriteria filter) {
        return closed(filter) && !(route instanceof CdrRoute.PartnerGlobal) ? CacheClass.CLOSED : CacheClass.OPEN;
    }

    /**
     * The summary of a filtered set: long for a closed range on every route, the partner-wide log included (a
     * closed day no longer gains calls, and a year of monthly buckets must not be re-read every few seconds).
     */
    CacheClass summary(CallCriteria filter) {
        return closed(filter) ? CacheClass.CLOSED : CacheClass.OPEN;
    }

    /** The most recent calls: always briefly. */
    CacheClass recentCalls() {
        return CacheClass.OPEN;
    }

    /** One call by uuid: a completed call never changes. */
    CacheClass singleCall() {
        return CacheClass.CLOSED;
    }

    /** Customer lists and records. */
    CacheClass customers() {
        return CacheClass.CUSTOMERS;
    }

    private boolean closed(CallCriteria filter) {
        return filter.toDate() != null && filter.toDate().isBefore(LocalDate.now(clock));
    }
}
