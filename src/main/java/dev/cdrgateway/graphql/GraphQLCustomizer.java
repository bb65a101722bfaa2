package dev.cdrgateway.graphql;

import dev.cdrgateway.http.GraphQLHttpRules;

import dev.cdrgateway.domain.error.GatewayException;
import dev.cdrgateway.resilience.RequestScope;
import dev.cdrgateway.security.TenantContext;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.schema.GraphQLSchema;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.instrumentation.fieldvalidation.FieldValidationInstrumentation;
import io.quarkus.arc.Arc;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.time.Duration;

/**
 * Adds the gateway's instrumentations to the graphql-java engine SmallRye builds (CDI event, needs
 * {@code quarkus.smallrye-graphql.events.enabled=true}): argument validation before execution and stable error
 * codes on graphql-java's own errors, depth and complexity limits (page sizes multiply the cost of a
 * connection's selection). SmallRye's own instrumentation chain (depth/complexity limits, query
 * cache) is kept: the builder has no getter, so it is read reflectively and chained in front of ours.
 */
@ApplicationScoped
@RegisterForReflection(targets = GraphQL.Builder.class, fields = true, methods = false)
public class GraphQLCustomizer {

    /** RoutingContext key telling {@link GraphQLHttpRules} the operation failed before producing data. */
    public static final String REQUEST_FAILED = "cdr-gateway.request-failed";
    /** RoutingContext keys for the request log: outcome, tenant, upstream calls. */
    public static final String OUTCOME = "cdr-gateway.outcome";
    public static final String TENANT = "cdr-gateway.tenant";
    public static final String UPSTREAM_CALLS = "cdr-gateway.upstream-calls";

    private final LimitsConfig limits;
    private final ArgumentValidation arguments;
    private final QueryCost cost;

    GraphQLCustomizer(LimitsConfig limits, ArgumentValidation arguments, QueryCost cost) {
        this.limits = limits;
        this.arguments = arguments;
        this.cost = cost;
    }

    void customize(@Observes GraphQL.Builder builder) {
        GraphQLSchema schema = StrictScalars.apply(builderField(builder, "graphQLSchema", GraphQLSchema.class));
        arguments.requireDeclaredIn(schema);
        cost.requireDeclaredIn(schema);
        builder.schema(schema);
        List<Instrumentation> chain = new ArrayList<>();
        Instrumentation existing = builderField(builder, "instrumentation", Instrumentation.class);
        if (existing != null) {
            // SmallRye's chain holds its document cache, whose beginValidation must run before DocumentBounds may
            // refuse a document (it would otherwise keep the refused document's parse for the next request).
            chain.add(existing);
        }
        // Documents that did not pass GraphQLHttpRules (WebSocket subscriptions) are bounded before validation.
        chain.add(new DocumentBounds(limits));
        // Argument errors first: "first must be at most 500" is clearer than the cost it would cause.
        chain.add(new FieldValidationInstrumentation(arguments));
        chain.add(new MaxQueryDepthInstrumentation(limits.maxDepth()) {
            @Override
            public graphql.execution.instrumentation.InstrumentationContext<graphql.ExecutionResult> beginExecuteOperation(
                    graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters parameters,
                    graphql.execution.instrumentation.InstrumentationState state) {
                // Introspection-only operations are bounded by graphql-java's GoodFaithIntrospection (at most 20
                // levels and 500 fields); GraphiQL's own introspection query is 15 levels deep.
                return introspectionOnly(parameters.getExecutionContext().getOperationDefinition())
                        ? graphql.execution.instrumentation.SimpleInstrumentationContext.noOp()
                        : super.beginExecuteOperation(parameters, state);
            }
        });
        chain.add(new CostLimit(limits.maxComplexity(), cost));
        chain.add(new dev.cdrgateway.live.WebSocketOperations());
        chain.add(new ErrorCodes(GraphQLCustomizer::observe, GraphQLCustomizer::responseExtensions));
        builder.instrumentation(new ChainedInstrumentation(chain));
    }

    private static boolean introspectionOnly(graphql.language.OperationDefinition operation) {
        return operation.getSelectionSet().getSelections().stream()
                .allMatch(s -> s instanceof graphql.language.Field f && f.getName().startsWith("__"));
    }

    /** A field SmallRye set on the builder, which has no getters. */
    private static <T> T builderField(GraphQL.Builder builder, String name, Class<T> type) {
        try {
            Field field = GraphQL.Builder.class.getDeclaredField(name);
            field.setAccessible(true);
            return type.cast(field.get(builder));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot extend SmallRye's GraphQL engine (" + name + ")", e);
        }
    }

    /** {@code stale: true} and the age in seconds when any data of this response came from a stale cache entry. */
    private static Map<String, Object> responseExtensions() {
        if (!Arc.container().requestContext().isActive()) {
            return Map.of();
        }
        Duration age = Arc.container().instance(RequestScope.class).get().staleAge();
        return age == null ? Map.of() : Map.of("stale", true, "staleAgeSeconds", age.toSeconds());
    }

    /** Hands the result's outcome to the HTTP layer (status code, request log, metrics) via the RoutingContext. */
    private static void observe(ExecutionResult result) {
        if (!Arc.container().requestContext().isActive()) {
            return;
        }
        RoutingContext rc = Arc.container().instance(CurrentVertxRequest.class).get().getCurrent();
        if (rc == null) {
            return;
        }
        boolean failed = !result.isDataPresent() && !result.getErrors().isEmpty();
        if (failed) {
            rc.put(REQUEST_FAILED, Boolean.TRUE);
        }
        rc.put(OUTCOME, failed ? "failed" : result.getErrors().isEmpty() ? "ok" : "partial");
        rc.put(UPSTREAM_CALLS, Arc.container().instance(RequestScope.class).get().upstreamCalls());
        try {
            rc.put(TENANT, Arc.container().instance(TenantContext.class).get().caller().tenant().value());
        } catch (GatewayException e) {
            rc.put(TENANT, "-");
        }
    }
}
