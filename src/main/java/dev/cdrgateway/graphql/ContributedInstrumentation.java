package dev.cdrgateway.graphql;

import graphql.execution.instrumentation.Instrumentation;

/**
 * An instrumentation another package adds to the engine by declaring it a CDI bean of this type, so that the
 * engine wiring names no feature or transport. Contributed instrumentations run after the document limits,
 * argument validation and cost limit, and before errors get their codes.
 */
public interface ContributedInstrumentation extends Instrumentation {
}
