package dev.cdrgateway.simulator;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import io.vertx.core.MultiMap;

/**
 * The CDR filters of one request and the matching rule. Each Vobiz API honours its own documented
 * parameter set (docs/vobiz-contract.md#filters-and-their-upstream-names) and silently ignores the rest,
 * exactly what the gateway must be prepared for: e.g. the partner API filters by {@code status}, the
 * account API does not, and the account API ignores a date bound sent without its partner.
 * Filters combine with AND; malformed values are rejected with {@link IllegalArgumentException}.
 *
 * @param fromSecond  first matching start time (epoch second, inclusive)
 * @param untilSecond end of the matching start times (epoch second, exclusive)
 * @param search      lower-cased free text
 */
record CdrQuery(
        int page,
        int perPage,
        long fromSecond,
        long untilSecond,
        String callDirection,
        SimulatedStatus status,
        String hangupCause,
        Integer minDuration,
        Integer maxDuration,
        String fromNumber,
        String toNumber,
        String search,
        String context,
        String sipCallId,
        String bridgeUuid,
        String hangupDisposition,
        String campaignId) {

    static final int DEFAULT_PER_PAGE = 20;
    static final int MAX_PER_PAGE = 100;

    /** Partner per-customer and global CDRs: either date bound may come alone. */
    static CdrQuery forPartner(MultiMap params) {
        return new CdrQuery(page(params), perPage(params),
                startOf(date(params, "start_date")), endOf(date(params, "end_date")),
                direction(params), status(params), text(params, "hangup_cause"),
                integer(params, "min_duration"), integer(params, "max_duration"),
                text(params, "from_number"), text(params, "to_number"), lowerCase(text(params, "search")),
                text(params, "context"), null, null, null, null);
    }

    /** Account list, search and export: dates only count when both are sent. */
    static CdrQuery forAccount(MultiMap params) {
        boolean paired = text(params, "start_date") != null && text(params, "end_date") != null;
        return new CdrQuery(page(params), perPage(params),
                paired ? startOf(date(params, "start_date")) : Long.MIN_VALUE,
                paired ? endOf(date(params, "end_date")) : Long.MAX_VALUE,
                direction(params), null, text(params, "hangup_cause"),
                integer(params, "min_duration"), null,
                text(params, "from_number"), text(params, "to_number"), lowerCase(text(params, "search")),
                text(params, "context"), text(params, "sip_call_id"), text(params, "bridge_uuid"),
                text(params, "hangup_disposition"), text(params, "campaign_id"));
    }

    List<SimulatedCall> filter(List<SimulatedCall> calls) {
        return calls.stream().filter(this::matches).toList();
    }

    boolean matches(SimulatedCall call) {
        return call.startEpochSecond() >= fromSecond
                && call.startEpochSecond() < untilSecond
                && (callDirection == null || callDirection.equals(call.callDirection()))
                && (status == null || status == call.status())
                && (hangupCause == null || hangupCause.equalsIgnoreCase(call.hangup().cause()))
                && (minDuration == null || call.duration() >= minDuration)
                && (maxDuration == null || call.duration() <= maxDuration)
                && (fromNumber == null || call.callerIdNumber().contains(fromNumber))
                && (toNumber == null || call.destinationNumber().contains(toNumber))
                && (search == null || matchesSearch(call))
                && (context == null || context.equalsIgnoreCase(call.context()))
                && (sipCallId == null || sipCallId.equals(call.sipCallId()))
                && (bridgeUuid == null || bridgeUuid.equalsIgnoreCase(call.bridgeUuid()))
                && (hangupDisposition == null || hangupDisposition.equalsIgnoreCase(call.hangup().disposition()))
                && (campaignId == null || campaignId.equals(call.campaignId()));
    }

    /** Free text over the numbers and identifiers a support person would paste. */
    private boolean matchesSearch(SimulatedCall call) {
        return containsIgnoreCase(call.callerIdNumber(), search)
                || containsIgnoreCase(call.destinationNumber(), search)
                || containsIgnoreCase(call.callerIdName(), search)
                || containsIgnoreCase(call.uuid(), search)
                || containsIgnoreCase(call.sipCallId(), search);
    }

    static boolean containsIgnoreCase(String haystack, String lowerCaseNeedle) {
        if (haystack == null) {
            return false;
        }
        int last = haystack.length() - lowerCaseNeedle.length();
        for (int i = 0; i <= last; i++) {
            if (haystack.regionMatches(true, i, lowerCaseNeedle, 0, lowerCaseNeedle.length())) {
                return true;
            }
        }
        return false;
    }

    /** A non-blank query parameter, or {@code null}; blank values count as "not sent". */
    static String text(MultiMap params, String name) {
        String value = params.get(name);
        return value == null || value.isBlank() ? null : value;
    }

    static Integer integer(MultiMap params, String name) {
        String value = text(params, name);
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid " + name + " '" + value + "': expected an integer");
        }
    }

    /** 1-based page; values below 1 mean the first page. */
    static int page(MultiMap params) {
        Integer page = integer(params, "page");
        return page == null ? 1 : Math.max(1, page);
    }

    /** Page size clamped to 1..100 (the documented maximum). */
    static int perPage(MultiMap params) {
        Integer perPage = integer(params, "per_page");
        return perPage == null ? DEFAULT_PER_PAGE : Math.max(1, Math.min(MAX_PER_PAGE, perPage));
    }

    private static LocalDate date(MultiMap params, String name) {
        String value = text(params, name);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("invalid " + name + " '" + value + "': expected YYYY-MM-DD");
        }
    }

    private static long startOf(LocalDate day) {
        return day == null ? Long.MIN_VALUE : day.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    }

    private static long endOf(LocalDate day) {
        return day == null ? Long.MAX_VALUE : day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    }

    private static String direction(MultiMap params) {
        String value = text(params, "call_direction");
        if (value == null) {
            return null;
        }
        String direction = value.trim().toLowerCase(Locale.ROOT);
        if (!direction.equals("inbound") && !direction.equals("outbound")) {
            throw new IllegalArgumentException(
                    "invalid call_direction '" + value + "': expected inbound or outbound");
        }
        return direction;
    }

    private static SimulatedStatus status(MultiMap params) {
        String value = text(params, "status");
        return value == null ? null : SimulatedStatus.parse(value);
    }

    private static String lowerCase(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }
}
