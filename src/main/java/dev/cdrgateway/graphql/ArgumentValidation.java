package dev.cdrgateway.graphql;

import dev.cdrgateway.domain.error.BadUserInputException;
import dev.cdrgateway.domain.schema.FieldArgumentRules;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.instrumentation.fieldvalidation.FieldAndArguments;
import graphql.execution.instrumentation.fieldvalidation.FieldValidation;
import graphql.execution.instrumentation.fieldvalidation.FieldValidationEnvironment;
import graphql.schema.GraphQLSchema;
import io.quarkus.arc.All;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks every field's arguments of an operation before any field executes, so a bad argument deep in a query
 * (say {@code customer(id) { calls(filter: <bad>) }}) is refused without a single upstream call. The rules are the
 * features' ({@link FieldArgumentRules} beans), the same their services apply when the field runs.
 */
@ApplicationScoped
class ArgumentValidation implements FieldValidation {

    private final RulesByField<FieldArgumentRules.ArgumentRule> rules;

    ArgumentValidation(@All List<FieldArgumentRules> contributors) {
        this.rules = RulesByField.merge("argument rules", contributors, FieldArgumentRules::argumentRules);
    }

    /** Fails unless every rule names a field of {@code schema}. */
    void requireDeclaredIn(GraphQLSchema schema) {
        rules.requireDeclaredIn(schema);
    }

    @Override
    public List<GraphQLError> validateFields(FieldValidationEnvironment env) {
        List<GraphQLError> errors = new ArrayList<>();
        for (FieldAndArguments field : env.getFields()) {
            rules.rule(ArgumentValues.coordinate(field)).ifPresent(rule -> {
                try {
                    rule.check(ArgumentValues.of(field));
                } catch (BadUserInputException e) {
                    errors.add(GraphqlErrorBuilder.newError()
                            .message(e.getMessage())
                            .location(field.getField().getSourceLocation())
                            .path(field.getPath())
                            .extensions(Map.of("code", e.code(), "retryable", false))
                            .build());
                }
            });
        }
        return errors;
    }
}
