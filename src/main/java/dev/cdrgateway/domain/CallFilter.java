package dev.cdrgateway.domain;

import dev.cdrgateway.domain.error.BadUserInputException;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

import java.time.LocalDate;
import java.util.regex.Pattern;

/** The GraphQL call filter argument. Every criterion is optional; criteria combine with AND. */
@Input("CallFilter")
@Description("Narrows a set of calls. Every field is optional; set fields combine with AND.")
public record CallFilter(
        @Description("First day (UTC, inclusive), YYYY-MM-DD. Alone, it means 'from this day up to today'.")
        LocalDate fromDate,
        @Description("Last day (UTC, inclusive), YYYY-MM-DD. Requires fromDate.") LocalDate toDate,
        @Description("Only inbound or only outbound calls.") CallDirection direction,
        @Description("Only calls with this outcome.") CallStatus status,
        @Description("Only calls that ended with this hangup cause.") HangupCause hangupCause,
        @Description("Only calls lasting at least this many seconds (ringing + talk).") Integer minDurationSeconds,
        @Description("Only calls lasting at most this many seconds (ringing + talk).") Integer maxDurationSeconds,
        @Description("Caller number or part of it: digits with an optional leading +.") String callerNumber,
        @Description("Callee number or part of it: digits with an optional leading +.") String calleeNumber) {

    private static final Pattern NUMBER = Pattern.compile("^\\+?[0-9]{1,20}$");

    /**
     * Validates the filter and returns its normalised form.
     *
     * @param today the current UTC date, filled in as {@code toDate} when only {@code fromDate} is given
     * @throws BadUserInputException naming the field to fix
     */
    public static CallCriteria normalised(CallFilter input, LocalDate today) {
        if (input == null) {
            return CallCriteria.NONE;
        }
        return input.normalise(today);
    }

    private CallCriteria normalise(LocalDate today) {
        requireCalendarDate(fromDate, "filter.fromDate");
        requireCalendarDate(toDate, "filter.toDate");
        if (toDate != null && fromDate == null) {
            throw new BadUserInputException("`filter.toDate` requires `filter.fromDate` (Vobiz needs both ends of a "
                    + "date range); add fromDate");
        }
        LocalDate to = fromDate != null && toDate == null ? today : toDate;
        if (fromDate != null && to.isBefore(fromDate)) {
            throw new BadUserInputException("`filter.toDate` (" + to + ") is before `filter.fromDate` (" + fromDate
                    + "); swap them" + (toDate == null ? " or pass a toDate" : ""));
        }
        checkSeconds("minDurationSeconds", minDurationSeconds);
        checkSeconds("maxDurationSeconds", maxDurationSeconds);
        if (minDurationSeconds != null && maxDurationSeconds != null && maxDurationSeconds < minDurationSeconds) {
            throw new BadUserInputException("`filter.maxDurationSeconds` (" + maxDurationSeconds
                    + ") is below `filter.minDurationSeconds` (" + minDurationSeconds + ")");
        }
        if (hangupCause == HangupCause.UNKNOWN) {
            throw new BadUserInputException("`filter.hangupCause` cannot be UNKNOWN: it stands for causes Vobiz does not "
                    + "document, which cannot be searched for; pick a documented cause");
        }
        return new CallCriteria(fromDate, to, direction, status, hangupCause, minDurationSeconds, maxDurationSeconds,
                number("callerNumber", callerNumber), number("calleeNumber", calleeNumber));
    }

    /**
     * Refuses dates Vobiz cannot be sent: its dates are {@code YYYY-MM-DD}, so years 1 to 9999 only (a GraphQL
     * {@code Date} such as {@code -0001-01-01} or {@code +10000-01-01} parses, then Vobiz rejects the request).
     *
     * @throws BadUserInputException naming {@code argument}
     */
    public static LocalDate requireCalendarDate(LocalDate date, String argument) {
        if (date != null && (date.getYear() < 1 || date.getYear() > 9999)) {
            throw new BadUserInputException("`" + argument + "` must be a date between 0001-01-01 and 9999-12-31, "
                    + "written YYYY-MM-DD");
        }
        return date;
    }

    private static void checkSeconds(String name, Integer value) {
        if (value != null && value < 0) {
            throw new BadUserInputException("`filter." + name + "` must be 0 or more seconds, got " + value);
        }
    }

    private static String number(String name, String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        if (!NUMBER.matcher(trimmed).matches()) {
            throw new BadUserInputException("`filter." + name + "` must be digits with an optional leading + "
                    + "(e.g. +9180000000 or 0000), at most 20 digits");
        }
        return trimmed;
    }
}
