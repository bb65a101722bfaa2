package dev.cdrgateway.domain.schema;

import dev.cdrgateway.domain.error.BadUserInputException;

import java.util.Map;

/**
 * The argument rules of the GraphQL fields a feature owns, as a CDI bean. The engine runs them on every field of an
 * operation before any field executes, so a bad argument deep in a query is refused without a single upstream call;
 * the feature's service calls the same rules when the field runs. Rules are keyed by schema coordinate
 * ({@code Type.field}), as one field name may exist on several types ({@code Query.calls}, {@code Customer.calls}).
 */
public interface FieldArgumentRules {

    /** A check of one field's arguments. */
    @FunctionalInterface
    interface ArgumentRule {
        /** @throws BadUserInputException naming the argument to fix */
        void check(FieldArguments arguments);
    }

    /** The rule of each field this feature owns, by schema coordinate. */
    Map<String, ArgumentRule> argumentRules();
}
