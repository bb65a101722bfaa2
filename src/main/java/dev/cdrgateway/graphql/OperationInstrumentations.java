package dev.cdrgateway.graphql;

import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.ExecuteObjectInstrumentationContext;
import graphql.execution.instrumentation.ExecutionStrategyInstrumentationContext;
import graphql.execution.instrumentation.FieldFetchingInstrumentationContext;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionStrategyParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldCompleteParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldParameters;
import graphql.schema.DataFetcher;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * The engine's instrumentations, which all work per operation (parse, validation, limits, cost, error codes), chained
 * without a per-field cost. graphql-java asks an instrumentation chain about every field of every row (begin
 * execution, fetch, completion, the data fetcher), and {@link ChainedInstrumentation} asks each member and builds a
 * list of their answers each time: for a 20-call page, about 220 fields times 9 hooks times the members, all answered
 * "nothing". Here those hooks give graphql-java's own "nothing" answer at once. So that this can never drop a member's field hook, a member
 * that overrides one is refused when the engine is built; nested chains (SmallRye's) are flattened.
 */
final class OperationInstrumentations extends ChainedInstrumentation {

    private static final List<String> PER_FIELD_HOOKS = List.of("beginExecutionStrategy", "beginExecuteObject",
            "beginDeferredField", "beginSubscribedFieldEvent", "beginFieldExecution", "beginFieldFetch",
            "beginFieldFetching", "beginFieldCompletion", "beginFieldListCompletion", "instrumentDataFetcher");

    /** graphql-java's own "no instrumentation" answers. */
    private static final SimplePerformantInstrumentation NOTHING = SimplePerformantInstrumentation.INSTANCE;

    OperationInstrumentations(List<Instrumentation> instrumentations) {
        super(operationLevelOnly(flattened(instrumentations)));
    }

    private static List<Instrumentation> flattened(List<Instrumentation> instrumentations) {
        List<Instrumentation> flat = new ArrayList<>();
        for (Instrumentation instrumentation : instrumentations) {
            if (instrumentation instanceof ChainedInstrumentation chain) {
                flat.addAll(flattened(chain.getInstrumentations()));
            } else {
                flat.add(instrumentation);
            }
        }
        return flat;
    }

    private static List<Instrumentation> operationLevelOnly(List<Instrumentation> instrumentations) {
        for (Instrumentation instrumentation : instrumentations) {
            for (Method method : instrumentation.getClass().getMethods()) {
                Class<?> declaredBy = method.getDeclaringClass();
                if (PER_FIELD_HOOKS.contains(method.getName()) && !method.isBridge()
                        && declaredBy != Instrumentation.class && declaredBy != SimplePerformantInstrumentation.class) {
                    throw new IllegalStateException(instrumentation.getClass().getName() + " hooks " + method.getName()
                            + ": it cannot be chained as an operation-level instrumentation");
                }
            }
        }
        return instrumentations;
    }

    @Override
    public ExecutionStrategyInstrumentationContext beginExecutionStrategy(
            InstrumentationExecutionStrategyParameters parameters, InstrumentationState state) {
        return NOTHING.beginExecutionStrategy(parameters, state);
    }

    @Override
    public ExecuteObjectInstrumentationContext beginExecuteObject(InstrumentationExecutionStrategyParameters parameters,
                                                                  InstrumentationState state) {
        return NOTHING.beginExecuteObject(parameters, state);
    }

    @Override
    public InstrumentationContext<Object> beginDeferredField(InstrumentationState state) {
        return NOTHING.beginDeferredField(state);
    }

    @Override
    public InstrumentationContext<graphql.ExecutionResult> beginSubscribedFieldEvent(
            InstrumentationFieldParameters parameters, InstrumentationState state) {
        return NOTHING.beginSubscribedFieldEvent(parameters, state);
    }

    @Override
    public InstrumentationContext<Object> beginFieldExecution(InstrumentationFieldParameters parameters,
                                                              InstrumentationState state) {
        return NOTHING.beginFieldExecution(parameters, state);
    }

    @Override
    @SuppressWarnings("deprecation")
    public InstrumentationContext<Object> beginFieldFetch(InstrumentationFieldFetchParameters parameters,
                                                          InstrumentationState state) {
        return NOTHING.beginFieldFetch(parameters, state);
    }

    @Override
    public FieldFetchingInstrumentationContext beginFieldFetching(InstrumentationFieldFetchParameters parameters,
                                                                  InstrumentationState state) {
        return NOTHING.beginFieldFetching(parameters, state);
    }

    @Override
    public InstrumentationContext<Object> beginFieldCompletion(InstrumentationFieldCompleteParameters parameters,
                                                               InstrumentationState state) {
        return NOTHING.beginFieldCompletion(parameters, state);
    }

    @Override
    public InstrumentationContext<Object> beginFieldListCompletion(InstrumentationFieldCompleteParameters parameters,
                                                                   InstrumentationState state) {
        return NOTHING.beginFieldListCompletion(parameters, state);
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher,
                                                InstrumentationFieldFetchParameters parameters,
                                                InstrumentationState state) {
        return dataFetcher;
    }
}
