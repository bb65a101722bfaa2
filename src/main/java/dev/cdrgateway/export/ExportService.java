package dev.cdrgateway.export;

import dev.cdrgateway.domain.Call;
import dev.cdrgateway.domain.access.AccessPolicy;
import dev.cdrgateway.domain.access.Caller;
import dev.cdrgateway.domain.error.UpstreamNotFoundException;
import dev.cdrgateway.domain.port.CallSource;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * The rows of an export, as a stream of batches the provider reads one after another, never all at once
 * ({@link CallSource#streamCalls}: which endpoint streams them is the provider's choice). The returned {@code Uni}
 * completes when the first upstream answer is in (so every refusal and upstream error up to there can still
 * become a proper HTTP error); the {@code Multi} then carries the rest with back-pressure. Nothing is cached.
 */
@ApplicationScoped
public class ExportService {

    private static final Logger LOG = Logger.getLogger(ExportService.class);

    private final CallSource source;

    ExportService(CallSource source) {
        this.source = source;
    }

    /** Opens the export of an already validated, access-checked request. */
    Uni<Multi<List<Call>>> open(Caller caller, ExportRequest request) {
        if (request.partnerWide()) {
            return Uni.createFrom().deferred(() -> notFoundAsCustomer(null,
                    source.streamCalls(source.partnerWide(caller.tenant()), request.filter(), caller.tenant())));
        }
        String customerId = request.customerId();
        return notFoundAsCustomer(customerId,
                Uni.createFrom().deferred(() -> source.customer(caller.tenant(), customerId, request.filter()))
                        .flatMap(scope -> source.streamCalls(scope, request.filter(), caller.tenant())))
                .map(rows -> rows.map(batch -> ownedBy(customerId, batch)));
    }

    /**
     * On a customer's scope the provider's 404, before or while streaming, means the customer is not this
     * partner's: the uniform {@code NOT_FOUND}.
     */
    private static Uni<Multi<List<Call>>> notFoundAsCustomer(String customerId, Uni<Multi<List<Call>>> export) {
        return export.onFailure(UpstreamNotFoundException.class).transform(f -> AccessPolicy.notFoundCustomer(customerId))
                .map(rows -> rows.onFailure(UpstreamNotFoundException.class)
                        .transform(f -> AccessPolicy.notFoundCustomer(customerId)));
    }

    /** A customer's export never carries another customer's row, whatever upstream sends (logged, dropped). */
    private static List<Call> ownedBy(String customerId, List<Call> batch) {
        if (batch.stream().allMatch(call -> customerId.equals(call.customerId()))) {
            return batch;
        }
        LOG.warn("Vobiz returned calls of another customer in a customer's export; dropped");
        return batch.stream().filter(call -> customerId.equals(call.customerId())).toList();
    }
}
