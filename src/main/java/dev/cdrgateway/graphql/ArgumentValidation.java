package dev.cdrgateway.graphql;

import dev.cdrgateway.paging.ConnectionArgs;
import dev.cdrgateway.paging.Cursors;

import dev.cdrgateway.domain.error.BadUserInputException;
import dev.cdrgateway.paging.PagingConfig;
import dev.cdrgateway.analytics.AnalyticsConfig;
import dev.cdrgateway.analytics.SeriesPlan;
import dev.cdrgateway.analytics.TimeGranularity;
import dev.cdrgateway.domain.CallDirection;
import dev.cdrgateway.domain.CallFilter;
import dev.cdrgateway.domain.CallStatus;
import dev.cdrgateway.domain.CallCriteria;
import dev.cdrgateway.calls.CallService;
import dev.cdrgateway.domain.HangupCause;
import dev.cdrgateway.domain.CustomerIds;
import dev.cdrgateway.customers.CustomerService;
import dev.cdrgateway.insights.AnomalyService;
import dev.cdrgateway.insights.InsightsConfig;
import dev.cdrgateway.insights.LeaderboardMetric;
import dev.cdrgateway.insights.LeaderboardService;
import dev.cdrgateway.insights.QualityService;
import dev.cdrgateway.insights.RankOrder;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.instrumentation.fieldvalidation.FieldAndArguments;
import graphql.execution.instrumentation.fieldvalidation.FieldValidation;
import graphql.execution.instrumentation.fieldvalidation.FieldValidationEnvironment;
import graphql.schema.GraphQLNamedType;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Validates every field's arguments of an operation before any field executes, so a bad argument deep in a
 * query (say {@code customer(id) { calls(filter: <bad>) }}) is refused without a single upstream call. It runs
 * the same checks the services run (which stay as the last line of defence).
 */
final class ArgumentValidation implements FieldValidation {

    private final PagingConfig.Paging paging;
    private final Cursors cursors;
    private final Clock clock;
    private final AnalyticsConfig analytics;
    private final InsightsConfig insights;

    ArgumentValidation(PagingConfig.Paging paging, Cursors cursors, Clock clock, AnalyticsConfig analytics,
                       InsightsConfig insights) {
        this.paging = paging;
        this.cursors = cursors;
        this.clock = clock;
        this.analytics = analytics;
        this.insights = insights;
    }

    @Override
    public List<GraphQLError> validateFields(FieldValidationEnvironment env) {
        List<GraphQLError> errors = new ArrayList<>();
        for (FieldAndArguments field : env.getFields()) {
            try {
                validate(field);
            } catch (BadUserInputException e) {
                errors.add(GraphqlErrorBuilder.newError()
                        .message(e.getMessage())
                        .location(field.getField().getSourceLocation())
                        .path(field.getPath())
                        .extensions(Map.of("code", e.code(), "retryable", false))
                        .build());
            }
        }
        return errors;
    }

    private void validate(FieldAndArguments field) {
        String parent = ((GraphQLNamedType) field.getParentType()).getName();
        String name = field.getFieldDefinition().getName();
        Map<String, Object> args = field.getArgumentValuesByName();
        switch (parent + "." + name) {
            case "Query.customers" -> CustomerService.connectionRequest(
                    CustomerService.searchTerm((String) args.get("search")), connectionArgs(args), paging, cursors);
            case "Query.customer" -> CustomerIds.requireValid((String) args.get("id"), "id");
            case "Query.calls" -> CallService.connectionRequest("all", filter(args), connectionArgs(args), paging, cursors);
            case "Query.call" -> {
                CallService.requireCallUuid((String) args.get("uuid"));
                optionalCustomerId(args.get("customerId"), "customerId");
            }
            case "Query.callSummary" -> {
                optionalCustomerId(args.get("customerId"), "customerId");
                filter(args);
            }
            case "Customer.calls" -> {
                CallCriteria filter = filter(args);
                String owner = parentCustomerId(field);
                if (owner != null) {
                    CallService.connectionRequest("customer:" + owner, filter, connectionArgs(args), paging, cursors);
                } else {
                    connectionArgs(args).validated(paging.defaultFirst(), paging.maxFirst());
                }
            }
            case "Customer.callSummary" -> filter(args);
            case "Subscription.callCompleted" -> optionalCustomerId(args.get("customerId"), "customerId");
            case "Customer.call" -> CallService.requireCallUuid((String) args.get("uuid"));
            case "Customer.recentCalls" -> {
                Integer limit = integer(args.get("limit"), "limit");
                CallService.requireRecentLimit(limit == null ? 20 : limit, paging);
            }
            case "Query.callTimeSeries", "Customer.callTimeSeries" -> {
                optionalCustomerId(args.get("customerId"), "customerId");
                SeriesPlan.of(enumValue(TimeGranularity.class, args.get("granularity"), "granularity"),
                        date(args.get("fromDate"), "fromDate"), date(args.get("toDate"), "toDate"), filter(args),
                        analytics);
            }
            case "Query.callBreakdown" -> {
                optionalCustomerId(args.get("customerId"), "customerId");
                filter(args);
            }
            case "Customer.callBreakdown" -> filter(args);
            case "Query.leaderboard" -> LeaderboardService.request(
                    enumValue(LeaderboardMetric.class, args.get("metric"), "metric"), filter(args),
                    integer(args.get("top"), "top"), enumValue(RankOrder.class, args.get("order"), "order"),
                    (String) args.get("currency"), insights.leaderboard());
            case "Query.callQuality", "Query.anomalies", "Customer.callQuality", "Customer.anomalies",
                 "CallQualityReport.worstCalls" -> insights(parent + "." + name, field, args);
            default -> {
                // no arguments to check
            }
        }
    }

