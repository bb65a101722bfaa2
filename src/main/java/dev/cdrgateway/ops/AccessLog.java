package dev.cdrgateway.ops;

import dev.cdrgateway.export.ExportCompleted;
import dev.cdrgateway.http.GraphQLRequestCompleted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * One INFO line per GraphQL request and per CSV export, also as MDC fields ({@code operation}, {@code tenant},
 * {@code outcome}) in JSON logs: what ran, for which tenant, how it ended, its HTTP status and duration, and the
 * upstream calls or rows it took. Never a token, a credential or a phone number.
 */
@ApplicationScoped
class AccessLog {

    private static final Logger LOG = Logger.getLogger(AccessLog.class);

    private final OperationNames names;

    AccessLog(OperationNames names) {
        this.names = names;
    }

    void graphql(@Observes GraphQLRequestCompleted request) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        String operation = names.bounded(request.operation());
        String tenant = request.tenant() == null ? "-" : request.tenant();
        MDC.put("operation", operation);
        try {
            withTenantAndOutcome(tenant, request.outcome(), () -> LOG.infof(
                    "graphql operation=%s tenant=%s outcome=%s status=%d durationMs=%d upstreamCalls=%d", operation,
                    tenant, request.outcome(), request.status(), request.duration().toMillis(), request.upstreamCalls()));
        } finally {
            MDC.remove("operation");
        }
    }

    void export(@Observes ExportCompleted export) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        String tenant = export.tenant() == null ? "-" : export.tenant();
        withTenantAndOutcome(tenant, export.outcome(), () -> LOG.infof(
                "export tenant=%s outcome=%s status=%d rows=%d durationMs=%d", tenant, export.outcome(),
                export.status(), export.rows(), export.duration().toMillis()));
    }

    private static void withTenantAndOutcome(String tenant, String outcome, Runnable log) {
        MDC.put("tenant", tenant);
        MDC.put("outcome", outcome);
        try {
            log.run();
        } finally {
            MDC.remove("tenant");
            MDC.remove("outcome");
        }
    }
}
