package dev.cdrgateway.http;

import dev.cdrgateway.graphql.ContributedInstrumentation;
import dev.cdrgateway.graphql.CurrentRequest;
import dev.cdrgateway.security.AdmissionPolicy;
import graphql.ExecutionResult;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.OperationDefinition;
import jakarta.inject.Singleton;

/**
 * The WebSocket carries subscriptions only. Every operation on one socket shares the request scope of its upgrade
 * request, so a query sent over it would reuse that scope's once-per-request upstream reads and time budget for
 * as long as the socket lives; queries and mutations belong on {@code POST /graphql}, where they also get the
 * GraphQL-over-HTTP rules, the request log and metrics.
 */
@Singleton
class SubscriptionsOnlyOverWebSocket extends SimplePerformantInstrumentation implements ContributedInstrumentation {

    private final CurrentRequest request;

    SubscriptionsOnlyOverWebSocket(CurrentRequest request) {
        this.request = request;
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        OperationDefinition.Operation operation = parameters.getExecutionContext().getOperationDefinition().getOperation();
        if (operation != OperationDefinition.Operation.SUBSCRIPTION
                && request.routingContext().filter(AdmissionPolicy::isGraphQLWebSocketUpgrade).isPresent()) {
            throw new AbortExecutionException("Only subscriptions run over the WebSocket; send queries and mutations "
                    + "with POST /graphql");
        }
        return super.beginExecuteOperation(parameters, state);
    }
}
