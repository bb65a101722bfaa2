package dev.cdrgateway.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * The generated data is repeatable and realistic at the default size: what a demo relies on without
 * going through HTTP.
 */
class SimulatedDatasetTest {

    private static final LocalDate ANCHOR = LocalDate.of(2026, 3, 25);

    private static SimulatedDataset defaultSize(long seed) {
        return SimulatedDataset.generate(36, 10, 90, ANCHOR, seed, "PA_SIMULATOR");
    }

    @Test
    void sameSettingsGiveTheSameData() {
        SimulatedDataset first = SimulatedDataset.generate(6, 10, 14, ANCHOR, 99, "PA_SIMULATOR");
        SimulatedDataset second = SimulatedDataset.generate(6, 10, 14, ANCHOR, 99, "PA_SIMULATOR");
        assertEquals(first.customers(), second.customers());
        assertEquals(first.calls(), second.calls());
        assertNotEquals(first.calls(), SimulatedDataset.generate(6, 10, 14, ANCHOR, 100, "PA_SIMULATOR").calls());
    }

    @Test
    void defaultSizeLooksLikeAReal90DayHistory() {
        SimulatedDataset data = defaultSize(20260101L);

        assertTrue(data.calls().size() > 25_000 && data.calls().size() < 36_000, "about 32k calls");
        long answered = data.calls().stream().filter(SimulatedCall::answered).count();
        double answerRate = answered * 100.0 / data.calls().size();
        assertTrue(answerRate >= 55 && answerRate <= 65, "answer rate " + answerRate);
        assertEquals(EnumSet.allOf(SimulatedStatus.class),
                data.calls().stream().map(SimulatedCall::status).collect(Collectors.toCollection(
                        () -> EnumSet.noneOf(SimulatedStatus.class))));
        assertEquals(Set.of("INR", "USD", "GBP"),
                data.customers().stream().map(SimulatedCustomer::currency).collect(Collectors.toSet()));
        assertTrue(data.customers().stream().anyMatch(c -> !c.active()));
        assertEquals(Set.of("inbound", "outbound"),
                data.calls().stream().map(SimulatedCall::callDirection).collect(Collectors.toSet()));

        LocalDate first = ANCHOR.minusDays(89);
        data.calls().forEach(call -> {
            LocalDate day = LocalDate.ofInstant(call.startTime(), ZoneOffset.UTC);
            assertTrue(!day.isBefore(first) && !day.isAfter(ANCHOR), call.uuid());
        });
    }

    @Test
    void everyFourthCustomerWithholdsItsToken() {
        defaultSize(1).customers().forEach(c ->
                assertEquals(c.number() % 4 == 0, c.authToken() == null, c.authId()));
    }

    @Test
    void callsAreNumberedInTimeOrderAndListedNewestFirst() {
        SimulatedDataset data = SimulatedDataset.generate(8, 10, 10, ANCHOR, 5, "PA_SIMULATOR");
        for (int i = 1; i < data.calls().size(); i++) {
            SimulatedCall newer = data.calls().get(i - 1);
            SimulatedCall older = data.calls().get(i);
            assertTrue(newer.startEpochSecond() >= older.startEpochSecond());
            assertTrue(newer.id() > older.id());
        }
    }

    @Test
    void rowsKeepTheDocumentedInvariants() {
        defaultSize(3).calls().forEach(call -> {
            assertEquals(call.ringTime() + call.billsec(), call.duration());
            assertEquals(call.billsec() == 0, call.answerTime() == null);
            assertEquals(call.cost().add(call.streamingCost()), call.totalCost());
            assertEquals(2, call.totalCost().scale(), "money has two decimals");
            assertTrue(call.ringTime() >= 1 && call.ringTime() <= 40);
            assertTrue(call.billsec() <= 1800);
            if (!call.hangup().progresses()) {
                assertNull(call.mos(), "no media statistics for a call that never rang");
                assertNull(call.progressTime());
            }
        });
    }

    @Test
    void liveModeAddsOneCallPerLiveCustomerEndingNow() {
        SimulatedDataset data = SimulatedDataset.generate(6, 10, 14, ANCHOR, 99, "PA_SIMULATOR");
        long now = ANCHOR.plusDays(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();

        SimulatedDataset next = data.withNewCalls(2, now, new java.util.Random(1));

        assertEquals(data.calls().size() + 2, next.calls().size());
        java.util.List<SimulatedCall> added = next.calls().stream().filter(c -> data.call(c.uuid()).isEmpty()).toList();
        assertEquals(2, added.size());
        java.util.List<SimulatedCall> kept = new java.util.ArrayList<>(next.calls());
        kept.removeAll(added);
        assertEquals(data.calls(), kept);
        assertEquals(Set.of("MA_SIM00001", "MA_SIM00002"),
                added.stream().map(SimulatedCall::accountId).collect(Collectors.toSet()));
        added.forEach(call -> {
            assertEquals(now, call.endTime().getEpochSecond());
            assertTrue(call.id() > data.calls().get(0).id());
            assertTrue(data.call(call.uuid()).isEmpty());
            assertEquals(call, next.call(call.uuid()).orElseThrow());
            assertTrue(next.callsOf(call.accountId()).contains(call));
        });
        assertNotEquals(added.get(0).uuid(), added.get(1).uuid());
        for (int i = 1; i < next.calls().size(); i++) {
            assertTrue(next.calls().get(i - 1).startEpochSecond() >= next.calls().get(i).startEpochSecond());
        }
    }
}
