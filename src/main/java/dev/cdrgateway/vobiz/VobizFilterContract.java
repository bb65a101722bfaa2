package dev.cdrgateway.vobiz;

import dev.cdrgateway.domain.AppliedFilter;
import dev.cdrgateway.domain.CallCriteria;
import dev.cdrgateway.domain.CallDirection;
import dev.cdrgateway.domain.CallFilterField;
import dev.cdrgateway.domain.CallListEndpoint;
import dev.cdrgateway.domain.HangupCause;
import dev.cdrgateway.vobiz.dto.VobizSearchEcho;
import org.jboss.logging.Logger;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What Vobiz does with a call filter, in one place (docs/vobiz-contract.md#filters-and-their-upstream-names): the
 * criteria each endpoint family documents, the query parameters a criteria becomes, which criteria only the
 * partner API takes (so they decide the routing) and what the account search's echo proves about the filter
 * actually applied. Everything else in the adapter asks this class rather than knowing a parameter name.
 */
final class VobizFilterContract {

    private static final Logger LOG = Logger.getLogger(VobizFilterContract.class);

    /** Criteria the primary pages document for the account list and search endpoints (docs/vobiz-contract.md#documented-and-pass-through-filters). */
    private static final Set<CallFilterField> ACCOUNT_DOCUMENTED = EnumSet.of(CallFilterField.FROM_DATE,
            CallFilterField.TO_DATE, CallFilterField.DIRECTION, CallFilterField.MIN_DURATION_SECONDS,
            CallFilterField.CALLER_NUMBER, CallFilterField.CALLEE_NUMBER);
    /** Criteria the primary pages document for the partner CDR endpoints (docs/vobiz-contract.md#documented-and-pass-through-filters). */
    private static final Set<CallFilterField> PARTNER_DOCUMENTED = EnumSet.of(CallFilterField.FROM_DATE,
            CallFilterField.TO_DATE, CallFilterField.DIRECTION, CallFilterField.STATUS, CallFilterField.HANGUP_CAUSE,
            CallFilterField.MIN_DURATION_SECONDS);

    private VobizFilterContract() {
    }

    /**
     * Whether the filter needs a parameter that only the partner CDR endpoints' primary pages document:
     * {@code status}, {@code hangup_cause} (the account search page says that API does not take it,
     * docs/vobiz-contract.md#v12-hangup-cause-filter-on-the-account-api) and {@code max_duration}.
     */
    static boolean needsPartnerApi(CallCriteria filter) {
        return filter.status() != null || filter.hangupCause() != null || filter.maxDurationSeconds() != null;
    }

    /**
     * The filter's query parameters, each under the name its endpoint documents; criteria only newer or older docs
     * list are sent as pass-through (docs/vobiz-contract.md#documented-and-pass-through-filters). {@code status} is
     * not an account API parameter and is never sent there.
     *
     * @param accountApi whether the request goes to the account API (list, search or export)
     */
    static Map<String, String> query(CallCriteria f, boolean accountApi) {
        Map<String, String> q = new LinkedHashMap<>();
        if (f.fromDate() != null) {
            q.put("start_date", f.fromDate().format(DateTimeFormatter.ISO_LOCAL_DATE));
            q.put("end_date", f.toDate().format(DateTimeFormatter.ISO_LOCAL_DATE));
        }
        if (f.direction() != null) {
            q.put("call_direction", f.direction().wireValue());
        }
        if (f.minDurationSeconds() != null) {
            q.put("min_duration", f.minDurationSeconds().toString());
        }
        if (f.maxDurationSeconds() != null) {
            q.put("max_duration", f.maxDurationSeconds().toString());
        }
        if (f.hangupCause() != null) {
            q.put("hangup_cause", f.hangupCause().name());
        }
        if (f.callerNumber() != null) {
            q.put("from_number", f.callerNumber());
        }
        if (f.calleeNumber() != null) {
            q.put("to_number", f.calleeNumber());
        }
        if (f.status() != null && !accountApi) {
            q.put("status", f.status().wireValue());
        }
        return q;
    }

    /**
     * The filter a list endpoint applied: the search echo's values for the criteria it echoes (an empty string
     * meaning "not applied", docs/vobiz-contract.md#search-echo), the sent parameters for the rest, which requested
     * criteria the endpoint does not document (pass-through) and which the echo contradicts. A sent direction or
     * hangup cause the echo contradicts is also logged as a contract warning (number values are never logged).
     */
    static AppliedFilter applied(CallListEndpoint endpoint, CallCriteria sent, VobizSearchEcho echo) {
        Set<CallFilterField> documented = endpoint == CallListEndpoint.ACCOUNT_LIST
                || endpoint == CallListEndpoint.ACCOUNT_SEARCH ? ACCOUNT_DOCUMENTED : PARTNER_DOCUMENTED;
        CallDirection direction = sent.direction();
        HangupCause cause = sent.hangupCause();
        String caller = sent.callerNumber();
        String callee = sent.calleeNumber();
        List<CallFilterField> notApplied = new ArrayList<>();
        Set<CallFilterField> confirmed = EnumSet.noneOf(CallFilterField.class);
        if (echo != null) {
            direction = CallDirection.fromWire(blankToNull(echo.callDirection()));
            cause = blankToNull(echo.hangupCause()) == null ? null : HangupCause.fromWire(echo.hangupCause());
            caller = blankToNull(echo.fromNumber());
            callee = blankToNull(echo.toNumber());
            compare(CallFilterField.DIRECTION, sent.direction(), direction, notApplied, confirmed);
            compare(CallFilterField.HANGUP_CAUSE, sent.hangupCause(), cause, notApplied, confirmed);
            compare(CallFilterField.CALLER_NUMBER, sent.callerNumber(), caller, notApplied, confirmed);
            compare(CallFilterField.CALLEE_NUMBER, sent.calleeNumber(), callee, notApplied, confirmed);
            warnIfNotApplied(notApplied);
        }
        List<CallFilterField> notGuaranteed = new ArrayList<>();
        for (CallFilterField field : requested(sent)) {
            if (!documented.contains(field) && !confirmed.contains(field) && !notApplied.contains(field)) {
                notGuaranteed.add(field);
            }
        }
        return new AppliedFilter(endpoint, echo != null, sent.fromDate(), sent.toDate(), direction, sent.status(), cause,
                sent.minDurationSeconds(), sent.maxDurationSeconds(), caller, callee, List.copyOf(notGuaranteed),
                List.copyOf(notApplied));
    }

    private static void warnIfNotApplied(List<CallFilterField> notApplied) {
        if (notApplied.contains(CallFilterField.DIRECTION)) {
            LOG.warn("Vobiz search did not echo the call_direction filter; results may be unfiltered");
        }
        if (notApplied.contains(CallFilterField.HANGUP_CAUSE)) {
            LOG.warn("Vobiz search did not echo the hangup_cause filter; results may be unfiltered");
        }
    }

    private static void compare(CallFilterField field, Object sent, Object echoed, List<CallFilterField> notApplied,
                                Set<CallFilterField> confirmed) {
        if (sent == null) {
            return;
        }
        if (sent.equals(echoed)) {
            confirmed.add(field);
        } else {
            notApplied.add(field);
        }
    }

    private static List<CallFilterField> requested(CallCriteria f) {
        List<CallFilterField> fields = new ArrayList<>();
        if (f.fromDate() != null) {
            fields.add(CallFilterField.FROM_DATE);
            fields.add(CallFilterField.TO_DATE);
        }
        addIf(fields, f.direction(), CallFilterField.DIRECTION);
        addIf(fields, f.status(), CallFilterField.STATUS);
        addIf(fields, f.hangupCause(), CallFilterField.HANGUP_CAUSE);
        addIf(fields, f.minDurationSeconds(), CallFilterField.MIN_DURATION_SECONDS);
        addIf(fields, f.maxDurationSeconds(), CallFilterField.MAX_DURATION_SECONDS);
        addIf(fields, f.callerNumber(), CallFilterField.CALLER_NUMBER);
        addIf(fields, f.calleeNumber(), CallFilterField.CALLEE_NUMBER);
        return fields;
    }

    private static void addIf(List<CallFilterField> fields, Object value, CallFilterField field) {
        if (value != null) {
            fields.add(field);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
