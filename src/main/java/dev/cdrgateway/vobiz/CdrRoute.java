package dev.cdrgateway.vobiz;

import dev.cdrgateway.domain.access.TenantId;
import dev.cdrgateway.domain.port.CallScope;

/**
 * The Vobiz {@link CallScope}: which Vobiz endpoint family serves a CDR read, with the credentials it is called
 * with. Decided only by {@link CdrRouter}. {@link #identity()} names whose data the answers are (auth ids, never
 * tokens): the key for sharing and caching responses.
 */
sealed interface CdrRoute extends CallScope {

    /** The Vobiz route behind a scope this adapter handed out. */
    static CdrRoute of(CallScope scope) {
        if (scope instanceof CdrRoute route) {
            return route;
        }
        throw new IllegalArgumentException("Not a Vobiz call scope: " + scope.identity());
    }

    /** The tenant the read is made for (the owner of the route's credentials): its upstream concurrency lane. */
    TenantId tenant();

    /** A customer's calls through its own account credentials ({@code /api/v1/Account/{id}/cdr...}). */
    record Account(VobizCredentials credentials) implements CdrRoute {
        @Override
        public String identity() {
            return "account:" + credentials.authId();
        }

        @Override
        public String customerId() {
            return credentials.authId();
        }

        @Override
        public TenantId tenant() {
            return credentials.tenant();
        }
    }

    /** A customer's calls through the partner API ({@code /api/v1/partner/accounts/{id}/cdrs...}). */
    record PartnerCustomer(VobizCredentials partner, String customerId) implements CdrRoute {
        @Override
        public String identity() {
            return "partner:" + partner.authId() + ":customer:" + customerId;
        }

        @Override
        public TenantId tenant() {
            return partner.tenant();
        }
    }

    /** Every customer's calls through the partner API ({@code /api/v1/partner/cdrs}). */
    record PartnerGlobal(VobizCredentials partner) implements CdrRoute {
        @Override
        public String identity() {
            return "partner:" + partner.authId() + ":all";
        }

        @Override
        public String customerId() {
            return null;
        }

        @Override
        public TenantId tenant() {
            return partner.tenant();
        }
    }
}
