package dev.cdrgateway.graphql;

import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLSchema;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The rules features contribute (argument rules, costs), merged by schema coordinate {@code Type.field}. Two rules
 * for one field, or a rule for a field the schema does not have (a typo would silently switch a check off), stop
 * the application from starting.
 *
 * @param <R> the kind of rule
 */
final class RulesByField<R> {

    private final String kind;
    private final Map<String, R> rules;

    private RulesByField(String kind, Map<String, R> rules) {
        this.kind = kind;
        this.rules = rules;
    }

    /** The rules of every contributor, each field's at most once. */
    static <B, R> RulesByField<R> merge(String kind, List<B> contributors, Function<B, Map<String, R>> rulesOf) {
        Map<String, R> merged = new HashMap<>();
        for (B contributor : contributors) {
            rulesOf.apply(contributor).forEach((coordinate, rule) -> {
                if (merged.putIfAbsent(coordinate, rule) != null) {
                    throw new IllegalStateException("Two " + kind + " for " + coordinate);
                }
            });
        }
        return new RulesByField<>(kind, Map.copyOf(merged));
    }

    /** The rule of field {@code Type.field}, if any. */
    Optional<R> rule(String coordinate) {
        return Optional.ofNullable(rules.get(coordinate));
    }

    /** Fails unless every rule names a field of {@code schema}. */
    void requireDeclaredIn(GraphQLSchema schema) {
        for (String coordinate : rules.keySet()) {
            int dot = coordinate.indexOf('.');
            boolean declared = dot > 0
                    && schema.getType(coordinate.substring(0, dot)) instanceof GraphQLFieldsContainer type
                    && type.getFieldDefinition(coordinate.substring(dot + 1)) != null;
            if (!declared) {
                throw new IllegalStateException(kind + " for " + coordinate + ", a field the schema does not have");
            }
        }
    }
}
