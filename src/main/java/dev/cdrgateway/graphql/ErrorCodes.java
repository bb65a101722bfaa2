package dev.cdrgateway.graphql;

import dev.cdrgateway.domain.error.ErrorCode;
import dev.cdrgateway.domain.error.GatewayException;
import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.ExceptionWhileDataFetching;
import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import graphql.GraphQLContext;
import graphql.GraphQLError;
import graphql.language.SourceLocation;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.introspection.GoodFaithIntrospection;
import graphql.validation.ValidationError;
import graphql.validation.ValidationErrorType;
import io.smallrye.graphql.transformation.TransformException;
import org.jboss.logging.Logger;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * The one place where an error becomes what a client sees: every error of a result, whoever raised it (a
 * resolver's {@link GatewayException}, graphql-java's validation and variable coercion, an aborted execution, a
 * framework exception nobody expected), leaves with {@code extensions} holding exactly a documented
 * {@link ErrorCode} and its {@code retryable} flag (response-level extras such as {@code stale} are not the
 * error's). Nothing else survives: no classification, no exception or class name, no framework-made code. An
 * error this class cannot
 * classify is {@link ErrorCode#INTERNAL}, with a generic message and a reference that is logged with the cause.
 * Every result is also handed to an observer (the HTTP layer's status code, request log and metrics).
 */
final class ErrorCodes extends SimplePerformantInstrumentation {

    private static final Logger LOG = Logger.getLogger(ErrorCodes.class);

    /** Validation errors caused by argument values rather than by the document's shape. */
    private static final Set<ValidationErrorType> VALUE_ERRORS = Set.of(
            ValidationErrorType.WrongType, ValidationErrorType.BadValueForDefaultArg,
            ValidationErrorType.NullValueForNonNullArgument, ValidationErrorType.MissingFieldArgument,
            ValidationErrorType.VariableTypeMismatch, ValidationErrorType.NonInputTypeOnVariable,
            ValidationErrorType.UnusedVariable, ValidationErrorType.UndefinedVariable);

    private final BiConsumer<ExecutionResult, GraphQLContext> results;
    private final Supplier<Map<String, Object>> responseExtensions;

    /**
     * @param results            told every execution result (for the HTTP status, the request log and metrics)
     * @param responseExtensions response-level {@code extensions} to add (e.g. {@code stale}), empty for none
     */
    ErrorCodes(BiConsumer<ExecutionResult, GraphQLContext> results, Supplier<Map<String, Object>> responseExtensions) {
        this.results = results;
        this.responseExtensions = responseExtensions;
    }

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
                                                                        InstrumentationExecutionParameters parameters,
                                                                        InstrumentationState state) {
        results.accept(result, parameters.getGraphQLContext());
        Map<String, Object> extensions = responseExtensions.get();
        if (result.getErrors().isEmpty() && extensions.isEmpty()) {
            return CompletableFuture.completedFuture(result);
        }
        ExecutionResultImpl.Builder builder = ExecutionResultImpl.newExecutionResult().from(result)
                .errors(result.getErrors().stream().map(ErrorCodes::forClient).toList());
        extensions.forEach(builder::addExtension);
        return CompletableFuture.completedFuture(builder.build());
    }

    /** The error as a client sees it: its message, locations and path, and only documented extensions. */
    static GraphQLError forClient(GraphQLError error) {
        ErrorCode code;
        String message = error.getMessage();
        Boolean retryable = null;
        if (error instanceof ExceptionWhileDataFetching fetching) {
            GatewayException gateway = gatewayCause(fetching.getException());
            if (gateway != null) {
                code = ErrorCode.documented(gateway.code()).orElse(ErrorCode.INTERNAL);
                message = code == ErrorCode.INTERNAL ? internal(fetching.getException()) : gateway.getMessage();
                retryable = code == ErrorCode.INTERNAL ? null : gateway.retryable();
            } else if (fetching.getException() instanceof TransformException) {
                // SmallRye could not turn an argument into its Java type: the value is the caller's
                code = ErrorCode.BAD_USER_INPUT;
                message = "An argument has a value of the wrong form" + at(error);
            } else {
                code = ErrorCode.INTERNAL;
                message = internal(fetching.getException());
            }
        } else {
            code = ErrorCode.documented(error.getExtensions() == null ? null : error.getExtensions().get("code"))
                    .orElseGet(() -> codeOf(error));
            if (code == ErrorCode.INTERNAL) {
                message = internal(new IllegalStateException(error.getClass().getSimpleName() + ": " + message));
            } else if (error.getExtensions() != null && error.getExtensions().get("retryable") instanceof Boolean own) {
                retryable = own;
            }
        }
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", code.name());
        extensions.put("retryable", retryable != null ? retryable : code.retryable());
        return new ClientError(message, error.getLocations(), error.getPath(), extensions);
    }

    /**
     * An error as the client sees it. Its classification is its {@link ErrorCode} (Quarkus reads one to decide the
     * HTTP status), but it is not written out: graphql-java's default {@link #toSpecification()} would copy it into
     * {@code extensions.classification}, a second name clients must not switch on.
     */
    record ClientError(String message, List<SourceLocation> locations, List<Object> path,
                       Map<String, Object> extensions) implements GraphQLError {

        @Override
        public Map<String, Object> toSpecification() {
            Map<String, Object> specification = new LinkedHashMap<>();
            specification.put("message", message);
            if (locations != null && !locations.isEmpty()) {
                specification.put("locations", locations.stream()
                        .map(l -> Map.of("line", l.getLine(), "column", l.getColumn())).toList());
            }
            if (path != null) {
                specification.put("path", path);
            }
            specification.put("extensions", extensions);
            return specification;
        }

        @Override
        public String getMessage() {
            return message;
        }

        @Override
        public List<SourceLocation> getLocations() {
            return locations;
        }

        @Override
        public List<Object> getPath() {
            return path;
        }

        @Override
        public Map<String, Object> getExtensions() {
            return extensions;
        }

        @Override
        public ErrorClassification getErrorType() {
            return ErrorClassification.errorClassification((String) extensions.get("code"));
        }
    }

    private static GatewayException gatewayCause(Throwable failure) {
        Throwable cause = failure;
        for (int i = 0; cause != null && i < 10; i++, cause = cause.getCause()) {
            if (cause instanceof GatewayException gateway) {
                return gateway;
            }
        }
        return null;
    }

    /** A generic message with a reference; the cause is logged under the same reference, never shown. */
    private static String internal(Throwable cause) {
        String reference = UUID.randomUUID().toString();
        LOG.errorf(cause, "Internal error %s", reference);
        return "Internal error; the gateway's operators can find it under reference " + reference;
    }

    private static String at(GraphQLError error) {
        return error.getPath() == null || error.getPath().isEmpty() ? "" : " (field " + error.getPath().get(0) + ")";
    }

    /** The code of an error graphql-java raised itself. */
    private static ErrorCode codeOf(GraphQLError error) {
        ErrorClassification type = error.getErrorType();
        if (error instanceof ValidationError validation) {
            return VALUE_ERRORS.contains(validation.getValidationErrorType())
                    ? ErrorCode.BAD_USER_INPUT : ErrorCode.GRAPHQL_VALIDATION_FAILED;
        }
        if (error instanceof GoodFaithIntrospection.BadFaithIntrospectionError) {
            // graphql-java's own bound on introspection (each __Type list field once, at most 500 fields, 20 levels)
            return String.valueOf(error.getMessage()).contains("depth") ? ErrorCode.QUERY_TOO_DEEP
                    : ErrorCode.QUERY_TOO_COMPLEX;
        }
        if (type == ErrorType.ValidationError) {
            // Variable values that cannot be coerced: wrong type, out of range, unknown enum value.
            return ErrorCode.BAD_USER_INPUT;
        }
        if (type == ErrorType.InvalidSyntax) {
            return ErrorCode.GRAPHQL_PARSE_FAILED;
        }
        if (type == ErrorType.ExecutionAborted) {
            String message = String.valueOf(error.getMessage()).toLowerCase();
            if (message.contains("depth")) {
                return ErrorCode.QUERY_TOO_DEEP;
            }
            return message.contains("complexity") ? ErrorCode.QUERY_TOO_COMPLEX : ErrorCode.BAD_REQUEST;
        }
        return ErrorCode.INTERNAL;
    }
}
