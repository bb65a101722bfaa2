package dev.cdrgateway.graphql;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.context.spi.Context;
import jakarta.enterprise.inject.spi.BeanManager;

import java.util.Optional;

/**
 * The HTTP request a GraphQL operation runs for. Instrumentations run on whatever thread completes the work, and
 * some (a subscription's later events) outside any request: request-scoped state may be read only while the
 * request context is active, which this class says.
 */
@ApplicationScoped
public class CurrentRequest {

    private final BeanManager beans;
    private final CurrentVertxRequest request;

    CurrentRequest(BeanManager beans, CurrentVertxRequest request) {
        this.beans = beans;
        this.request = request;
    }

    /** Whether request-scoped beans may be used on this thread now. */
    public boolean active() {
        return beans.getContexts(RequestScoped.class).stream().anyMatch(Context::isActive);
    }

    /** The HTTP request (a GraphQL request, or the upgrade of the WebSocket an operation runs on), if any. */
    public Optional<RoutingContext> routingContext() {
        return active() ? Optional.ofNullable(request.getCurrent()) : Optional.empty();
    }
}
