package dev.cdrgateway.insights;

import dev.cdrgateway.domain.error.ForbiddenException;
import dev.cdrgateway.domain.access.Caller;
import dev.cdrgateway.vobiz.CdrRouter;

/** The same access rules as the call fields: partner-wide data for partner roles, a customer for whoever may see it. */
final class Access {

    private Access() {
    }

    /** {@code NOT_FOUND} (the same as for an unknown id) when the caller may not see the customer. */
    static void requireVisible(Caller caller, String customerId) {
        if (!caller.maySee(customerId)) {
            throw CdrRouter.NotFound.customer(customerId);
        }
    }

    /** {@code FORBIDDEN} for customer users. */
    static void requirePartner(Caller caller, String field) {
        if (!caller.role().isPartner()) {
            throw new ForbiddenException("`" + field + "` is only available to partner users");
        }
    }
}