    /** Leaderboard, quality and anomaly fields (dev.cdrgateway.insights). */
    private void insights(String field, FieldAndArguments source, Map<String, Object> args) {
        if (field.startsWith("Query.")) {
            optionalCustomerId(args.get("customerId"), "customerId");
        }
        if (field.endsWith(".callQuality")) {
            filter(args);
        } else if (field.endsWith(".anomalies")) {
            AnomalyService.windows(integer(args.get("windowDays"), "windowDays"),
                    integer(args.get("baselineDays"), "baselineDays"), date(args.get("asOf"), "asOf"),
                    LocalDate.now(clock), insights.anomalies());
        } else {
            QualityService.worstCallsFirst(integer(args.get("first"), "first"), paging);
            FieldAndArguments report = source.getParentFieldAndArguments();
            if (args.get("after") != null && report != null && "callQuality".equals(report.getFieldDefinition().getName())) {
                cursors.decode((String) args.get("after"),
                        QualityService.worstCallsScope(filter(report.getArgumentValuesByName())), "after");
            }
        }
    }

    /** The id of {@code customer(id:)} when that is the field directly above, so cursors can be checked. */
    private static String parentCustomerId(FieldAndArguments field) {
        FieldAndArguments parent = field.getParentFieldAndArguments();
        if (parent != null && "customer".equals(parent.getFieldDefinition().getName())
                && "Query".equals(((GraphQLNamedType) parent.getParentType()).getName())) {
            Object id = parent.getArgumentValue("id");
            return id instanceof String s && CustomerIds.isValid(s) ? s : null;
        }
        return null;
    }

    private static void optionalCustomerId(Object value, String argument) {
        if (value != null) {
            CustomerIds.requireValid((String) value, argument);
        }
    }

    private static ConnectionArgs connectionArgs(Map<String, Object> args) {
        return new ConnectionArgs(integer(args.get("first"), "first"), (String) args.get("after"),
                integer(args.get("last"), "last"), (String) args.get("before"));
    }

    private CallCriteria filter(Map<String, Object> args) {
        Object raw = args.get("filter");
        if (!(raw instanceof Map<?, ?> map)) {
            return CallCriteria.NONE;
        }
        CallFilter input = new CallFilter(
                date(map.get("fromDate"), "filter.fromDate"), date(map.get("toDate"), "filter.toDate"),
                enumValue(CallDirection.class, map.get("direction"), "filter.direction"),
                enumValue(CallStatus.class, map.get("status"), "filter.status"),
                enumValue(HangupCause.class, map.get("hangupCause"), "filter.hangupCause"),
                integer(map.get("minDurationSeconds"), "filter.minDurationSeconds"),
                integer(map.get("maxDurationSeconds"), "filter.maxDurationSeconds"),
                (String) map.get("callerNumber"), (String) map.get("calleeNumber"));
        return CallFilter.normalised(input, LocalDate.now(clock));
    }

    private static LocalDate date(Object value, String argument) {
        if (value == null || value instanceof LocalDate) {
            return (LocalDate) value;
        }
        return parse(() -> LocalDate.parse(value.toString()),
                "`" + argument + "` must be a real calendar date written YYYY-MM-DD, e.g. 2026-03-25");
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, Object value, String argument) {
        if (value == null || type.isInstance(value)) {
            return type.cast(value);
        }
        return parse(() -> Enum.valueOf(type, value.toString()),
                "`" + argument + "` must be one of " + Arrays.toString(type.getEnumConstants()));
    }

    private static Integer integer(Object value, String argument) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number n) {
            return n.intValue();
        }
        return parse(() -> Integer.valueOf(value.toString()), "`" + argument + "` must be an integer");
    }

    private static <T> T parse(Supplier<T> parser, String message) {
        try {
            return parser.get();
        } catch (RuntimeException e) {
            throw new BadUserInputException(message);
        }
    }
}
