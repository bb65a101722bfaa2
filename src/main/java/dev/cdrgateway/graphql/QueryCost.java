package dev.cdrgateway.graphql;

import dev.cdrgateway.domain.schema.FieldCosts;
import graphql.normalized.ExecutableNormalizedField;
import graphql.schema.GraphQLSchema;
import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

/**
 * How much a field of an operation costs: 1, plus the surcharge its feature sets for the upstream reads it fans out
 * to, plus its selection's cost times the number of times the field repeats it (a page's rows, a series' buckets).
 * The features price their fields ({@link FieldCosts} beans); a field none of them prices costs 1 plus its selection.
 */
@ApplicationScoped
class QueryCost {

    private static final FieldCosts.Cost PLAIN = new FieldCosts.Cost(0, 1);

    private final RulesByField<FieldCosts.CostRule> rules;

    QueryCost(@All List<FieldCosts> contributors) {
        this.rules = RulesByField.merge("cost rules", contributors, FieldCosts::costRules);
    }

    /** Fails unless every rule names a field of {@code schema}. */
    void requireDeclaredIn(GraphQLSchema schema) {
        rules.requireDeclaredIn(schema);
    }

    /** The cost of {@code field} of the normalized operation, whose selection costs {@code childComplexity}. */
    int cost(ExecutableNormalizedField field, int childComplexity) {
        FieldCosts.Cost cost = costOf(field);
        long total = 1L + cost.surcharge() + (long) childComplexity * cost.repetitions();
        return (int) Math.min(Integer.MAX_VALUE / 2, total);
    }

    private FieldCosts.Cost costOf(ExecutableNormalizedField field) {
        for (String type : field.getObjectTypeNames()) {
            Optional<FieldCosts.CostRule> rule = rules.rule(type + "." + field.getName());
            if (rule.isPresent()) {
                return rule.get().of(ArgumentValues.of(type, field));
            }
        }
        return PLAIN;
    }
}
