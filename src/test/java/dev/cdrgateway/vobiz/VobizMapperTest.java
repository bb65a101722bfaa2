package dev.cdrgateway.vobiz;

import dev.cdrgateway.domain.QualityThresholds;
import dev.cdrgateway.testsupport.Vendor;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cdrgateway.domain.Call;
import dev.cdrgateway.domain.CallDirection;
import dev.cdrgateway.domain.port.CallPage;
import dev.cdrgateway.domain.CallQuality;
import dev.cdrgateway.domain.CallStatus;
import dev.cdrgateway.domain.HangupCause;
import dev.cdrgateway.domain.Customer;
import dev.cdrgateway.domain.port.CustomerPage;
import dev.cdrgateway.domain.Money;
import dev.cdrgateway.domain.CallSummary;
import dev.cdrgateway.domain.access.TenantId;
import dev.cdrgateway.vobiz.dto.VobizAccount;
import dev.cdrgateway.vobiz.dto.VobizAccountPage;
import dev.cdrgateway.vobiz.dto.VobizCdr;
import dev.cdrgateway.vobiz.dto.VobizCdrPage;
import dev.cdrgateway.vobiz.dto.VobizSearchEcho;
import dev.cdrgateway.vobiz.dto.VobizSingleCdr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Maps the vendor fixtures ({@code src/test/resources/vendor/}, the vendor's sample bodies unchanged,
 * docs/vobiz-contract.md#test-fixtures) through the wire DTOs and {@link VobizMapper}. Expectations come from the
 * fixtures' documented dataset table and invariants (docs/vobiz-contract.md#fixture-dataset), recomputed here from the raw JSON, never
 * from the mapper.
 */
class VobizMapperTest {

    /** Configured like the Quarkus default mapper the REST clients use. */
    private static final ObjectMapper QUARKUS_LIKE = new ObjectMapper().findAndRegisterModules()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    /** Fails on unknown properties: proves the DTOs ignore unknown fields by themselves. */
    private static final ObjectMapper STRICT = new ObjectMapper().findAndRegisterModules()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    /** Reads raw trees with exact decimals, to derive expected values independently of the DTOs. */
    private static final ObjectMapper RAW = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private static final String PARTNER_PAGE = "partner-customer-cdrs/page";
    private static final String GLOBAL_PAGE = "partner-global-cdrs/page";
    private static final String ACCOUNT_LIST = "account-cdr-list/page1";
    private static final String SEARCH = "account-cdr-search/outbound";
    private static final String RECENT = "account-cdr-recent/limit3";
    private static final String CUSTOMER_TOKEN_PREFIX = "demo-customer-token-";

    /** The gateway class of every dataset row: the "Status" column of docs/vobiz-contract.md#fixture-dataset. */
    private static final Map<String, CallStatus> FIXTURE_CLASS = Map.of(
            uuid(1), CallStatus.ANSWERED,
            uuid(2), CallStatus.ANSWERED,
            uuid(3), CallStatus.NO_ANSWER,
            uuid(4), CallStatus.BUSY,
            uuid(5), CallStatus.FAILED,
            uuid(6), CallStatus.ANSWERED,
            uuid(7), CallStatus.NO_ANSWER,
            uuid(8), CallStatus.ANSWERED,
            uuid(9), CallStatus.FAILED,
            uuid(10), CallStatus.ANSWERED);

    // ---------------------------------------------------------------- status

    @ParameterizedTest
    @ValueSource(strings = {PARTNER_PAGE, GLOBAL_PAGE, ACCOUNT_LIST, SEARCH, RECENT})
    void everyFixtureRowGetsTheStatusOfTheDatasetTable(String fixture) {
        ObjectNode raw = tree(fixture);
        CallPage page = VobizMapper.toCallPage(read(raw, VobizCdrPage.class), null, QualityThresholds.VOBIZ_DIAGNOSTIC);

        assertEquals(raw.get("data").size(), page.rows().size(), "no fixture row may be dropped");
        for (Call call : page.rows()) {
            assertEquals(FIXTURE_CLASS.get(call.uuid()), call.status(), "status of " + call.uuid());
        }
    }

    @Test
    void globalPageCoversTheWholeDatasetTable() {
        CallPage page = VobizMapper.toCallPage(read(tree(GLOBAL_PAGE), VobizCdrPage.class), null, QualityThresholds.VOBIZ_DIAGNOSTIC);

        Set<String> seen = new HashSet<>();
        page.rows().forEach(c -> seen.add(c.uuid()));
        assertEquals(FIXTURE_CLASS.keySet(), seen);
    }

    @Test
    void originatorCancelWithoutBillableSecondsIsNoAnswer() {
        Call call = rowOf(GLOBAL_PAGE, 7);

        assertEquals(HangupCause.ORIGINATOR_CANCEL, call.hangup().cause());
        assertEquals(0, call.billing().billableSeconds());
        assertEquals(CallStatus.NO_ANSWER, call.status());
        assertNull(call.hangup().code(), "hangup_cause_code is null in the fixture");
        assertNull(call.hangup().name(), "hangup_cause_name is null in the fixture");
    }

    @Test
    void mediaTimeoutWithBillableSecondsIsAnswered() {
        Call call = rowOf(GLOBAL_PAGE, 10);

        assertEquals(HangupCause.MEDIA_TIMEOUT, call.hangup().cause());
        assertTrue(call.billing().billableSeconds() > 0);
        assertEquals(CallStatus.ANSWERED, call.status());
    }

    @Test
    void unknownHangupCauseMapsToUnknownAndKeepsTheRawValue() {
        ObjectNode row = rawRow(PARTNER_PAGE, 3);
        row.put("hangup_cause", "CARRIER_INVENTED_THIS");

        Call call = VobizMapper.toCall(read(row, VobizCdr.class), null, QualityThresholds.VOBIZ_DIAGNOSTIC);

        assertEquals(HangupCause.UNKNOWN, call.hangup().cause());
        assertEquals("CARRIER_INVENTED_THIS", call.hangup().rawCause());
        assertEquals(HangupCause.UNKNOWN.meaning(), call.hangup().meaning());
        assertEquals(CallStatus.FAILED, call.status(), "an unanswered call with an unknown cause is a failure");
    }

    @Test
    void missingHangupCauseMapsToUnknownAndFailed() {
        ObjectNode row = rawRow(PARTNER_PAGE, 3);
        row.putNull("hangup_cause");

        Call call = VobizMapper.toCall(read(row, VobizCdr.class), null, QualityThresholds.VOBIZ_DIAGNOSTIC);

        assertEquals(HangupCause.UNKNOWN, call.hangup().cause());
        assertNull(call.hangup().rawCause());
        assertEquals(CallStatus.FAILED, call.status());
    }

    // ---------------------------------------------------------------- quality

    @Test
    void poorQualityRowRaisesEveryFlag() {
        ObjectNode raw = rawRow(GLOBAL_PAGE, 6);
        CallQuality q = rowOf(GLOBAL_PAGE, 6).quality();

        assertAll(
                () -> assertTrue(q.hasMedia()),
                () -> assertEquals(0, raw.get("mos").decimalValue().compareTo(q.mos())),
                () -> assertEquals(0, raw.get("jitter").decimalValue().compareTo(q.jitterMs())),
                () -> assertEquals(0, raw.get("packet_loss").decimalValue().compareTo(q.packetLossPercent())),
                () -> assertEquals(new BigDecimal("2.6"), q.mos()),
                () -> assertTrue(q.lowMos()),
                () -> assertTrue(q.highJitter()),
                () -> assertTrue(q.highPacketLoss()),
                () -> assertTrue(q.degraded()),
                () -> assertEquals("PCMA", q.codec()));
    }

    @Test
    void goodQualityRowHasMediaAndNoFlag() {
        CallQuality q = rowOf(GLOBAL_PAGE, 1).quality();

        assertTrue(q.hasMedia());
        assertEquals(0, new BigDecimal("4.4").compareTo(q.mos()));
        assertFalse(q.lowMos() || q.highJitter() || q.highPacketLoss() || q.degraded());
    }

    /** Row 005 has null media values, row 007 zeros: both mean "no media", not "worst quality". */
    @ParameterizedTest
    @ValueSource(ints = {5, 7})
    void rowWithoutMediaHasNoValuesAndNoFlags(int row) {
        CallQuality q = rowOf(GLOBAL_PAGE, row).quality();

        assertAll(
                () -> assertFalse(q.hasMedia()),
                () -> assertNull(q.mos()),
                () -> assertNull(q.jitterMs()),
                () -> assertNull(q.packetLossPercent()),
                () -> assertFalse(q.lowMos()),
                () -> assertFalse(q.highJitter()),
                () -> assertFalse(q.highPacketLoss()),
                () -> assertFalse(q.degraded()));
    }

    /** Vobiz's diagnostic thresholds are strict: MOS &lt; 3.5, jitter &gt; 30 ms, packet loss &gt; 1 %. */
    @ParameterizedTest
    @CsvSource({
            "3.5, 30,   1.0,  false, false, false",
            "3.49, 30,  1.0,  true,  false, false",
            "3.5, 30.1, 1.0,  false, true,  false",
            "3.5, 30,   1.01, false, false, true"})
    void qualityThresholdsAreStrict(String mos, String jitter, String loss, boolean lowMos, boolean highJitter,
                                    boolean highLoss) {
        ObjectNode row = rawRow(PARTNER_PAGE, 1);
        row.put("mos", new BigDecimal(mos)).put("jitter", new BigDecimal(jitter)).put("packet_loss", new BigDecimal(loss));

        CallQuality q = VobizMapper.toCall(read(row, VobizCdr.class), null, QualityThresholds.VOBIZ_DIAGNOSTIC).quality();

        assertEquals(lowMos, q.lowMos(), "lowMos");
        assertEquals(highJitter, q.highJitter(), "highJitter");
        assertEquals(highLoss, q.highPacketLoss(), "highPacketLoss");
        assertEquals(lowMos || highJitter || highLoss, q.degraded(), "degraded");
    }

    // ---------------------------------------------------------------- row fields, money, time

    @Test
    void everyRowCarriesItsWireValues() {
        ObjectNode raw = tree(GLOBAL_PAGE);
        List<Call> calls = VobizMapper.toCallPage(read(raw, VobizCdrPage.class), null, QualityThresholds.VOBIZ_DIAGNOSTIC).rows();

        for (int i = 0; i < calls.size(); i++) {
            JsonNode r = raw.get("data").get(i);
            Call c = calls.get(i);
            assertAll("row " + r.get("uuid").asText(),
                    () -> assertEquals(r.get("uuid").asText(), c.uuid(), "rows keep upstream (newest-first) order"),
                    () -> assertEquals(r.get("id").asText(), c.recordId()),
                    () -> assertEquals(r.get("account_id").asText(), c.customerId()),
                    () -> assertEquals(CallDirection.valueOf(r.get("call_direction").asText().toUpperCase()), c.direction()),
                    () -> assertEquals(r.get("caller_id_number").asText(), c.callerNumber()),
                    () -> assertEquals(r.get("destination_number").asText(), c.calleeNumber()),
                    () -> assertEquals(r.get("caller_id_name").asText(), c.callerName()),
                    () -> assertEquals(r.get("duration").asInt(), c.timing().durationSeconds()),
                    () -> assertEquals(r.get("ring_time").asInt(), c.timing().ringSeconds()),
                    () -> assertEquals(r.get("billsec").asInt(), c.timing().talkSeconds()),
                    () -> assertEquals(r.get("billsec").asInt(), c.billing().billableSeconds()),
                    () -> assertEquals(HangupCause.valueOf(r.get("hangup_cause").asText()), c.hangup().cause()),
                    () -> assertEquals(r.get("hangup_cause").asText(), c.hangup().rawCause()),
                    () -> assertEquals(text(r, "hangup_disposition"), c.hangup().disposition()),
                    () -> assertEquals(text(r, "hangup_source"), c.hangup().source()),
                    () -> assertEquals(text(r, "failure_code"), c.hangup().failureCode()),
                    () -> assertEquals(r.get("sip_call_id").asText(), c.sip().callId()),
                    () -> assertEquals(text(r, "bridge_uuid"), c.sip().bridgeUuid()),
                    () -> assertEquals(text(r, "terminated_to"), c.sip().terminatedTo()),
                    () -> assertEquals(r.get("context").asText(), c.context()),
                    () -> assertEquals(r.get("region").asText(), c.region()),
                    () -> assertEquals(text(r, "campaign_id"), c.campaignId()),
                    () -> assertEquals(text(r, "trunk_id"), c.trunkId()));
        }
    }

    @Test
    void moneyIsAnExactDecimalInTheRowCurrency() {
        ObjectNode raw = tree(GLOBAL_PAGE);
        List<Call> calls = VobizMapper.toCallPage(read(raw, VobizCdrPage.class), null, QualityThresholds.VOBIZ_DIAGNOSTIC).rows();

        for (int i = 0; i < calls.size(); i++) {
            JsonNode r = raw.get("data").get(i);
            Call c = calls.get(i);
            assertMoney(r.get("cost").decimalValue(), r.get("currency").asText(), c.billing().cost());
            assertMoney(r.get("streaming_cost").decimalValue(), r.get("currency").asText(), c.billing().streamingCost());
            assertMoney(r.get("total_cost").decimalValue(), r.get("currency").asText(), c.billing().totalCost());
        }
        Call streamed = rowOf(GLOBAL_PAGE, 1);
        assertEquals(new BigDecimal("0.65"), streamed.billing().totalCost().amount().stripTrailingZeros(),
                "0.45 call + 0.20 streaming, with no binary floating point error");
    }

    @Test
    void rowTimestampsAreUtcInstants() {
        ObjectNode raw = tree(GLOBAL_PAGE);
        List<Call> calls = VobizMapper.toCallPage(read(raw, VobizCdrPage.class), null, QualityThresholds.VOBIZ_DIAGNOSTIC).rows();

        for (int i = 0; i < calls.size(); i++) {
            JsonNode r = raw.get("data").get(i);
            Call c = calls.get(i);
            assertAll("row " + r.get("uuid").asText(),
                    () -> assertInstant(r.get("start_time"), c.timing().startedAt()),
                    () -> assertInstant(r.get("end_time"), c.timing().endedAt()),
                    () -> assertInstant(r.get("answer_time"), c.timing().answeredAt()),
                    () -> assertInstant(r.get("progress_time"), c.timing().progressAt()),
                    () -> assertInstant(r.get("created_at"), c.recordCreatedAt()),
                    () -> assertEquals(ZoneOffset.UTC, c.timing().startedAt().getOffset()));
        }
    }

    @ParameterizedTest
    @CsvSource({
            "2026-03-25T11:30:00Z,                     2026-03-25T11:30:00Z",
            "2026-02-01T06:00:00.000000+00:00,         2026-02-01T06:00:00Z",
            "2026-03-25T12:00:00.000Z,                 2026-03-25T12:00:00Z",
            "2026-03-25T12:00:00.250Z,                 2026-03-25T12:00:00.250Z",
            "2026-03-25T11:30:00+0000,                 2026-03-25T11:30:00Z",
            "2026-03-25T11:30:00,                      2026-03-25T11:30:00Z",
            "2026-03-25T17:00:00+05:30,                2026-03-25T11:30:00Z",
            "2026-03-25T17:00:00.123456+0530,          2026-03-25T11:30:00.123456Z",
            "2026-03-25T06:00:00.123456789-05:30,      2026-03-25T11:30:00.123456789Z",
            "2026-03-25t11:30:00z,                     2026-03-25T11:30:00Z",
            "2026-03-25 11:30:00+00:00,                2026-03-25T11:30:00Z",
            "2026-03-25T11:30Z,                        2026-03-25T11:30:00Z",
            "2028-02-29T23:59:59.5+00:00,              2028-02-29T23:59:59.500Z"})
    void everyDocumentedTimestampFormIsParsedToUtc(String wire, String expected) {
        OffsetDateTime parsed = VobizMapper.timestamp(wire);

        assertNotNull(parsed, wire);
        assertEquals(Instant.parse(expected), parsed.toInstant());
        assertEquals(ZoneOffset.UTC, parsed.getOffset());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "yesterday", "2026-13-45T99:99:99Z", "25/03/2026 11:30", "2026-03-25T11:30:00Zjunk",
            "1742902200"})
    void garbageTimestampIsNullNotAnError(String wire) {
        assertNull(VobizMapper.timestamp(wire));
    }

    /** A corrupt date must not be shown as a different, plausible day (e.g. 30 February as 28 February). */
    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30T10:00:00Z", "2026-04-31T10:00:00+00:00", "2027-02-29T10:00:00Z",
            "2026-03-25T24:00:00Z", "2026-03-25T11:60:00Z", "2026-03-25T11:30:60Z", "2026-03-25T11:30:00+19:00",
            "2026-03-25T11:30:00.1234567890Z", "2026-03-25T11:30:00+05:3x"})
    void impossibleCalendarDateIsNullNotShifted(String wire) {
        assertNull(VobizMapper.timestamp(wire));
    }

    @Test
    void nullTimestampIsNull() {
        assertNull(VobizMapper.timestamp(null));
    }

    @Test
    void garbageTimestampInARowDoesNotLoseTheRow() {
        ObjectNode row = rawRow(PARTNER_PAGE, 1);
        row.put("start_time", "not a time").put("end_time", "2026-03-25T09:01:05+0000");

        Call call = VobizMapper.toCall(read(row, VobizCdr.class), null, QualityThresholds.VOBIZ_DIAGNOSTIC);

        assertEquals(uuid(1), call.uuid());
        assertNull(call.timing().startedAt());
        assertEquals(Instant.parse("2026-03-25T09:01:05Z"), call.timing().endedAt().toInstant());
    }

    // ---------------------------------------------------------------- summary

    @Test
    void summaryIsNormalisedFromTheVendorTotals() {
        ObjectNode raw = tree(PARTNER_PAGE);
        CallPage page = VobizMapper.toCallPage(read(raw, VobizCdrPage.class), "MA_DEMO0001", QualityThresholds.VOBIZ_DIAGNOSTIC);

        // This page holds the whole filtered set, so its rows are the oracle for the summary.
        assertSummaryOf(raw.get("data"), page.summary());
        assertEquals(raw.get("pagination").get("total").asLong(), page.total());
    }

    @Test
    void summaryAverageNeverUsesTheVendorDurationStringWhenTotalsExist() {
        ObjectNode raw = tree(PARTNER_PAGE);
        ((ObjectNode) raw.get("summary")).put("avgCallDuration", "999s");

        CallSummary summary = VobizMapper.toCallPage(read(raw, VobizCdrPage.class), null, QualityThresholds.VOBIZ_DIAGNOSTIC).summary();

        assertEquals(round1(sum(raw.get("data"), "duration") / (double) raw.get("data").size()),
                summary.averageCallDurationSeconds(), 0.0);
    }

    @Test
    void summaryOfAPartialPageCoversTheWholeSet() {
        ObjectNode page1 = tree(ACCOUNT_LIST);
        CallPage page = VobizMapper.toCallPage(read(page1, VobizCdrPage.class), "MA_DEMO0001", QualityThresholds.VOBIZ_DIAGNOSTIC);

        assertEquals(page1.get("data").size(), page.rows().size());
        assertEquals(page1.get("pagination").get("total").asLong(), page.total());
        // docs/vobiz-contract.md#test-fixtures: the account list summary covers all 7 calls, the same set as the partner page.
        assertSummaryOf(tree(PARTNER_PAGE).get("data"), page.summary());
    }

    @Test
    void integralAnswerRateIsAccepted() {
        ObjectNode raw = tree(SEARCH);
        assertTrue(raw.get("summary").get("answerRate").isIntegralNumber(), "fixture sends 25, not 25.0");

        CallSummary summary = VobizMapper.toCallPage(read(raw, VobizCdrPage.class), null, QualityThresholds.VOBIZ_DIAGNOSTIC).summary();

        assertSummaryOf(raw.get("data"), summary);
        assertEquals(25.0, summary.answerRate(), 0.0);
    }

    @Test
    void missingAnswerRateIsRecomputed() {
        ObjectNode raw = tree(PARTNER_PAGE);
        ((ObjectNode) raw.get("summary")).remove("answerRate");

        CallSummary summary = VobizMapper.toCallPage(read(raw, VobizCdrPage.class), null, QualityThresholds.VOBIZ_DIAGNOSTIC).summary();

        long answered = count(raw.get("data"), r -> r.get("billsec").asInt() > 0);
        assertEquals(round1(answered * 100.0 / raw.get("data").size()), summary.answerRate(), 0.0);
    }

    @Test
    void missingSummaryCountsFallBackToThePagination() {
        ObjectNode raw = tree(ACCOUNT_LIST);
        ObjectNode summary = (ObjectNode) raw.get("summary");
        summary.remove("totalCalls");
        summary.remove("last_call_at");

        CallPage page = VobizMapper.toCallPage(read(raw, VobizCdrPage.class), null, QualityThresholds.VOBIZ_DIAGNOSTIC);

        int total = raw.get("pagination").get("total").asInt();
        assertEquals(total, page.summary().totalCalls());
        assertEquals(round1(summary.get("total_duration_seconds").asDouble() / total),
                page.summary().averageCallDurationSeconds(), 0.0);
        assertNull(page.summary().lastCallAt());
    }

    @Test
    void emptySummaryObjectDoesNotBreakMapping() {
        ObjectNode raw = tree(ACCOUNT_LIST);
        raw.set("summary", RAW.createObjectNode());

        CallPage page = VobizMapper.toCallPage(read(raw, VobizCdrPage.class), null, QualityThresholds.VOBIZ_DIAGNOSTIC);

        assertEquals(raw.get("pagination").get("total").asInt(), page.summary().totalCalls());
        assertEquals(raw.get("data").size(), page.rows().size());
    }

    @ParameterizedTest
    @CsvSource({"1m 5s, 65.0", "28s, 28.0", "27.5s, 27.5", "1h 2m 3s, 3723.0", "42, 42.0"})
    void averageFallsBackToTheVendorStringWhenTotalDurationIsMissing(String avgText, double expected) {
        ObjectNode raw = tree(SEARCH);
        ObjectNode summary = (ObjectNode) raw.get("summary");
        summary.remove("total_duration_seconds");
        summary.put("avgCallDuration", avgText);

        CallSummary mapped = VobizMapper.toCallPage(read(raw, VobizCdrPage.class), null, QualityThresholds.VOBIZ_DIAGNOSTIC).summary();

        assertEquals(expected, mapped.averageCallDurationSeconds(), 0.0);
        assertEquals(Math.round(expected * summary.get("totalCalls").asLong()), mapped.totalDurationSeconds());
    }

    @Test
    void envelopeWithoutSummaryGetsOneComputedFromItsRows() {
        ObjectNode raw = tree(RECENT);
        assertNull(raw.get("summary"), "the recent endpoint sends no summary");

        CallPage page = VobizMapper.toCallPage(read(raw, VobizCdrPage.class), "MA_DEMO0001", QualityThresholds.VOBIZ_DIAGNOSTIC);

        assertEquals(raw.get("data").size(), page.total());
        assertSummaryOf(raw.get("data"), page.summary());
    }

    @Test
    void emptyResultHasAZeroSummary() {
        ObjectNode raw = tree(SEARCH);
        raw.set("data", RAW.createArrayNode());
        raw.put("count", 0);
        ((ObjectNode) raw.get("pagination")).put("total", 0).put("pages", 0);
        ObjectNode summary = (ObjectNode) raw.get("summary");
        summary.put("totalCalls", 0).put("answeredCalls", 0).put("answerRate", 0).put("avgCallDuration", "0s")
                .put("total_duration_seconds", 0).put("total_billable_seconds", 0).put("total_cost", 0)
                .putNull("last_call_at");

        CallPage page = VobizMapper.toCallPage(read(raw, VobizCdrPage.class), null, QualityThresholds.VOBIZ_DIAGNOSTIC);

        assertTrue(page.rows().isEmpty());
        assertEquals(0, page.total());
        assertEquals(0, page.summary().totalCalls());
        assertEquals(0.0, page.summary().answerRate(), 0.0);
        assertEquals(0.0, page.summary().averageCallDurationSeconds(), 0.0, "no division by zero");
        assertEquals(0, page.summary().totalCost().amount().signum());
        assertNull(page.summary().lastCallAt());
    }

    // ---------------------------------------------------------------- search echo, single CDR

    @Test
    void searchEchoIsReadFromFilters() {
        ObjectNode raw = tree(SEARCH);

        VobizSearchEcho echo = read(raw, VobizCdrPage.class).searchEcho();

        JsonNode filters = raw.get("filters");
        assertEquals(new VobizSearchEcho(filters.get("call_direction").asText(), filters.get("from_number").asText(),
                filters.get("hangup_cause").asText(), filters.get("to_number").asText()), echo);
        assertEquals("outbound", echo.callDirection());
        assertEquals("", echo.hangupCause(), "unset keys are echoed as empty strings");
    }

    @Test
    void searchEchoFallsBackToFilterSummary() {
        ObjectNode raw = tree(SEARCH);
        JsonNode filters = raw.remove("filters");
        raw.set("filter_summary", filters);

        VobizSearchEcho echo = read(raw, VobizCdrPage.class).searchEcho();

        assertNotNull(echo);
        assertEquals(filters.get("call_direction").asText(), echo.callDirection());
        assertEquals(filters.get("to_number").asText(), echo.toNumber());
    }

    @Test
    void listWithoutEchoHasNoSearchEcho() {
        assertNull(read(tree(ACCOUNT_LIST), VobizCdrPage.class).searchEcho());
    }

    @Test
    void singleCdrIsReadWrappedAndBare() {
        ObjectNode wrapped = tree("account-cdr-single/found");
        ObjectNode bare = tree("partner-cdr-single/bare");
        assertTrue(wrapped.get("data").isObject());
        assertNull(bare.get("data"));

        VobizSingleCdr fromWrapped = read(wrapped, VobizSingleCdr.class);
        VobizSingleCdr fromBare = read(bare, VobizSingleCdr.class);

        assertNotNull(fromWrapped.cdr());
        assertNotNull(fromBare.cdr());
        Call a = VobizMapper.toCall(fromWrapped.cdr(), "MA_DEMO0001", QualityThresholds.VOBIZ_DIAGNOSTIC);
        Call b = VobizMapper.toCall(fromBare.cdr(), "MA_DEMO0001", QualityThresholds.VOBIZ_DIAGNOSTIC);
        assertEquals(wrapped.get("data").get("uuid").asText(), a.uuid());
        assertEquals(bare.get("uuid").asText(), b.uuid());
        assertEquals(a, b, "both fixtures carry the same call (row 006)");
        assertEquals(FIXTURE_CLASS.get(b.uuid()), b.status());
        assertTrue(b.quality().degraded());
    }

    // ---------------------------------------------------------------- customers

    @Test
    void customerListInTheNewerShape() {
        ObjectNode raw = tree("partner-customers/list");

        CustomerPage page = VobizMapper.toCustomerPage(read(raw, VobizAccountPage.class));

        ArrayNode accounts = (ArrayNode) raw.get("accounts");
        assertEquals(raw.get("total").asLong(), page.total());
        assertEquals(accounts.size(), page.rows().size());
        for (int i = 0; i < accounts.size(); i++) {
            assertCustomer(accounts.get(i), page.rows().get(i));
        }
    }

    @Test
    void customerListInTheLegacyShape() {
        ObjectNode legacy = RAW.createObjectNode();
        ArrayNode data = legacy.putArray("data");
        data.add(legacyAccount("MA_LEGACY001", "Legacy One", "250.5", "active"));
        data.add(legacyAccount("MA_LEGACY002", "Legacy Two", "0", "suspended"));
        legacy.putObject("meta").put("total", 42).put("page", 1).put("size", 2).put("total_pages", 21);

        CustomerPage page = VobizMapper.toCustomerPage(read(legacy, VobizAccountPage.class));

        assertEquals(42, page.total(), "the total of the whole list, from meta");
        assertEquals(List.of("MA_LEGACY001", "MA_LEGACY002"), page.rows().stream().map(Customer::id).toList());
        assertEquals("Legacy One", page.rows().get(0).name());
        assertMoney(new BigDecimal("250.5"), "INR", page.rows().get(0).balance());
        assertTrue(page.rows().get(0).active());
        assertFalse(page.rows().get(1).active(), "legacy status 'suspended' is not active");
    }

    @Test
    void customerBalanceFromCashCreditsString() {
        ObjectNode raw = tree("partner-customer/get");
        assertTrue(raw.get("cash_credits").isTextual(), "newer shape sends cash_credits as a string");

        Customer customer = VobizMapper.toCustomer(read(raw, VobizAccount.class));

        assertMoney(new BigDecimal(raw.get("cash_credits").asText()), raw.get("pricing_tier").get("currency").asText(),
                customer.balance());
        assertCustomer(raw, customer);
    }

    @Test
    void customerBalanceFromLegacyBalanceNumber() {
        ObjectNode legacy = legacyAccount("MA_LEGACY001", "Legacy One", "1300.75", "active");
        assertTrue(legacy.get("balance").isNumber());

        Customer customer = VobizMapper.toCustomer(read(legacy, VobizAccount.class));

        assertMoney(new BigDecimal("1300.75"), "INR", customer.balance());
        assertEquals("MA_LEGACY001", customer.id());
        assertInstant(legacy.get("created_at"), customer.createdAt());
    }

    @Test
    void customerTokenNeverReachesTheDomainOrLogs() {
        ObjectNode raw = tree("partner-customer/get");
        String token = raw.get("auth_token").asText();
        assertTrue(token.startsWith(CUSTOMER_TOKEN_PREFIX), "fixture carries the fake customer token");

        VobizAccount account = read(raw, VobizAccount.class);
        Customer customer = VobizMapper.toCustomer(account);
        CustomerPage page = VobizMapper.toCustomerPage(read(tree("partner-customers/list"), VobizAccountPage.class));

        assertEquals(token, account.authToken(), "the wire record keeps it for routing");
        assertFalse(account.toString().contains(token), "VobizAccount.toString");
        assertFalse(customer.toString().contains(token), "Customer.toString");
        assertFalse(page.toString().contains(CUSTOMER_TOKEN_PREFIX), "CustomerPage.toString");
        assertFalse(new CustomerRecord(customer, java.util.Optional.of(new VobizCredentials(customer.id(), token,
                new TenantId("acme")))).toString().contains(token), "CustomerRecord.toString");
        for (RecordComponent component : Customer.class.getRecordComponents()) {
            Object value = invoke(component, customer);
            assertFalse(value != null && value.toString().contains(token), "Customer." + component.getName());
        }
    }

    // ---------------------------------------------------------------- tolerance

    @Test
    void unknownFieldsAreIgnoredEvenByAStrictMapper() {
        ObjectNode page = tree(PARTNER_PAGE);
        page.put("new_top_level", "x");
        ((ObjectNode) page.get("data").get(0)).put("recording_url", "https://rec.demo.example/1").putObject("nested").put("a", 1);
        ((ObjectNode) page.get("pagination")).put("cursor", "abc");
        ((ObjectNode) page.get("summary")).put("failedCalls", 4);
        ObjectNode customers = tree("partner-customers/list");
        ((ObjectNode) customers.get("accounts").get(0)).putObject("unheard_of").put("b", true);
        ObjectNode single = tree("account-cdr-single/found");
        ((ObjectNode) single.get("data")).put("sip_response_code", 200).put("brand_new", "y");
        single.put("request_id", "r-1");

        CallPage calls = VobizMapper.toCallPage(readStrict(page, VobizCdrPage.class), null, QualityThresholds.VOBIZ_DIAGNOSTIC);
        CustomerPage customerPage = VobizMapper.toCustomerPage(readStrict(customers, VobizAccountPage.class));
        VobizSingleCdr one = readStrict(single, VobizSingleCdr.class);

        assertEquals(page.get("data").size(), calls.rows().size());
        assertEquals(customers.get("accounts").size(), customerPage.rows().size());
        assertEquals(uuid(6), one.cdr().uuid());
        // And the lenient (Quarkus) mapper reads the same thing.
        assertEquals(calls, VobizMapper.toCallPage(read(page, VobizCdrPage.class), null, QualityThresholds.VOBIZ_DIAGNOSTIC));
    }

    @Test
    void legacyPartnerCdrRowsAreMapped() {
        ObjectNode legacy = RAW.createObjectNode();
        legacy.putArray("data").add(legacyRow("c0000000-0000-4000-8000-00000000l001", "no-answer", 0, "NO_ANSWER"));
        legacy.putObject("meta").put("total", 31).put("page", 1).put("per_page", 1);

        CallPage page = VobizMapper.toCallPage(read(legacy, VobizCdrPage.class), "MA_DEMO0001", QualityThresholds.VOBIZ_DIAGNOSTIC);

        assertEquals(31, page.total(), "total from the legacy meta");
        Call call = page.rows().get(0);
        assertAll(
                () -> assertEquals("c0000000-0000-4000-8000-00000000l001", call.uuid()),
                () -> assertEquals("+918000000001", call.callerNumber()),
                () -> assertEquals("+918000000099", call.calleeNumber()),
                () -> assertEquals(CallDirection.OUTBOUND, call.direction()),
                () -> assertEquals("MA_DEMO0001", call.customerId(), "owner from the route when the row has none"),
                () -> assertEquals(CallStatus.NO_ANSWER, call.status()),
                () -> assertEquals(0, call.billing().billableSeconds()));
    }

    /**
     * The legacy row carries the vendor's own status (docs/vobiz-contract.md#v9-legacy-status-values: read {@code no_answer}, {@code no-answer} and
     * the SDK's {@code cancelled}). It must be honoured even when the legacy row has no hangup cause to derive it
     * from, as in the minimal legacy shape {@code call_uuid, from_number, to_number, direction, status,
     * duration_seconds}.
     */
    @ParameterizedTest
    @CsvSource({"no-answer, 0, NO_ANSWER", "no_answer, 0, NO_ANSWER", "cancelled, 0, NO_ANSWER", "busy, 0, BUSY",
            "failed, 0, FAILED", "answered, 42, ANSWERED"})
    void legacyStatusIsHonouredWithoutAHangupCause(String wireStatus, int durationSeconds, CallStatus expected) {
        ObjectNode legacy = RAW.createObjectNode();
        ObjectNode row = legacyRow("c0000000-0000-4000-8000-00000000l002", wireStatus, durationSeconds, null);
        row.remove("hangup_cause");
        legacy.putArray("data").add(row);
        legacy.putObject("meta").put("total", 1).put("page", 1).put("per_page", 20);

        CallPage page = VobizMapper.toCallPage(read(legacy, VobizCdrPage.class), "MA_DEMO0001", QualityThresholds.VOBIZ_DIAGNOSTIC);

        assertEquals(expected, page.rows().get(0).status());
    }

    // ---------------------------------------------------------------- helpers

    private static String uuid(int n) {
        return String.format("d0000000-0000-4000-8000-%012d", n);
    }

    private static String body(String name) {
        return Vendor.body(name);
    }

    /** A fresh, mutable tree of a fixture (exact decimals). */
    private static ObjectNode tree(String name) {
        try {
            return (ObjectNode) RAW.readTree(body(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Serialises the tree and reads it as the REST client would, so the DTOs' Jackson mapping is exercised. */
    private static <T> T read(JsonNode node, Class<T> type) {
        return readWith(QUARKUS_LIKE, node, type);
    }

    private static <T> T readStrict(JsonNode node, Class<T> type) {
        return readWith(STRICT, node, type);
    }

    private static <T> T readWith(ObjectMapper mapper, JsonNode node, Class<T> type) {
        try {
            return mapper.readValue(RAW.writeValueAsString(node), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode rawRow(String fixture, int uuidSuffix) {
        for (JsonNode row : tree(fixture).get("data")) {
            if (row.get("uuid").asText().equals(uuid(uuidSuffix))) {
                return (ObjectNode) row;
            }
        }
        throw new IllegalArgumentException("no row " + uuidSuffix + " in " + fixture);
    }

    private static Call rowOf(String fixture, int uuidSuffix) {
        return VobizMapper.toCall(read(rawRow(fixture, uuidSuffix), VobizCdr.class), null, QualityThresholds.VOBIZ_DIAGNOSTIC);
    }

    private static String text(JsonNode row, String field) {
        JsonNode value = row.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static long sum(JsonNode rows, String field) {
        return StreamSupport.stream(rows.spliterator(), false).mapToLong(r -> r.get(field).asLong()).sum();
    }

    private static long count(JsonNode rows, java.util.function.Predicate<JsonNode> test) {
        return StreamSupport.stream(rows.spliterator(), false).filter(test).count();
    }

    private static double round1(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).doubleValue();
    }

    /** Checks a mapped summary against the fixture invariants recomputed from the whole set's raw rows. */
    private static void assertSummaryOf(JsonNode rows, CallSummary summary) {
        int total = rows.size();
        long answered = count(rows, r -> r.get("billsec").asInt() > 0);
        long duration = sum(rows, "duration");
        BigDecimal cost = StreamSupport.stream(rows.spliterator(), false).map(r -> r.get("total_cost").decimalValue())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        Instant last = StreamSupport.stream(rows.spliterator(), false).map(r -> Instant.parse(r.get("start_time").asText()))
                .max(Instant::compareTo).orElseThrow();
        Set<String> currencies = new HashSet<>();
        rows.forEach(r -> currencies.add(r.get("currency").asText()));
        assertAll("summary",
                () -> assertEquals(total, summary.totalCalls(), "totalCalls"),
                () -> assertEquals(answered, summary.answeredCalls(), "answeredCalls"),
                () -> assertEquals(round1(answered * 100.0 / total), summary.answerRate(), 0.0, "answerRate"),
                () -> assertEquals(round1((double) duration / total), summary.averageCallDurationSeconds(), 0.0,
                        "average = total duration / calls, one decimal"),
                () -> assertEquals(duration, summary.totalDurationSeconds(), "totalDurationSeconds"),
                () -> assertEquals(sum(rows, "billsec"), summary.billableSeconds(), "billableSeconds"),
                () -> assertMoney(cost, currencies.size() == 1 ? currencies.iterator().next() : null, summary.totalCost()),
                () -> assertEquals(last, summary.lastCallAt().toInstant(), "lastCallAt = latest start_time"));
    }

    private static void assertMoney(BigDecimal amount, String currency, Money money) {
        assertNotNull(money, "money expected: " + amount);
        assertEquals(0, amount.compareTo(money.amount()), "amount " + money.amount() + " vs " + amount);
        assertEquals(currency, money.currency());
    }

    private static void assertInstant(JsonNode wire, OffsetDateTime mapped) {
        if (wire == null || wire.isNull()) {
            assertNull(mapped);
        } else {
            assertNotNull(mapped, wire.asText());
            assertEquals(OffsetDateTime.parse(wire.asText()).toInstant(), mapped.toInstant(), wire.asText());
        }
    }

    private static void assertCustomer(JsonNode raw, Customer c) {
        assertAll("customer " + raw.get("auth_id").asText(),
                () -> assertEquals(raw.get("auth_id").asText(), c.id()),
                () -> assertEquals(raw.get("id").asText(), c.accountNumber()),
                () -> assertEquals(raw.get("name").asText(), c.name()),
                () -> assertEquals(raw.get("email").asText(), c.email()),
                () -> assertEquals(raw.get("phone").asText(), c.phone()),
                () -> assertEquals(raw.get("company").asText(), c.company()),
                () -> assertEquals(raw.get("country").asText(), c.country()),
                () -> assertEquals(raw.get("pricing_tier").get("name").asText(), c.pricingTier()),
                () -> assertMoney(new BigDecimal(raw.get("cash_credits").asText()),
                        raw.get("pricing_tier").get("currency").asText(), c.balance()),
                () -> assertEquals(raw.get("is_active").asBoolean(), c.active()),
                () -> assertEquals(raw.get("is_verified").asBoolean(), c.verified()),
                () -> assertEquals(raw.get("is_trial_account").asBoolean(), c.trial()),
                () -> assertEquals(raw.get("kyc_status").asText(), c.kycStatus()),
                () -> assertEquals(raw.get("concurrent_calls_limit").asInt(), c.concurrentCallsLimit()),
                () -> assertEquals(raw.get("cps_limit").asInt(), c.callsPerSecondLimit()),
                () -> assertInstant(raw.get("created_at"), c.createdAt()),
                () -> assertInstant(raw.get("last_login"), c.lastLoginAt()));
    }

    /** The legacy slim customer object of the older docs (docs/vobiz-contract.md#v3-customer-list-shape, V5, V6). */
    private static ObjectNode legacyAccount(String authId, String name, String balance, String status) {
        ObjectNode a = RAW.createObjectNode();
        a.put("auth_id", authId).put("auth_token", CUSTOMER_TOKEN_PREFIX + "legacy-not-real").put("name", name)
                .put("email", "ops@legacy.demo.example").put("phone", "+918000000091").put("company", "Legacy Co")
                .put("status", status).put("balance", new BigDecimal(balance)).put("currency", "INR").putNull("gstin")
                .putNull("gst_status").put("country", "IN").put("timezone", "Asia/Kolkata")
                .put("created_at", "2025-11-02T10:15:00.000000+00:00");
        return a;
    }

    /** The legacy partner CDR row of the older docs / SDK {@code PartnerCdr} (docs/vobiz-contract.md#v8-legacy-partner-cdr-rows). */
    private static ObjectNode legacyRow(String callUuid, String status, int durationSeconds, String hangupCause) {
        ObjectNode r = RAW.createObjectNode();
        r.put("call_uuid", callUuid).put("from_number", "+918000000001").put("to_number", "+918000000099")
                .put("direction", "outbound").put("status", status).put("duration_seconds", durationSeconds)
                .put("hangup_cause", hangupCause).put("cost", new BigDecimal("0.02")).put("currency", "INR")
                .put("start_time", "2026-03-25T09:40:00Z").putNull("answer_time").put("end_time", "2026-03-25T09:40:30Z")
                .putNull("trunk_id").put("context", "voice-api");
        return r;
    }

    private static Object invoke(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
