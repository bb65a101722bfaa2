package dev.cdrgateway.vobiz;

import dev.cdrgateway.domain.error.UpstreamNotFoundException;
import dev.cdrgateway.domain.port.CustomerPage;
import dev.cdrgateway.resilience.UpstreamPipeline;
import dev.cdrgateway.resilience.UpstreamRead;
import dev.cdrgateway.vobiz.dto.VobizAccount;
import dev.cdrgateway.vobiz.dto.VobizAccountPage;
import dev.cdrgateway.vobiz.dto.VobizAccountRecord;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;


/**
 * The partner API's customer reads: the searchable list and single records (which also carry the customer's own
 * token, the routing's input), cached per partner auth id. A listed page primes the single-record cache, since
 * it already holds every listed customer's full record.
 */
@ApplicationScoped
class VobizCustomers {

    private static final Logger LOG = Logger.getLogger(VobizCustomers.class);

    private final VobizPartnerRestClient partner;
    private final UpstreamPipeline executor;
    private final VobizApi partnerApi;
    private final VobizCachePolicy cachePolicy;

    VobizCustomers(@RestClient VobizPartnerRestClient partner, UpstreamPipeline executor, VobizGuard guard,
                   VobizCachePolicy cachePolicy) {
        this.partner = partner;
        this.executor = executor;
        this.partnerApi = VobizApi.partner(guard);
        this.cachePolicy = cachePolicy;
    }

    /** One page of the partner's customers, optionally searched by name, e-mail or id. */
    Uni<CustomerPage> listCustomers(VobizCredentials creds, String search, int page, int perPage) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("page", Integer.toString(page));
        query.put("per_page", Integer.toString(perPage));
        // Older docs call the page size `size`; sending both is harmless (docs/vobiz-contract.md#v4-customer-list-page-size-parameter).
        query.put("size", Integer.toString(perPage));
        if (search != null) {
            query.put("search", search);
        }
        return executor.read(new UpstreamRead<>(partnerApi, "partner.accounts", creds.authId(),
                creds.tenant().value(), cachePolicy.customers(), query, () -> partner.listAccounts(creds.authId(), creds.authToken(), query)
                        .invoke(body -> primeCustomerRecords(creds, body))
                        .map(VobizMapper::toCustomerPage)
                        .onFailure().transform(f -> UpstreamErrors.fromFailure("partner", f))));
    }

    /**
     * A customer list already holds each customer's full record: cache them as the single-customer reads would,
     * so a dashboard listing customers with their calls does not fetch every record again for routing.
     */
    private void primeCustomerRecords(VobizCredentials creds, VobizAccountPage page) {
        for (VobizAccount account : page.rows()) {
            if (account.authId() != null) {
                executor.prime(customerRead(creds, account.authId()), toRecord(account, account.authId(), creds));
            }
        }
    }

    private UpstreamRead<CustomerRecord> customerRead(VobizCredentials creds, String customerId) {
        return new UpstreamRead<>(partnerApi, "partner.account", creds.authId(), creds.tenant().value(),
                cachePolicy.customers(),
                Map.of("id", customerId), () -> partner.getAccount(creds.authId(), creds.authToken(), customerId)
                        .map(body -> toRecord(requireAccount(body), customerId, creds))
                        .onFailure().transform(f -> UpstreamErrors.fromFailure("partner", f)));
    }

    /**
     * A customer record of this partner, cached per partner auth id (it also decides routing); empty when Vobiz
     * answers 404 (unknown or another partner's customer).
     */
    Uni<Optional<CustomerRecord>> getCustomer(VobizCredentials creds, String customerId) {
        // 404 stays a failure through the executor so "not found" is never cached (a new customer shows at once).
        return executor.read(customerRead(creds, customerId))
                .map(Optional::of)
                .onFailure(UpstreamNotFoundException.class).recoverWithItem(Optional.empty());
    }

    /**
     * The record inside a customer answer (bare or in the {@code {success, data}} envelope, see
     * {@link VobizAccountRecord}); any other shape, or a record without its {@code auth_id}, breaks the contract.
     */
    private static VobizAccount requireAccount(VobizAccountRecord body) {
        VobizAccount account = body == null ? null : body.account();
        if (account == null || account.authId() == null || account.authId().isBlank()) {
            LOG.warn("Vobiz partner API answered a customer record in an unknown shape (no auth_id); not retried");
            throw UpstreamErrors.invalidResponse("partner");
        }
        return account;
    }

    /**
     * The record, with the customer's own credentials when it carries a real token
     * (docs/vobiz-contract.md#v7-customer-token-placeholder), held for the partner's tenant.
     */
    private static CustomerRecord toRecord(VobizAccount a, String requestedId, VobizCredentials partner) {
        Optional<VobizCredentials> own = Optional.ofNullable(a.authToken())
                .map(String::strip)
                .filter(t -> !t.isEmpty() && !t.startsWith("<"))
                .map(t -> new VobizCredentials(a.authId() != null ? a.authId() : requestedId, t, partner.tenant()));
        return new CustomerRecord(VobizMapper.toCustomer(a), own);
    }
}
