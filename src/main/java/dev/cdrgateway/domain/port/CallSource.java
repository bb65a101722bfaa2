package dev.cdrgateway.domain.port;

import dev.cdrgateway.domain.Call;
import dev.cdrgateway.domain.CallCriteria;
import dev.cdrgateway.domain.access.TenantId;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

import java.util.List;
import java.util.Optional;

/**
 * What a CDR provider offers the features, in domain terms: it decides where a set of calls is read from (a
 * {@link CallScope}) and reads it. Access checks are not its job (see {@code AccessPolicy}); reads only ever see
 * the data of the tenant whose scope they are given.
 *
 * <p>A read of a customer's scope that the provider does not know for this tenant fails with
 * {@link dev.cdrgateway.domain.error.UpstreamNotFoundException}; features turn it into the caller's
 * {@code NOT_FOUND}. A tenant without provider credentials is {@code TENANT_NOT_CONFIGURED}, thrown when the
 * scope is asked for.
 */
public interface CallSource {

    /** The partner-wide call log of the tenant. */
    CallScope partnerWide(TenantId tenant);

    /**
     * One customer's calls, read in the way that serves {@code filter}. May look the customer up first; then an
     * unknown or another partner's customer fails with {@code NOT_FOUND}.
     */
    Uni<CallScope> customer(TenantId tenant, String customerId, CallCriteria filter);

    /**
     * {@link #customer}, and the certainty that the provider knows the customer ({@code NOT_FOUND} otherwise)
     * before any call is read: for fields built from many reads, which would otherwise learn it once per read.
     */
    Uni<CallScope> knownCustomer(TenantId tenant, String customerId, CallCriteria filter);

    /** Page {@code page} (1-based) of {@code perPage} calls of the filtered set, newest first, with its summary. */
    Uni<CallPage> listCalls(CallScope scope, CallCriteria filter, int page, int perPage);

    /** The filtered set's summary (and total), read as cheaply as the provider can, for fields that need totals only. */
    Uni<CallPage> summaryPage(CallScope scope, CallCriteria filter);

    /** The most recent calls, newest first. */
    Uni<List<Call>> recentCalls(CallScope scope, int limit);

    /**
     * The most recent calls as the provider has them right now (never from a cache), for live feeds, which poll
     * outside any GraphQL request on {@code tenant}'s share of the upstream capacity.
     */
    Uni<List<Call>> pollRecentCalls(CallScope scope, int limit, TenantId tenant);

    /** One call by uuid; empty when the provider does not know it in this scope. */
    Uni<Optional<Call>> getCall(CallScope scope, String uuid);

    /**
     * Every call of the filtered set, as batches read one after another with back-pressure, never all at once and
     * never cached: for exports. The {@code Uni} completes once the provider's first answer is in (so a refusal can
     * still become a proper error); a failure of the {@code Multi} after that means the stream is incomplete.
     */
    Uni<Multi<List<Call>>> streamCalls(CallScope scope, CallCriteria filter, TenantId tenant);
}
