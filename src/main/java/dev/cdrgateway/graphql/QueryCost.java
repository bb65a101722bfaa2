package dev.cdrgateway.graphql;

import dev.cdrgateway.analytics.AnalyticsCost;
import dev.cdrgateway.insights.InsightsCost;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;

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

    /** Number of aliased fields in the document (fragments counted once, where they are defined). */
    static int aliases(Document document) {
        int count = 0;
        for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
            count += aliases(operation.getSelectionSet());
        }
        for (FragmentDefinition fragment : document.getDefinitionsOfType(FragmentDefinition.class)) {
            count += aliases(fragment.getSelectionSet());
        }
        return count;
    }

    private static int aliases(SelectionSet selections) {
        if (selections == null) {
            return 0;
        }
        int count = 0;
        for (Selection<?> selection : selections.getSelections()) {
            if (selection instanceof Field field) {
                count += (field.getAlias() != null ? 1 : 0) + aliases(field.getSelectionSet());
            } else if (selection instanceof InlineFragment fragment) {
                count += aliases(fragment.getSelectionSet());
            }
        }
        return count;
    }
}
