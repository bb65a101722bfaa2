package dev.cdrgateway.domain;

import org.eclipse.microprofile.graphql.Description;

/** The Vobiz list endpoint that served a set of calls (chosen by the gateway's router). */
@Description("The Vobiz endpoint that served a set of calls. Which filters each one honours differs (see "
        + "AppliedFilter.notGuaranteed).")
public enum CallListEndpoint {
    @Description("Account API, plain list (GET /api/v1/Account/{id}/cdr), with the customer's own credentials; "
            + "used when no filter is set.")
    ACCOUNT_LIST,
    @Description("Account API, search (GET /api/v1/Account/{id}/cdr/search), with the customer's own credentials; "
            + "echoes the direction, number and hangup-cause filters it applied.")
    ACCOUNT_SEARCH,
    @Description("Partner API, one customer's calls (GET /api/v1/partner/accounts/{id}/cdrs).")
    PARTNER_CUSTOMER_CDRS,
    @Description("Partner API, every customer's calls (GET /api/v1/partner/cdrs).")
    PARTNER_CDRS
}
