package dev.cdrgateway.graphql;

import graphql.GraphQL;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLSchema;
import graphql.schema.visibility.DefaultGraphqlFieldVisibility;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.fieldvalidation.FieldValidationInstrumentation;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.graphql.execution.datafetcher.FieldDataFetcher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

/**
 * Swaps SmallRye's per-field property fetchers for light ones ({@link PropertyFetchers}) and adds the gateway's
 * instrumentations to the graphql-java engine SmallRye builds (CDI event, needs
 * {@code quarkus.smallrye-graphql.events.enabled=true}): argument validation before execution and stable error
 * codes on graphql-java's own errors, depth and complexity limits (page sizes multiply the cost of a
 * connection's selection). SmallRye's own instrumentation chain (depth/complexity limits, query
 * cache) is kept: the builder has no getter, so it is read reflectively and chained in front of ours.
 */
@ApplicationScoped
@RegisterForReflection(targets = {GraphQL.Builder.class, FieldDataFetcher.class}, fields = true, methods = false)
public class GraphQLCustomizer {

    private final LimitsConfig limits;
    private final ArgumentValidation arguments;
    private final QueryCost cost;
    private final RequestResults results;
    private final ExecutionCaller callers;
    private final Instance<ContributedInstrumentation> contributed;
    private final String fieldVisibility;

    GraphQLCustomizer(LimitsConfig limits, ArgumentValidation arguments, QueryCost cost, RequestResults results,
                      ExecutionCaller callers, Instance<ContributedInstrumentation> contributed,
                      @ConfigProperty(name = "quarkus.smallrye-graphql.field-visibility", defaultValue = "default")
                      String fieldVisibility) {
        this.fieldVisibility = fieldVisibility;
        this.results = results;
        this.callers = callers;
        this.contributed = contributed;
        this.limits = limits;
        this.arguments = arguments;
        this.cost = cost;
    }

    void customize(@Observes GraphQL.Builder builder) {
        GraphQLSchema schema = PropertyFetchers.apply(
                StrictScalars.apply(builderField(builder, "graphQLSchema", GraphQLSchema.class)));
        if ("default".equals(fieldVisibility)) {
            // Quarkus hands its default ("default") to SmallRye, which takes it for a pattern of fields to hide: every
            // field lookup of every request then ran a regular expression that never matches.
            GraphQLCodeRegistry registry = GraphQLCodeRegistry.newCodeRegistry(schema.getCodeRegistry())
                    .fieldVisibility(DefaultGraphqlFieldVisibility.DEFAULT_FIELD_VISIBILITY).build();
            schema = schema.transform(b -> b.codeRegistry(registry));
        }
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
        // The caller is read while the request's context is certainly its own (resolvers run later).
        chain.add(callers.pinning());
        // Documents that did not pass the HTTP transport's checks (WebSocket subscriptions) are bounded before
        // validation.
        chain.add(new DocumentBounds(limits));
        // Argument errors first: "first must be at most 500" is clearer than the cost it would cause.
        chain.add(new FieldValidationInstrumentation(arguments));
        chain.add(new OperationDepth(limits.maxDepth()));
        chain.add(new CostLimit(limits.maxComplexity(), cost));
        contributed.forEach(chain::add);
        chain.add(new ErrorCodes(results::observe, results::responseExtensions));
        builder.instrumentation(new OperationInstrumentations(chain));
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
}
