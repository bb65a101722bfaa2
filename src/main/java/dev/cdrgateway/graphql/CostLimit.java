package dev.cdrgateway.graphql;

import graphql.ExecutionResult;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.normalized.ExecutableNormalizedField;

import java.util.List;

/**
 * Refuses an operation whose {@link QueryCost} exceeds the limit, before any field runs. The cost is summed over
 * graphql-java's normalized operation, where every fragment spread is expanded in place under its own alias:
 * graphql-java's {@code MaxQueryComplexityInstrumentation} counted a fragment spread under several aliases only
 * once, so five aliases of a {@code calls(first: 500)} fragment passed a limit one of them nearly reaches. The
 * normalized operation is built once per request and reused by execution, so this costs no second traversal.
 */
final class CostLimit extends SimplePerformantInstrumentation {

    private final int maxCost;
    private final QueryCost cost;

    CostLimit(int maxCost, QueryCost cost) {
        this.maxCost = maxCost;
        this.cost = cost;
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
                                                                         InstrumentationState state) {
        long total = costOf(parameters.getExecutionContext().getNormalizedQueryTree().get().getTopLevelFields());
        if (total > maxCost) {
            // "complexity" in the message is what ErrorCodes maps to QUERY_TOO_COMPLEX
            throw new AbortExecutionException("maximum query complexity exceeded " + total + " > " + maxCost);
        }
        return super.beginExecuteOperation(parameters, state);
    }

    private long costOf(List<ExecutableNormalizedField> fields) {
        long sum = 0;
        for (ExecutableNormalizedField field : fields) {
            long children = costOf(field.getChildren());
            sum += cost.cost(field, (int) Math.min(Integer.MAX_VALUE / 2, children));
            if (sum > Integer.MAX_VALUE / 2) {
                return sum;
            }
        }
        return sum;
    }
}
