package dev.cdrgateway.domain;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

import java.time.LocalDate;
import java.util.List;

/**
 * The filter a set of calls was actually read with: the upstream's own echo where the endpoint has one (account
 * search), else the parameters the gateway sent, with the criteria the endpoint does not guarantee to honour
 * (docs/vobiz-contract.md#documented-and-pass-through-filters: documented only in older or newer docs, sent as
 * pass-through) and those the echo shows
 * were not applied.
 */
@Description("The filter the upstream applied to this set of calls: the values the Vobiz search endpoint echoed "
        + "back where it does (echoed: true, for direction, callerNumber, calleeNumber and hangupCause), otherwise the "
        + "parameters the gateway sent. Dates are UTC days, inclusive.")
public record AppliedFilter(
        @NonNull @Description("The Vobiz endpoint that served the calls.") CallListEndpoint endpoint,
        @NonNull @Description("True when direction, callerNumber, calleeNumber and hangupCause are the upstream's own "
                + "echo of what it applied, false when they are what the gateway sent.") boolean echoed,
        @Description("First day (UTC, inclusive).") LocalDate fromDate,
        @Description("Last day (UTC, inclusive).") LocalDate toDate,
        @Description("Direction criterion.") CallDirection direction,
        @Description("Status criterion.") CallStatus status,
        @Description("Hangup cause criterion.") HangupCause hangupCause,
        @Description("Minimum duration in seconds.") Integer minDurationSeconds,
        @Description("Maximum duration in seconds.") Integer maxDurationSeconds,
        @Description("Caller number (substring).") String callerNumber,
        @Description("Callee number (substring).") String calleeNumber,
        @NonNull @Description("Requested criteria this endpoint does not document (sent as pass-through, e.g. the "
                + "number filters and maxDurationSeconds on the partner API): the calls may not be narrowed by them.")
        List<@NonNull CallFilterField> notGuaranteed,
        @NonNull @Description("Requested criteria the upstream's echo shows it did not apply; the calls are not "
                + "narrowed by them.") List<@NonNull CallFilterField> notApplied) {
}
