package dev.cdrgateway.resilience;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * An upstream answer reaches each reader on the reader's own Vert.x context.
 * <p>
 * One upstream call may answer several requests: reads joined by {@link Coalescing} or the {@link ResponseCache}, a
 * call the {@link TenantLimiter} starts when another one ends. Its answer arrives on the context of the request that
 * made the call, and Mutiny hands it to every waiting reader right there, on that thread. But a Quarkus request's
 * CDI request context (its security identity, its caller) lives in the request's Vert.x context: a reader resumed
 * on another request's context would resolve its next fields as that other request's caller, or fail because that
 * caller's identity is not ready yet. So a reader that subscribed on a Vert.x context gets the answer there: at once
 * when it is already current, otherwise as a task on that context. A reader without a context (a live feed poll, an
 * export page) gets it where it arrives.
 */
final class CallersContext {

    private CallersContext() {
    }

    static <T> Uni<T> deliverOnCallers(Uni<T> read) {
        return Uni.createFrom().deferred(() -> {
            Context caller = Vertx.currentContext();
            if (caller == null) {
                return read;
            }
            return read.emitOn(task -> {
                if (Vertx.currentContext() == caller) {
                    task.run();
                } else {
                    caller.runOnContext(ignored -> task.run());
                }
            });
        });
    }
}
