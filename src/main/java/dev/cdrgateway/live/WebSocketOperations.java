package dev.cdrgateway.live;

import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.OperationDefinition;
import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * The WebSocket carries subscriptions only. Every operation on one socket shares the request scope of its upgrade
 * request, so a query sent over it would reuse that scope's once-per-request upstream reads and time budget for
 * as long as the socket lives; queries and mutations belong on {@code POST /graphql}, where they also get the
 * GraphQL-over-HTTP rules, the request log and metrics.
 */
public final class WebSocketOperations extends SimplePerformantInstrumentation {

    @Override
    public InstrumentationContext<graphql.ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        OperationDefinition.Operation operation = parameters.getExecutionContext().getOperationDefinition().getOperation();
        if (operation != OperationDefinition.Operation.SUBSCRIPTION && overWebSocket()) {
            throw new AbortExecutionException("Only subscriptions run over the WebSocket; send queries and mutations "
                    + "with POST /graphql");
        }
        return super.beginExecuteOperation(parameters, state);
    }

    private static boolean overWebSocket() {
        if (!Arc.container().requestContext().isActive()) {
            return false;
        }
        RoutingContext rc = Arc.container().instance(CurrentVertxRequest.class).get().getCurrent();
        return rc != null && WebSocketUpgrades.isGraphQLUpgrade(rc);
    }
}
