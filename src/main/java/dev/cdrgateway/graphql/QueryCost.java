package dev.cdrgateway.graphql;

import dev.cdrgateway.analytics.AnalyticsCost;
import dev.cdrgateway.insights.InsightsCost;

import java.util.Map;
import java.util.OptionalLong;

/** How much an operation costs: list/connection fields multiply their selection's cost by their page size. */
final class QueryCost {

    private final int defaultPageSize;

    QueryCost(int defaultPageSize) {
        this.defaultPageSize = defaultPageSize;
    }

    /** The cost of field {@code name} with these (coerced) arguments whose selection costs {@code childComplexity}. */
    int cost(String name, Map<String, Object> args, int childComplexity) {
        OptionalLong analytics = AnalyticsCost.multiplier(name, args);
        if (analytics.isPresent()) {
            return (int) Math.min(Integer.MAX_VALUE / 2, 1L + Math.max(1, childComplexity) * analytics.getAsLong());
        }
        boolean paged = args.containsKey("first") || args.containsKey("last") || args.containsKey("limit")
                || args.containsKey("top") || name.equals("leaderboard")
                || name.equals("calls") || name.equals("customers") || name.equals("recentCalls");
        int fanOut = InsightsCost.surcharge(name);
        if (!paged || childComplexity == 0) {
            return 1 + fanOut + childComplexity;
        }
        int size = firstNonNull(args.get("first"), args.get("last"), args.get("limit"), args.get("top"));
        long cost = 1L + fanOut + (long) childComplexity * Math.max(1, size);
        return (int) Math.min(Integer.MAX_VALUE / 2, cost);
    }

    private int firstNonNull(Object... values) {
        for (Object value : values) {
            if (value instanceof Number number) {
                return number.intValue();
            }
        }
        return defaultPageSize;
    }
}
