package dev.cdrgateway.graphql;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;

import java.util.Map;

/**
 * The depth limit: how deeply the operation's fields nest (a top-level field is depth 1), fragments expanded, at most
 * {@code gateway.limits.max-depth}. The depth is a property of the document alone, so it is measured once per parsed
 * operation (SmallRye's document cache hands the same parsed document to every request with the same text) and
 * remembered; graphql-java's {@code MaxQueryDepthInstrumentation} walked the whole operation with a query traverser on
 * every request, and that walk was the largest allocation of a small request. Unlike it, fields under
 * {@code @skip}/{@code @include} always count (their conditions may come from variables; the limit is on what a
 * document may ask for). Operations that only introspect are bounded by graphql-java's GoodFaithIntrospection
 * instead (GraphiQL's introspection query is 15 levels deep). The refusal is the same {@code ExecutionAborted} error
 * ({@link ErrorCodes} gives it {@code QUERY_TOO_DEEP}).
 */
final class OperationDepth extends SimplePerformantInstrumentation {

    private final int maxDepth;
    /** Parsed operations are compared by identity; an entry goes with its document. */
    private final Cache<OperationDefinition, Integer> depths = Caffeine.newBuilder().weakKeys().maximumSize(10_000)
            .build();

    OperationDepth(int maxDepth) {
        this.maxDepth = maxDepth;
    }

    @Override
    public InstrumentationContext<graphql.ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        ExecutionContext execution = parameters.getExecutionContext();
        OperationDefinition operation = execution.getOperationDefinition();
        if (!introspectionOnly(operation)) {
            int depth = depths.get(operation, op -> depth(op.getSelectionSet(), execution.getFragmentsByName(), 0));
            if (depth > maxDepth) {
                throw new AbortExecutionException("maximum query depth exceeded " + depth + " > " + maxDepth);
            }
        }
        return SimpleInstrumentationContext.noOp();
    }

    /** The deepest field below {@code selections}, whose parent field is at {@code level}. */
    private static int depth(SelectionSet selections, Map<String, FragmentDefinition> fragments, int level) {
        int deepest = level;
        if (selections == null) {
            return deepest;
        }
        for (Selection<?> selection : selections.getSelections()) {
            if (selection instanceof Field field) {
                deepest = Math.max(deepest, depth(field.getSelectionSet(), fragments, level + 1));
            } else if (selection instanceof InlineFragment inline) {
                deepest = Math.max(deepest, depth(inline.getSelectionSet(), fragments, level));
            } else if (selection instanceof FragmentSpread spread) {
                // validation has refused unknown fragments and fragment cycles before execution
                FragmentDefinition fragment = fragments.get(spread.getName());
                if (fragment != null) {
                    deepest = Math.max(deepest, depth(fragment.getSelectionSet(), fragments, level));
                }
            }
        }
        return deepest;
    }

    private static boolean introspectionOnly(OperationDefinition operation) {
        return operation.getSelectionSet().getSelections().stream()
                .allMatch(s -> s instanceof Field f && f.getName().startsWith("__"));
    }
}
