package dev.cdrgateway.paging;

import dev.cdrgateway.domain.port.PagedResult;

import dev.cdrgateway.domain.error.BadUserInputException;
import dev.cdrgateway.paging.Paginator.PageRef;
import dev.cdrgateway.paging.Paginator.Positioned;
import dev.cdrgateway.paging.Paginator.Window;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Relay paging over Vobiz's page/per_page model, against an in-memory upstream whose row values are their
 * offsets, so every expectation is plain arithmetic over the row count.
 */
class PaginatorTest {

    private static final Cursors CURSORS = new Cursors("paginator-test-secret-0123456789".getBytes(StandardCharsets.UTF_8));
    private static final String SET = Cursors.fingerprint("customer:MA_DEMO0001|from=null");
    private static final int DEFAULT_FIRST = 20;
    private static final int MAX_FIRST = 500;

    /** One upstream page of the fake. */
    record RowPage(List<Integer> rows, long total) implements PagedResult<Integer> {
    }

    /** Rows {@code 0..size-1}, served in 1-based pages like Vobiz; records every page request. */
    static final class FakeUpstream {
        private final int size;
        final List<PageRef> requests = new ArrayList<>();

        FakeUpstream(int size) {
            this.size = size;
        }

        Uni<RowPage> fetch(int page, int perPage) {
            return Uni.createFrom().item(() -> {
                requests.add(new PageRef(page, perPage));
                return slice(page, perPage);
            });
        }

        RowPage slice(int page, int perPage) {
            assertTrue(page >= 1, "pages are 1-based, got " + page);
            assertTrue(perPage >= 1 && perPage <= Paginator.MAX_UPSTREAM_PAGE_SIZE, "per_page 1..100, got " + perPage);
            int from = (page - 1) * perPage;
            List<Integer> rows = IntStream.range(Math.min(from, size), Math.min(size, from + perPage)).boxed().toList();
            return new RowPage(rows, size);
        }
    }

    // ---------------------------------------------------------------- plan

    @Test
    void smallWindowIsOnePageOfTheSmallestSizeThatFits() {
        for (long start = 0; start <= 700; start++) {
            for (long count = 1; count <= Paginator.MAX_UPSTREAM_PAGE_SIZE; count++) {
                long end = start + count;
                Integer smallestFit = null;
                for (int size = (int) count; size <= Paginator.MAX_UPSTREAM_PAGE_SIZE && smallestFit == null; size++) {
                    if (firstRow(start, size) <= start && end <= firstRow(start, size) + size) {
                        smallestFit = size;
                    }
                }
                List<PageRef> plan = Paginator.plan(start, end);
                if (smallestFit != null) {
                    assertEquals(1, plan.size(), "one page for [" + start + ", " + end + ")");
                    assertEquals(smallestFit, plan.get(0).perPage(), "smallest size for [" + start + ", " + end + ")");
                } else {
                    assertEquals(2, plan.size(), "no single page fits [" + start + ", " + end + "): two pages");
                }
            }
        }
    }

    @Test
    void commonWindowsAreSingleRequests() {
        assertEquals(List.of(new PageRef(1, 20)), Paginator.plan(0, 20));
        assertEquals(List.of(new PageRef(2, 20)), Paginator.plan(20, 40));
        assertEquals(List.of(new PageRef(1, 100)), Paginator.plan(0, 100));
        assertEquals(List.of(new PageRef(1, 1)), Paginator.plan(0, 1));
    }

    @Test
    void windowOverOneHundredRowsUsesConsecutiveFullPages() {
        for (long start = 0; start <= 700; start += 7) {
            for (long count = Paginator.MAX_UPSTREAM_PAGE_SIZE + 1; count <= MAX_FIRST; count++) {
                long end = start + count;
                List<PageRef> plan = Paginator.plan(start, end);
                String window = "[" + start + ", " + end + ")";
                assertEquals(start / 100 + 1, plan.get(0).page(), "first page of " + window);
                assertEquals((end - 1) / 100 + 1, plan.get(plan.size() - 1).page(), "last page of " + window);
                for (int i = 0; i < plan.size(); i++) {
                    assertEquals(Paginator.MAX_UPSTREAM_PAGE_SIZE, plan.get(i).perPage(), "page size in " + window);
                    assertEquals(plan.get(0).page() + i, plan.get(i).page(), "consecutive pages in " + window);
                }
            }
        }
    }

