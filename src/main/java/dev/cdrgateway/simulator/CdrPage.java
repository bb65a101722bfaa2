package dev.cdrgateway.simulator;

import java.util.List;

/**
 * One page of a filtered CDR list plus the numbers Vobiz's {@code pagination} object reports.
 * A page past the end is empty but still answers with the real totals, as a paging client expects.
 */
record CdrPage(List<SimulatedCall> rows, int page, int perPage, int total) {

    static CdrPage of(List<SimulatedCall> matches, int page, int perPage) {
        int from = (int) Math.min(matches.size(), (long) (page - 1) * perPage);
        int to = (int) Math.min(matches.size(), (long) from + perPage);
        return new CdrPage(matches.subList(from, to), page, perPage, matches.size());
    }

    int pages() {
        return (total + perPage - 1) / perPage;
    }

    boolean hasNext() {
        return page < pages();
    }

    boolean hasPrev() {
        return page > 1;
    }
}
