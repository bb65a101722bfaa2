package dev.cdrgateway.export;

import dev.cdrgateway.domain.CallDirection;
import dev.cdrgateway.domain.CallFilter;
import dev.cdrgateway.domain.CallStatus;
import dev.cdrgateway.domain.CallCriteria;
import dev.cdrgateway.domain.HangupCause;
import dev.cdrgateway.domain.CustomerIds;
import dev.cdrgateway.domain.error.BadUserInputException;
import dev.cdrgateway.domain.access.AccessPolicy;
import dev.cdrgateway.domain.access.Caller;
import io.vertx.core.MultiMap;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * A validated export request: whose calls (one customer, or the partner-wide log) and the normalised filter.
 * The filter parameters are the GraphQL {@code CallFilter} fields, validated and normalised by the same code
 * ({@link CallFilter#normalised}), so the rules and messages are identical (messages name them
 * {@code filter.<field>}). Everything here runs before any upstream call.
 *
 * @param customerId the customer to export, {@code null} for the partner-wide log
 */
record ExportRequest(String customerId, CallCriteria filter) {

    static final List<String> PARAMETERS = List.of("customerId", "scope", "fromDate", "toDate", "direction", "status",
            "hangupCause", "minDurationSeconds", "maxDurationSeconds", "callerNumber", "calleeNumber");

    /** Whether this is the partner-wide log. */
    boolean partnerWide() {
        return customerId == null;
    }

    /**
     * Validates the query parameters, then the caller's access: input errors first (400), then 403 for a customer
     * user asking for the partner-wide log and 404 (the same as for an unknown id) for another customer.
     *
     * @throws BadUserInputException naming the parameter to fix
     */
    static ExportRequest of(MultiMap params, Caller caller, LocalDate today) {
        for (String name : params.names()) {
            if (!PARAMETERS.contains(name)) {
                throw new BadUserInputException("Unknown query parameter `" + name + "`; the export takes " + PARAMETERS);
            }
            if (params.getAll(name).size() > 1) {
                throw new BadUserInputException("Query parameter `" + name + "` was given more than once");
            }
        }
        String scope = params.get("scope");
        if (scope != null && !scope.equals("customer") && !scope.equals("partner")) {
            throw new BadUserInputException("`scope` must be customer or partner");
        }
        String customerId = params.get("customerId");
        if (customerId != null) {
            CustomerIds.requireValid(customerId, "customerId");
            if ("partner".equals(scope)) {
                throw new BadUserInputException("`customerId` cannot be combined with scope=partner");
            }
        }
        CallCriteria filter = CallFilter.normalised(filter(params), today);

        boolean partnerWide = "partner".equals(scope) || (scope == null && customerId == null && caller.role().isPartner());
        if (partnerWide) {
            AccessPolicy.requirePartnerFor(caller, "The partner-wide export");
            return new ExportRequest(null, filter);
        }
        String customer = customerId != null ? customerId : caller.customerScope().orElseThrow(() ->
                new BadUserInputException("`customerId` is required for scope=customer"));
        AccessPolicy.requireVisible(caller, customer);
        return new ExportRequest(customer, filter);
    }

    /** The attachment's file name: {@code calls-<customer id or partner>-<from or all>-<to or all>.csv}. */
    String fileName() {
        return "calls-" + (partnerWide() ? "partner" : customerId) + "-"
                + (filter.fromDate() == null ? "all" : filter.fromDate()) + "-"
                + (filter.toDate() == null ? "all" : filter.toDate()) + ".csv";
    }

    private static CallFilter filter(MultiMap params) {
        return new CallFilter(
                date(params.get("fromDate"), "filter.fromDate"), date(params.get("toDate"), "filter.toDate"),
                enumValue(CallDirection.class, params.get("direction"), "filter.direction"),
                enumValue(CallStatus.class, params.get("status"), "filter.status"),
                enumValue(HangupCause.class, params.get("hangupCause"), "filter.hangupCause"),
                integer(params.get("minDurationSeconds"), "filter.minDurationSeconds"),
                integer(params.get("maxDurationSeconds"), "filter.maxDurationSeconds"),
                params.get("callerNumber"), params.get("calleeNumber"));
    }

    // Same messages as the GraphQL argument readers (graphql/ArgumentValues).

    private static LocalDate date(String value, String argument) {
        return value == null ? null : parse(() -> LocalDate.parse(value),
                "`" + argument + "` must be a real calendar date written YYYY-MM-DD, e.g. 2026-03-25");
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value, String argument) {
        return value == null ? null : parse(() -> Enum.valueOf(type, value),
                "`" + argument + "` must be one of " + Arrays.toString(type.getEnumConstants()));
    }

    private static Integer integer(String value, String argument) {
        return value == null ? null : parse(() -> Integer.valueOf(value), "`" + argument + "` must be an integer");
    }

    private static <T> T parse(Supplier<T> parser, String message) {
        try {
            return parser.get();
        } catch (RuntimeException e) {
            throw new BadUserInputException(message);
        }
    }
}
