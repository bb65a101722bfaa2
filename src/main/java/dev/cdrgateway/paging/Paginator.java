package dev.cdrgateway.paging;

import dev.cdrgateway.domain.port.PagedResult;

import dev.cdrgateway.domain.error.BadUserInputException;
import io.smallrye.mutiny.Uni;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Relay cursor paging (both directions) over Vobiz's 1-based page/per_page model. A window of up to 500 rows is
 * mapped to the fewest upstream pages (at most {@value #MAX_UPSTREAM_PAGE_SIZE} rows each), which are fetched
 * concurrently and trimmed to the exact window. {@code totalCount} comes from upstream, so {@code hasNextPage}
 * and {@code hasPreviousPage} are exact in both directions.
 */
public final class Paginator {

    /** Vobiz's documented maximum {@code per_page}. */
    public static final int MAX_UPSTREAM_PAGE_SIZE = 100;
    /** Page size of the probe made when only the set's size is needed (and of a standalone summary). */
    public static final int PROBE_PAGE_SIZE = 20;

    private Paginator() {
    }

    /** A connection's result: its rows with their offsets, page info and the first upstream page fetched. */
    public record Window<T, P extends PagedResult<T>>(List<Positioned<T>> rows, PageInfo pageInfo, int totalCount,
                                                       P anyPage) {
    }

    /** A row and its offset in the upstream ordering, from which its cursor is made. */
    public record Positioned<T>(T node, String cursor) {
    }

    /** An upstream page to fetch: 1-based number and size. */
    public record PageRef(int page, int perPage) {
    }

    /**
     * The requested window with cursors decoded: rows {@code [start, end)}, where {@code end} is
     * {@link Long#MAX_VALUE} until the set's size is known, and {@code fromEnd} rows counted back from the end
     * when {@code last} is used without {@code before}.
     */
    public record Request(long start, long end, Integer fromEnd, String fingerprint) {
    }

    /**
     * Decodes and checks the cursors of {@code args} (already {@link ConnectionArgs#validated validated}) without
     * any I/O, so a bad cursor is refused before an upstream call is made.
     *
     * @throws BadUserInputException for malformed, forged or foreign cursors
     */
    public static Request request(ConnectionArgs args, String fingerprint, Cursors cursors) {
        long start = args.after() == null ? 0 : cursors.decode(args.after(), fingerprint, "after") + 1;
        Long before = args.before() == null ? null : cursors.decode(args.before(), fingerprint, "before");
        if (args.last() != null && before == null) {
            return new Request(start, Long.MAX_VALUE, args.last(), fingerprint);
        }
        long end = before == null ? Long.MAX_VALUE : before;
        if (args.first() != null) {
            return new Request(start, Math.min(end, start + args.first()), null, fingerprint);
        }
        return new Request(Math.max(start, end - args.last()), end, null, fingerprint);
    }

    /**
     * Fetches a {@link #request resolved} window.
     *
     * @param fetch fetches one upstream page by 1-based number and size; all pages are subscribed concurrently
     */
    public static <T, P extends PagedResult<T>> Uni<Window<T, P>> fetch(
            Request request, Cursors cursors, BiFunction<Integer, Integer, Uni<P>> fetch) {
        if (request.fromEnd() != null) {
            // Counted from the end: learn the set's size first.
            return fetch.apply(1, PROBE_PAGE_SIZE).flatMap(probe -> {
                long end = probe.total();
                return fetchWindow(Math.max(request.start(), end - request.fromEnd()), end, probe,
                        request.fingerprint(), cursors, fetch);
            });
        }
        return fetchWindow(request.start(), request.end(), null, request.fingerprint(), cursors, fetch);
    }

    private static <T, P extends PagedResult<T>> Uni<Window<T, P>> fetchWindow(
            long start, long end, P known, String fingerprint, Cursors cursors,
            BiFunction<Integer, Integer, Uni<P>> fetch) {
        if (end <= start) {
            Uni<P> probe = known != null ? Uni.createFrom().item(known) : fetch.apply(1, PROBE_PAGE_SIZE);
            return probe.map(page -> new Window<>(List.of(),
                    new PageInfo(Math.min(start, page.total()) < page.total(), Math.min(start, page.total()) > 0,
                            null, null), clamp(page.total()), page));
        }
        List<PageRef> refs = plan(start, end);
        List<Uni<P>> fetches = new ArrayList<>(refs.size());
        for (PageRef ref : refs) {
            fetches.add(fetch.apply(ref.page(), ref.perPage()));
        }
        return Uni.join().all(fetches).andFailFast().map(pages -> stitch(start, end, refs, pages, fingerprint, cursors));
    }

    /** The fewest upstream pages covering {@code [start, end)}: one page when a size up to 100 allows it. */
    public static List<PageRef> plan(long start, long end) {
        if (end <= start) {
            return List.of();
        }
        long count = end - start;
        if (count <= MAX_UPSTREAM_PAGE_SIZE) {
            for (int size = (int) count; size <= MAX_UPSTREAM_PAGE_SIZE; size++) {
                if (start / size == (end - 1) / size) {
                    return List.of(new PageRef((int) (start / size) + 1, size));
                }
            }
        }
        List<PageRef> refs = new ArrayList<>();
        for (long page = start / MAX_UPSTREAM_PAGE_SIZE; page <= (end - 1) / MAX_UPSTREAM_PAGE_SIZE; page++) {
            refs.add(new PageRef((int) page + 1, MAX_UPSTREAM_PAGE_SIZE));
        }
        return refs;
    }

    private static <T, P extends PagedResult<T>> Window<T, P> stitch(
            long start, long end, List<PageRef> refs, List<P> pages, String fingerprint, Cursors cursors) {
        long total = pages.get(0).total();
        long last = Math.min(end, total);
        List<Positioned<T>> rows = new ArrayList<>();
        for (int i = 0; i < refs.size(); i++) {
            PageRef ref = refs.get(i);
            long pageStart = (long) (ref.page() - 1) * ref.perPage();
            List<T> pageRows = pages.get(i).rows();
            for (int j = 0; j < pageRows.size(); j++) {
                long offset = pageStart + j;
                if (offset >= start && offset < last) {
                    rows.add(new Positioned<>(pageRows.get(j), cursors.encode(offset, fingerprint)));
                }
            }
        }
        long windowEnd = start + rows.size();
        PageInfo info = new PageInfo(windowEnd < total, start > 0 && total > 0,
                rows.isEmpty() ? null : rows.get(0).cursor(),
                rows.isEmpty() ? null : rows.get(rows.size() - 1).cursor());
        return new Window<>(rows, info, clamp(total), pages.get(0));
    }

    private static int clamp(long count) {
        return (int) Math.min(Integer.MAX_VALUE, count);
    }
}
