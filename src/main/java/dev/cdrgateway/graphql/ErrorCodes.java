package dev.cdrgateway.graphql;

import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.validation.ValidationError;
import graphql.validation.ValidationErrorType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Gives every error graphql-java produces itself (validation, variable coercion, aborted execution) the same
 * stable {@code extensions.code} and {@code retryable} our own errors carry, and hands every result to an
 * observer (the HTTP layer answers 400 to GraphQL-over-HTTP clients when there is no {@code data}, and logs
 * the outcome).
 */
final class ErrorCodes extends SimplePerformantInstrumentation {

    /** Validation errors caused by argument values rather than by the document's shape. */
    private static final Set<ValidationErrorType> VALUE_ERRORS = Set.of(
            ValidationErrorType.WrongType, ValidationErrorType.BadValueForDefaultArg,
            ValidationErrorType.NullValueForNonNullArgument, ValidationErrorType.MissingFieldArgument,
            ValidationErrorType.VariableTypeMismatch, ValidationErrorType.NonInputTypeOnVariable,
            ValidationErrorType.UnusedVariable, ValidationErrorType.UndefinedVariable);

    private final Consumer<ExecutionResult> results;
    private final Supplier<Map<String, Object>> responseExtensions;

    /**
     * @param results            told every execution result (for the HTTP status, the request log and metrics)
     * @param responseExtensions response-level {@code extensions} to add (e.g. {@code stale}), empty for none
     */
    ErrorCodes(Consumer<ExecutionResult> results, Supplier<Map<String, Object>> responseExtensions) {
        this.results = results;
        this.responseExtensions = responseExtensions;
    }

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
                                                                        InstrumentationExecutionParameters parameters,
                                                                        InstrumentationState state) {
        results.accept(result);
        Map<String, Object> extensions = responseExtensions.get();
        boolean allCoded = result.getErrors().stream()
                .allMatch(e -> e.getExtensions() != null && e.getExtensions().containsKey("code"));
        if (allCoded && extensions.isEmpty()) {
            return CompletableFuture.completedFuture(result);
        }
        ExecutionResultImpl.Builder builder = ExecutionResultImpl.newExecutionResult().from(result)
                .errors(result.getErrors().stream().map(ErrorCodes::withCode).toList());
        extensions.forEach(builder::addExtension);
        return CompletableFuture.completedFuture(builder.build());
    }

    private static GraphQLError withCode(GraphQLError error) {
        if (error.getExtensions() != null && error.getExtensions().containsKey("code")) {
            return error;
        }
        String code = codeOf(error);
        if (code == null) {
            return error;
        }
        Map<String, Object> extensions = new LinkedHashMap<>();
        if (error.getExtensions() != null) {
            extensions.putAll(error.getExtensions());
        }
        extensions.put("code", code);
        extensions.put("retryable", false);
        GraphqlErrorBuilder<?> builder = GraphqlErrorBuilder.newError().message(error.getMessage())
                .locations(error.getLocations()).errorType(error.getErrorType()).extensions(extensions);
        if (error.getPath() != null) {
            builder.path(error.getPath());
        }
        return builder.build();
    }

    private static String codeOf(GraphQLError error) {
        ErrorClassification type = error.getErrorType();
        if (error instanceof ValidationError validation) {
            return VALUE_ERRORS.contains(validation.getValidationErrorType())
                    ? "BAD_USER_INPUT" : "GRAPHQL_VALIDATION_FAILED";
        }
        if (error instanceof graphql.introspection.GoodFaithIntrospection.BadFaithIntrospectionError) {
            // graphql-java's own bound on introspection (each __Type list field once, at most 500 fields, 20 levels)
            return "QUERY_TOO_COMPLEX";
        }
        if (type == ErrorType.ValidationError) {
            // Variable values that cannot be coerced: unknown enum value, malformed date, wrong type.
            return "BAD_USER_INPUT";
        }
        if (type == ErrorType.InvalidSyntax) {
            return "GRAPHQL_PARSE_FAILED";
        }
        if (type == ErrorType.ExecutionAborted) {
            String message = String.valueOf(error.getMessage()).toLowerCase();
            if (message.contains("depth")) {
                return "QUERY_TOO_DEEP";
            }
            return message.contains("complexity") ? "QUERY_TOO_COMPLEX" : "BAD_REQUEST";
        }
        return null;
    }
}
