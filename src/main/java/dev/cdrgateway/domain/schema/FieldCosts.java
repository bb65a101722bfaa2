package dev.cdrgateway.domain.schema;

import java.util.Map;

/**
 * What the GraphQL fields a feature owns cost, as a CDI bean, for the engine's query cost limit checked before any
 * field runs. Every field costs 1 plus its selection's cost; a field registered here adds a {@link Cost#surcharge()}
 * for the upstream reads it fans out to, and repeats its selection {@link Cost#repetitions()} times (a page of 500
 * calls, a series of 90 buckets). Keyed by schema coordinate ({@code Type.field}).
 */
public interface FieldCosts {

    /** What one field adds, given its arguments: a selection is repeated at least once. */
    record Cost(long surcharge, long repetitions) {

        public Cost {
            repetitions = Math.max(1, repetitions);
        }

        /** A field whose selection is repeated {@code times} times (at least once). */
        public static Cost repeated(long times) {
            return new Cost(0, times);
        }

        /** This cost with a surcharge of {@code extra}. */
        public Cost plus(long extra) {
            return new Cost(surcharge + extra, repetitions);
        }
    }

    /**
     * The cost of one field from its arguments. Arguments that cannot be read count as the cheapest reading
     * (argument validation refuses them before anything runs).
     */
    @FunctionalInterface
    interface CostRule {
        Cost of(FieldArguments arguments);
    }

    /** The cost rule of each field this feature prices, by schema coordinate. */
    Map<String, CostRule> costRules();
}
