package dev.cdrgateway.graphql;

import dev.cdrgateway.domain.access.Caller;
import dev.cdrgateway.domain.error.ClientClosedRequestException;
import dev.cdrgateway.domain.error.GatewayException;
import dev.cdrgateway.security.IdentityCaller;
import dev.cdrgateway.security.TenantContext;
import graphql.ExecutionResult;
import graphql.GraphQLContext;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.schema.DataFetchingEnvironment;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.graphql.execution.context.SmallRyeContext;
import io.smallrye.graphql.execution.context.SmallRyeContextManager;
import io.vertx.core.Context;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The caller of each GraphQL execution, fixed when the execution begins and kept in its {@link GraphQLContext}.
 * <p>
 * Resolvers run when their data arrives, long after the request's first step. Reading the caller from the
 * request's CDI context then is fragile: when the client has closed its connection, Quarkus has already ended
 * that context, and a resolver would find an empty one (no identity, and a blocking lookup on the event loop). So
 * the caller is read once, at the start, while the request context is certainly the request's own, and resolvers
 * read it from the execution they run in. The same pin remembers the HTTP request: a resolver that starts after
 * its client has left gets {@link ClientClosedRequestException} instead of calling upstream for nobody.
 * <p>
 * A resolver finds its execution through SmallRye's current context, which SmallRye sets on the resolver's thread
 * just before invoking it. Outside a resolver, off the event loop (a blocking resolver on a worker thread), or for
 * an execution begun without a caller (no token), the request's identity decides as before.
 */
@ApplicationScoped
public class ExecutionCaller implements TenantContext {

    private static final String KEY = ExecutionCaller.class.getName();

    private final IdentityCaller identity;
    private final CurrentRequest request;
    private final Counter abandoned;

    ExecutionCaller(IdentityCaller identity, CurrentRequest request, MeterRegistry registry) {
        this.identity = identity;
        this.request = request;
        this.abandoned = Counter.builder("gateway.graphql.abandoned")
                .description("GraphQL executions stopped because their client closed the connection first")
                .register(registry);
    }

    /** What an execution was begun for: its caller, and its HTTP request unless it runs on a WebSocket. */
    static final class Pin {
        private final Caller caller;
        private final RoutingContext http;
        private final Counter abandoned;
        private final AtomicBoolean counted = new AtomicBoolean();

        Pin(Caller caller, RoutingContext http, Counter abandoned) {
            this.caller = caller;
            this.http = http;
            this.abandoned = abandoned;
        }

        Caller caller() {
            return caller;
        }

        /** The caller, unless the HTTP request's client has gone (counted once per execution). */
        Caller callerWhileAwaited() {
            if (http != null && http.response().closed()) {
                if (counted.compareAndSet(false, true)) {
                    abandoned.increment();
                }
                throw new ClientClosedRequestException();
            }
            return caller;
        }
    }

    /** The operation-level instrumentation that pins each execution's caller when it begins. */
    Instrumentation pinning() {
        return new SimplePerformantInstrumentation() {
            @Override
            public InstrumentationContext<ExecutionResult> beginExecution(InstrumentationExecutionParameters parameters,
                                                                          InstrumentationState state) {
                pin(parameters.getGraphQLContext());
                return super.beginExecution(parameters, state);
            }
        };
    }

    private void pin(GraphQLContext execution) {
        if (!request.active()) {
            return;
        }
        try {
            RoutingContext http = request.routingContext()
                    .filter(rc -> !rc.request().headers().contains(HttpHeaders.UPGRADE)).orElse(null);
            execution.put(KEY, new Pin(identity.caller(), http, abandoned));
        } catch (GatewayException noCaller) {
            // No caller to pin (no token): resolvers ask the identity, which refuses them as before.
        }
    }

    @Override
    public Caller caller() {
        Pin pin = pinOfCurrentResolver();
        return pin == null ? identity.caller() : pin.callerWhileAwaited();
    }

    /** The pin of an execution, if it was begun with a caller. */
    static Optional<Pin> of(GraphQLContext execution) {
        return Optional.ofNullable(execution.get(KEY));
    }

    private static Pin pinOfCurrentResolver() {
        if (!Context.isOnEventLoopThread()) {
            // SmallRye's current context is an inheritable thread-local: a worker thread may carry a stale one
            // inherited when it was created. Blocking resolvers get Quarkus' propagated request context instead.
            return null;
        }
        SmallRyeContext current = SmallRyeContextManager.getCurrentSmallRyeContext();
        DataFetchingEnvironment resolving = current == null ? null : current.getDataFetchingEnvironment();
        return resolving == null ? null : resolving.getGraphQlContext().get(KEY);
    }
}