    @Test
    void plannedPagesAlwaysCoverTheWindowAndNothingUseless() {
        for (long start = 0; start <= 1_000; start += 3) {
            for (long count = 1; count <= MAX_FIRST; count++) {
                long end = start + count;
                String window = "[" + start + ", " + end + ")";
                List<PageRef> plan = new ArrayList<>(Paginator.plan(start, end));
                plan.sort(Comparator.comparingLong(ref -> (long) (ref.page() - 1) * ref.perPage()));
                long covered = start;
                for (PageRef ref : plan) {
                    long lo = (long) (ref.page() - 1) * ref.perPage();
                    long hi = lo + ref.perPage();
                    assertTrue(ref.page() >= 1 && ref.perPage() >= 1 && ref.perPage() <= 100, ref + " for " + window);
                    assertTrue(hi > start && lo < end, ref + " fetches no row of " + window);
                    assertTrue(lo <= covered, "gap before " + ref + " in " + window);
                    covered = Math.max(covered, hi);
                }
                assertTrue(covered >= end, "window " + window + " not covered by " + plan);
            }
        }
    }

    // ---------------------------------------------------------------- forward / backward walks

    static Stream<Arguments> sizesAndPageLengths() {
        List<Arguments> out = new ArrayList<>();
        for (int size : new int[] {1, 99, 100, 101, 250, 1_001}) {
            for (int length : new int[] {1, 20, 100, 101, 250, 500}) {
                out.add(Arguments.of(size, length));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} rows, first {1}")
    @MethodSource("sizesAndPageLengths")
    void forwardPagingWalksEveryRowOnceInOrder(int size, int first) {
        FakeUpstream upstream = new FakeUpstream(size);
        List<Integer> seen = new ArrayList<>();
        String after = null;
        for (int step = 0; step <= size; step++) {
            Window<Integer, RowPage> w = window(upstream, first, after, null, null);
            List<Integer> nodes = nodes(w);
            int from = seen.size();
            assertEquals(range(from, Math.min(size, from + first)), nodes, "page " + step);
            assertPageInfo(w, from + nodes.size() < size, from > 0);
            assertEquals(size, w.totalCount());
            seen.addAll(nodes);
            if (!w.pageInfo().hasNextPage()) {
                break;
            }
            after = w.pageInfo().endCursor();
        }
        assertEquals(range(0, size), seen, "every row exactly once, in order");
    }

    @ParameterizedTest(name = "{0} rows, last {1}")
    @MethodSource("sizesAndPageLengths")
    void backwardPagingWalksEveryRowOnceInReverse(int size, int last) {
        FakeUpstream upstream = new FakeUpstream(size);
        List<Integer> seen = new ArrayList<>();
        String before = null;
        int end = size;
        for (int step = 0; step <= size; step++) {
            Window<Integer, RowPage> w = window(upstream, null, null, last, before);
            List<Integer> nodes = nodes(w);
            int from = Math.max(0, end - last);
            assertEquals(range(from, end), nodes, "page " + step + " (edges keep upstream order)");
            assertPageInfo(w, end < size, from > 0);
            assertEquals(size, w.totalCount());
            List<Integer> reversed = new ArrayList<>(nodes);
            Collections.reverse(reversed);
            seen.addAll(reversed);
            if (!w.pageInfo().hasPreviousPage()) {
                break;
            }
            before = w.pageInfo().startCursor();
            end = from;
        }
        List<Integer> expected = range(0, size);
        Collections.reverse(expected);
        assertEquals(expected, seen, "every row exactly once, newest offset first");
    }

    @Test
    void lastWithoutBeforeReturnsTheTail() {
        Window<Integer, RowPage> w = window(new FakeUpstream(237), null, null, 5, null);

        assertEquals(range(232, 237), nodes(w));
        assertPageInfo(w, false, true);
        assertEquals(237, w.totalCount());
    }

    @Test
    void lastLargerThanTheSetReturnsEverything() {
        Window<Integer, RowPage> w = window(new FakeUpstream(7), null, null, 500, null);

        assertEquals(range(0, 7), nodes(w));
        assertPageInfo(w, false, false);
    }

    @Test
    void pageInfoIsExactAtBothEnds() {
        FakeUpstream upstream = new FakeUpstream(10);
        String cursorOfFirstRow = window(upstream, 1, null, null, null).pageInfo().startCursor();
        String cursorOfLastRow = window(upstream, null, null, 1, null).pageInfo().endCursor();

        assertAll(
                () -> assertPageInfo(window(upstream, 10, null, null, null), false, false),
                () -> assertPageInfo(window(upstream, 9, null, null, null), true, false),
                () -> assertPageInfo(window(upstream, 9, cursorOfFirstRow, null, null), false, true),
                () -> assertPageInfo(window(upstream, 8, cursorOfFirstRow, null, null), true, true),
                () -> assertPageInfo(window(upstream, null, null, 10, null), false, false),
                () -> assertPageInfo(window(upstream, null, null, 9, null), false, true),
                () -> assertPageInfo(window(upstream, null, null, 9, cursorOfLastRow), true, false),
                () -> assertPageInfo(window(upstream, null, null, 8, cursorOfLastRow), true, true),
                () -> assertEquals(range(1, 10), nodes(window(upstream, 9, cursorOfFirstRow, null, null))),
                () -> assertEquals(range(0, 9), nodes(window(upstream, null, null, 9, cursorOfLastRow))));
    }

    @Test
    void pagingPastTheEndIsEmptyWithExactFlags() {
        FakeUpstream upstream = new FakeUpstream(10);
        String cursorOfLastRow = window(upstream, null, null, 1, null).pageInfo().endCursor();

        Window<Integer, RowPage> w = window(upstream, 5, cursorOfLastRow, null, null);

        assertTrue(w.rows().isEmpty());
        assertPageInfo(w, false, true);
        assertEquals(10, w.totalCount());
    }

    @Test
    void cursorOfAnyEdgeResumesRightAfterIt() {
        FakeUpstream upstream = new FakeUpstream(1_000);
        Window<Integer, RowPage> w = window(upstream, 250, null, null, null);
        Positioned<Integer> edge = w.rows().get(137);

        assertEquals(range(138, 143), nodes(window(upstream, 5, edge.cursor(), null, null)));
        assertEquals(range(132, 137), nodes(window(upstream, null, null, 5, edge.cursor())));
    }

    @Test
    void emptySetHasNoEdgesAndNoMorePages() {
        FakeUpstream upstream = new FakeUpstream(0);
        for (Window<Integer, RowPage> w : List.of(window(upstream, 10, null, null, null), window(upstream, null, null, 10, null),
                window(upstream, null, null, null, null))) {
            assertTrue(w.rows().isEmpty());
            assertEquals(0, w.totalCount());
            assertPageInfo(w, false, false);
        }
    }

    @Test
    void firstZeroReturnsNoEdgesButTheTotalCount() {
        Window<Integer, RowPage> w = window(new FakeUpstream(42), 0, null, null, null);

        assertTrue(w.rows().isEmpty());
        assertEquals(42, w.totalCount());
        assertTrue(w.pageInfo().hasNextPage(), "42 rows follow");
        assertFalse(w.pageInfo().hasPreviousPage());
        assertNull(w.pageInfo().startCursor());
    }

    @Test
    void defaultPageLengthAppliesWhenNeitherFirstNorLastIsGiven() {
        Window<Integer, RowPage> w = window(new FakeUpstream(100), null, null, null, null);

        assertEquals(range(0, DEFAULT_FIRST), nodes(w));
    }

    @Test
    void foreignCursorIsRefusedBeforeAnyUpstreamCall() {
        String otherSet = Cursors.fingerprint("customer:MA_DEMO0002|from=null");
        String foreign = CURSORS.encode(3, otherSet);
        ConnectionArgs args = new ConnectionArgs(5, foreign, null, null).validated(DEFAULT_FIRST, MAX_FIRST);

        assertThrows(BadUserInputException.class, () -> Paginator.request(args, SET, CURSORS));
    }

    // ---------------------------------------------------------------- concurrency

    @Test
    void allPagesOfAWindowAreRequestedBeforeAnyCompletes() {
        FakeUpstream data = new FakeUpstream(1_000);
        Map<PageRef, UniEmitter<? super RowPage>> pending = new LinkedHashMap<>();
        BiFunction<Integer, Integer, Uni<RowPage>> fetch = (page, perPage) ->
                Uni.createFrom().emitter(emitter -> pending.put(new PageRef(page, perPage), emitter));
        Paginator.Request request = Paginator.request(
                new ConnectionArgs(250, null, null, null).validated(DEFAULT_FIRST, MAX_FIRST), SET, CURSORS);
        AtomicReference<Window<Integer, RowPage>> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();

        Paginator.<Integer, RowPage>fetch(request, CURSORS, fetch).subscribe().with(result::set, failure::set);

        assertEquals(List.of(new PageRef(1, 100), new PageRef(2, 100), new PageRef(3, 100)),
                new ArrayList<>(pending.keySet()), "every page is subscribed while none has answered");
        List<Map.Entry<PageRef, UniEmitter<? super RowPage>>> answers = new ArrayList<>(pending.entrySet());
        Collections.reverse(answers);
        for (Map.Entry<PageRef, UniEmitter<? super RowPage>> answer : answers) {
            assertNull(result.get(), "window completed before all its pages did");
            answer.getValue().complete(data.slice(answer.getKey().page(), answer.getKey().perPage()));
        }
        assertNull(failure.get());
        assertNotNull(result.get());
        assertEquals(range(0, 250), nodes(result.get()), "rows in upstream order whatever the completion order");
    }

    // ---------------------------------------------------------------- helpers

    private static long firstRow(long start, int size) {
        return start / size * size;
    }

    private static Window<Integer, RowPage> window(FakeUpstream upstream, Integer first, String after, Integer last,
                                                   String before) {
        ConnectionArgs args = new ConnectionArgs(first, after, last, before).validated(DEFAULT_FIRST, MAX_FIRST);
        Paginator.Request request = Paginator.request(args, SET, CURSORS);
        return Paginator.<Integer, RowPage>fetch(request, CURSORS, upstream::fetch).await().atMost(Duration.ofSeconds(5));
    }

    private static List<Integer> nodes(Window<Integer, RowPage> w) {
        return w.rows().stream().map(Positioned::node).toList();
    }

    private static List<Integer> range(int from, int to) {
        return new ArrayList<>(IntStream.range(from, Math.max(from, to)).boxed().toList());
    }

    private static void assertPageInfo(Window<Integer, RowPage> w, boolean hasNext, boolean hasPrevious) {
        PageInfo info = w.pageInfo();
        assertEquals(hasNext, info.hasNextPage(), "hasNextPage");
        assertEquals(hasPrevious, info.hasPreviousPage(), "hasPreviousPage");
        if (w.rows().isEmpty()) {
            assertNull(info.startCursor());
            assertNull(info.endCursor());
        } else {
            assertEquals(w.rows().get(0).cursor(), info.startCursor());
            assertEquals(w.rows().get(w.rows().size() - 1).cursor(), info.endCursor());
        }
    }
}
