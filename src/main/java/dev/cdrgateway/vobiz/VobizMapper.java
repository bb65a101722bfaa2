package dev.cdrgateway.vobiz;

import dev.cdrgateway.domain.QualityThresholds;

import dev.cdrgateway.domain.Call;
import dev.cdrgateway.domain.CallBilling;
import dev.cdrgateway.domain.CallDirection;
import dev.cdrgateway.domain.port.CallPage;
import dev.cdrgateway.domain.CallQuality;
import dev.cdrgateway.domain.CallStatus;
import dev.cdrgateway.domain.CallTiming;
import dev.cdrgateway.domain.Hangup;
import dev.cdrgateway.domain.HangupCause;
import dev.cdrgateway.domain.SipDetails;
import dev.cdrgateway.domain.Customer;
import dev.cdrgateway.domain.port.CustomerPage;
import dev.cdrgateway.domain.Money;
import dev.cdrgateway.domain.CallSummary;
import dev.cdrgateway.vobiz.dto.VobizAccount;
import dev.cdrgateway.vobiz.dto.VobizAccountPage;
import dev.cdrgateway.vobiz.dto.VobizCdr;
import dev.cdrgateway.vobiz.dto.VobizCdrPage;
import dev.cdrgateway.vobiz.dto.VobizSummary;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place where Vobiz wire DTOs become domain types. Tolerant of every documented variant (listed in
 * docs/vobiz-contract.md#variants-the-gateway-tolerates): nulls,
 * legacy field names, {@code Z}/{@code +00:00}/fractional timestamps, string or number money, missing summary
 * keys (recomputed from what is known rather than invented).
 */
public final class VobizMapper {

    private static final Logger LOG = Logger.getLogger(VobizMapper.class);

    /** ISO-8601 with optional fraction (any precision), offset {@code Z}/{@code +00:00}/{@code +0000}, or none (UTC). */
    private static final DateTimeFormatter LENIENT_ISO = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2).optionalEnd()
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .parseDefaulting(ChronoField.OFFSET_SECONDS, 0)
            .toFormatter()
            .withResolverStyle(ResolverStyle.STRICT);

    private static final Pattern DURATION_TEXT = Pattern.compile("^\\s*(?:(\\d+)h)?\\s*(?:(\\d+)m)?\\s*(?:(\\d+(?:\\.\\d+)?)s?)?\\s*$");

    private VobizMapper() {
    }

    /** Parses a Vobiz timestamp; {@code null} for null, blank or unparseable text (logged, never fatal). */
    public static OffsetDateTime timestamp(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String trimmed = text.trim();
        OffsetDateTime common = commonIsoForm(trimmed);
        if (common != null) {
            return common;
        }
        try {
            return OffsetDateTime.parse(trimmed, LENIENT_ISO).withOffsetSameInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            LOG.debugf("Unparseable Vobiz timestamp ignored (length %d)", text.length());
            return null;
        }
    }

    /**
     * The forms Vobiz sends almost always ({@code 2026-03-25T11:30:00Z}, with {@code +00:00} or {@code +0530}, a
     * fraction of up to 9 digits, or no offset), read digit by digit: a page has six timestamps a row, and
     * {@link #LENIENT_ISO} took a tenth of a page request's CPU. Anything else, and any value the calendar refuses
     * (30 February), returns {@code null} here and goes to {@link #LENIENT_ISO}, which decides as before.
     */
    private static OffsetDateTime commonIsoForm(String s) {
        int n = s.length();
        if (n < 19 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        int i = 19;
        int nano = 0;
        if (i < n && s.charAt(i) == '.') {
            int start = ++i;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
            }
            int length = i - start;
            if (length == 0 || length > 9) {
                return null;
            }
            nano = digits(s, start, length) * (int) Math.pow(10, 9 - length);
        }
        int offsetSeconds;
        if (i == n || (s.charAt(i) == 'Z' && i + 1 == n)) {
            offsetSeconds = 0;
        } else if ((s.charAt(i) == '+' || s.charAt(i) == '-') && (n - i == 6 && s.charAt(i + 3) == ':' || n - i == 5)) {
            int hours = digits(s, i + 1, 2);
            int minutes = digits(s, n - 2, 2);
            if ((hours | minutes) < 0 || hours > 18 || minutes > 59) {
                return null;
            }
            offsetSeconds = (s.charAt(i) == '-' ? -1 : 1) * (hours * 3600 + minutes * 60);
        } else {
            return null;
        }
        try {
            return OffsetDateTime.of(year, month, day, hour, minute, second, nano,
                    ZoneOffset.ofTotalSeconds(offsetSeconds)).withOffsetSameInstant(ZoneOffset.UTC);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /** The decimal number of {@code length} digits at {@code start}, or -1 if one is not a digit. */
    private static int digits(String s, int start, int length) {
        int value = 0;
        for (int i = start; i < start + length; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** Maps one CDR row. {@code fallbackCustomerId} fills a missing {@code account_id} (known from the route). */
    public static Call toCall(VobizCdr row, String fallbackCustomerId, QualityThresholds thresholds) {
        int billsec = nonNegative(row.billsec());
        int duration = row.duration() != null ? nonNegative(row.duration()) : billsec;
        int ring = row.ringTime() != null ? nonNegative(row.ringTime()) : Math.max(0, duration - billsec);
        HangupCause cause = HangupCause.fromWire(row.hangupCause());
        // Only legacy partner rows carry a status; the 43-field rows never do, so theirs is derived.
        CallStatus legacyStatus = CallStatus.fromWire(row.legacyStatus());
        CallStatus status = legacyStatus != null ? legacyStatus : CallStatus.classify(billsec, cause);
        String currency = row.currency();
        BigDecimal cost = row.cost();
        BigDecimal streaming = row.streamingCost();
        BigDecimal total = row.totalCost() != null ? row.totalCost()
                : cost == null ? null : cost.add(streaming == null ? BigDecimal.ZERO : streaming);
        return new Call(
                row.uuid(),
                row.id() == null ? null : row.id().toString(),
                row.accountId() != null ? row.accountId() : fallbackCustomerId,
                CallDirection.fromWire(row.callDirection()),
                status,
                row.callerIdName(),
                row.callerIdNumber(),
                row.destinationNumber(),
                new CallTiming(timestamp(row.startTime()), timestamp(row.progressTime()), timestamp(row.answerTime()),
                        timestamp(row.endTime()), duration, ring, billsec),
                new CallBilling(billsec, Money.of(cost, currency), Money.of(streaming, currency), Money.of(total, currency)),
                new Hangup(cause, row.hangupCause(), cause.meaning(), row.hangupCauseCode(), row.hangupCauseName(),
                        row.hangupDisposition(), row.hangupSource(), row.failureCode(), row.failureReason()),
                CallQuality.of(row.mos(), row.jitter(), row.packetLoss(), row.codec(), thresholds),
                new SipDetails(row.sipCallId(), row.sipUserAgent(), row.bridgeUuid(), row.networkAddr(), row.carrierIp(),
                        row.customerEndpoint(), row.terminatedTo()),
                row.context(),
                row.region(),
                row.originationRegion(),
                row.campaignId(),
                row.trunkId(),
                timestamp(row.createdAt()),
                timestamp(row.updatedAt()));
    }

    /** Maps a list envelope (any CDR list endpoint). Rows without a uuid cannot be looked up or paged and are dropped (logged). */
    public static CallPage toCallPage(VobizCdrPage page, String fallbackCustomerId,
            QualityThresholds thresholds) {
        List<VobizCdr> data = page.data() == null ? List.of() : page.data();
        if (page.meta() != null || data.stream().anyMatch(row -> row.legacyStatus() != null)) {
            LOG.warn("Vobiz returned the legacy CDR list shape (meta/status rows); mapped on a best-effort basis");
        }
        List<Call> rows = data.stream()
                .filter(row -> {
                    boolean keep = row.uuid() != null && !row.uuid().isBlank();
                    if (!keep) {
                        LOG.warn("Vobiz CDR row without uuid skipped");
                    }
                    return keep;
                })
                .map(row -> toCall(row, fallbackCustomerId, thresholds))
                .toList();
        long total;
        if (page.pagination() != null && page.pagination().total() != null) {
            total = page.pagination().total();
        } else if (page.meta() != null && page.meta().total() != null) {
            total = page.meta().total();
        } else if (page.summary() != null && page.summary().totalCalls() != null) {
            total = page.summary().totalCalls();
        } else {
            total = rows.size();
        }
        return new CallPage(rows, total, toSummary(page.summary(), total, rows));
    }

    /**
     * Normalises the Vobiz summary: numbers instead of the {@code "28s"} string, an answer rate recomputed when
     * absent, and a currency taken from the rows (null when they mix currencies or there are none).
     */
    public static CallSummary toSummary(VobizSummary summary, long total, List<Call> rows) {
        String currency = currencyOf(rows);
        if (summary == null) {
            return summaryFromRows(total, rows, currency);
        }
        long totalCalls = summary.totalCalls() != null ? summary.totalCalls() : total;
        long answered = summary.answeredCalls() != null ? summary.answeredCalls()
                : summary.answerRate() != null ? Math.round(summary.answerRate().doubleValue() * totalCalls / 100) : 0;
        double answerRate = summary.answerRate() != null
                ? summary.answerRate().setScale(1, RoundingMode.HALF_UP).doubleValue()
                : percent(answered, totalCalls);
        long totalDuration;
        double average;
        if (summary.totalDurationSeconds() != null) {
            totalDuration = summary.totalDurationSeconds();
            average = totalCalls == 0 ? 0 : round1((double) totalDuration / totalCalls);
        } else {
            average = parseDurationSeconds(summary.avgCallDuration());
            totalDuration = Math.round(average * totalCalls);
        }
        long billable = summary.totalBillableSeconds() != null ? summary.totalBillableSeconds() : 0;
        return new CallSummary(toInt(totalCalls), toInt(answered), answerRate, average, toInt(totalDuration), toInt(billable),
                Money.of(summary.totalCost(), currency), timestamp(summary.lastCallAt()));
    }

    /** A summary computed from the rows themselves, for envelopes that carry none (only exact when all rows are present). */
    private static CallSummary summaryFromRows(long total, List<Call> rows, String currency) {
        long answered = rows.stream().filter(c -> c.billing().billableSeconds() > 0).count();
        long duration = rows.stream().mapToLong(c -> c.timing().durationSeconds()).sum();
        long billable = rows.stream().mapToLong(c -> c.billing().billableSeconds()).sum();
        BigDecimal cost = rows.stream().map(c -> c.billing().totalCost()).filter(Objects::nonNull)
                .map(Money::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        OffsetDateTime last = rows.stream().map(c -> c.timing().startedAt()).filter(Objects::nonNull)
                .max(OffsetDateTime::compareTo).orElse(null);
        long count = Math.max(total, rows.size());
        return new CallSummary(toInt(count), toInt(answered), percent(answered, count),
                count == 0 ? 0 : round1((double) duration / count), toInt(duration), toInt(billable),
                new Money(cost, currency), last);
    }

    /** Reads {@code "28s"}, {@code "1m 5s"}, {@code "28"}, {@code "27.5s"}; 0 when absent or unreadable. */
    static double parseDurationSeconds(String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        Matcher m = DURATION_TEXT.matcher(text.trim().toLowerCase());
        if (!m.matches()) {
            return 0;
        }
        double seconds = 0;
        if (m.group(1) != null) {
            seconds += Long.parseLong(m.group(1)) * 3600;
        }
        if (m.group(2) != null) {
            seconds += Long.parseLong(m.group(2)) * 60;
        }
        if (m.group(3) != null) {
            seconds += Double.parseDouble(m.group(3));
        }
        return round1(seconds);
    }

    /** Maps a customer record; the {@code auth_token} is intentionally not part of {@link Customer}. */
    public static Customer toCustomer(VobizAccount a) {
        String currency = a.currency() != null ? a.currency()
                : a.pricingTier() != null ? a.pricingTier().currency() : null;
        BigDecimal balance = a.cashCredits() != null ? a.cashCredits() : a.balance();
        boolean active = a.active() != null ? a.active()
                : a.status() != null ? "active".equalsIgnoreCase(a.status()) : Boolean.TRUE.equals(a.enabled());
        return new Customer(
                a.authId(),
                a.id(),
                a.name(),
                a.email(),
                a.phone(),
                a.company(),
                a.country(),
                a.timezone(),
                a.accountType(),
                a.billingMode(),
                a.pricingTier() != null ? a.pricingTier().name() : null,
                Money.of(balance, currency),
                active,
                Boolean.TRUE.equals(a.verified()),
                Boolean.TRUE.equals(a.trial()),
                a.kycStatus(),
                a.concurrentCallsLimit(),
                a.cpsLimit(),
                timestamp(a.createdAt()),
                timestamp(a.lastLogin()));
    }

    /** Maps a customer list page (newer or legacy shape). */
    public static CustomerPage toCustomerPage(VobizAccountPage page) {
        List<Customer> rows = page.rows().stream().filter(a -> a.authId() != null).map(VobizMapper::toCustomer).toList();
        Long total = page.totalCount();
        return new CustomerPage(rows, total != null ? total : rows.size());
    }

    private static String currencyOf(List<Call> rows) {
        String currency = null;
        for (Call call : rows) {
            Money money = call.billing().totalCost();
            String c = money == null ? null : money.currency();
            if (c == null) {
                continue;
            }
            if (currency == null) {
                currency = c;
            } else if (!currency.equals(c)) {
                return null;
            }
        }
        return currency;
    }

    /** Narrows a count for GraphQL's 32-bit Int, saturating rather than overflowing. */
    private static int toInt(long value) {
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
    }

    private static int nonNegative(Integer value) {
        return value == null ? 0 : Math.max(0, value);
    }

    private static double percent(long part, long whole) {
        return whole == 0 ? 0 : round1(part * 100.0 / whole);
    }

    private static double round1(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).doubleValue();
    }
}
