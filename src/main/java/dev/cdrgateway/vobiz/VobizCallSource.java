package dev.cdrgateway.vobiz;

import dev.cdrgateway.domain.Call;
import dev.cdrgateway.domain.CallCriteria;
import dev.cdrgateway.domain.access.TenantId;
import dev.cdrgateway.domain.port.CallPage;
import dev.cdrgateway.domain.port.CallScope;
import dev.cdrgateway.domain.port.CallSource;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

/** Vobiz as the gateway's {@link CallSource}: scopes are {@link CdrRoute}s chosen by {@link CdrRouter}. */
@ApplicationScoped
class VobizCallSource implements CallSource {

    private final CdrRouter router;
    private final VobizClient vobiz;
    private final VobizCallStreams streams;

    VobizCallSource(CdrRouter router, VobizClient vobiz, VobizCallStreams streams) {
        this.router = router;
        this.vobiz = vobiz;
        this.streams = streams;
    }

    @Override
    public CallScope partnerWide(TenantId tenant) {
        return router.global(tenant);
    }

    @Override
    public Uni<CallScope> customer(TenantId tenant, String customerId, CallCriteria filter) {
        return router.forCustomer(tenant, customerId, filter).map(CallScope.class::cast);
    }

    @Override
    public Uni<CallScope> knownCustomer(TenantId tenant, String customerId, CallCriteria filter) {
        return router.forKnownCustomer(tenant, customerId, filter).map(CallScope.class::cast);
    }

    @Override
    public Uni<CallPage> listCalls(CallScope scope, CallCriteria filter, int page, int perPage) {
        return vobiz.listCalls(CdrRoute.of(scope), filter, page, perPage);
    }

    @Override
    public Uni<CallPage> summaryPage(CallScope scope, CallCriteria filter) {
        return vobiz.summaryPage(CdrRoute.of(scope), filter);
    }

    @Override
    public Uni<List<Call>> recentCalls(CallScope scope, int limit) {
        return vobiz.recentCalls(CdrRoute.of(scope), limit);
    }

    @Override
    public Uni<List<Call>> pollRecentCalls(CallScope scope, int limit, TenantId tenant) {
        return vobiz.pollRecentCalls(CdrRoute.of(scope), limit, tenant.value());
    }

    @Override
    public Uni<Optional<Call>> getCall(CallScope scope, String uuid) {
        return vobiz.getCall(CdrRoute.of(scope), uuid);
    }

    @Override
    public Uni<Multi<List<Call>>> streamCalls(CallScope scope, CallCriteria filter, TenantId tenant) {
        return streams.stream(CdrRoute.of(scope), filter, tenant.value());
    }
}
