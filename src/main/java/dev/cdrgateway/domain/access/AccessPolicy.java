package dev.cdrgateway.domain.access;

import dev.cdrgateway.domain.error.ForbiddenException;
import dev.cdrgateway.domain.error.NotFoundException;

/**
 * Who may read what, written once for every feature: partner users see every customer of their tenant and the
 * partner-wide data; a customer user sees its own customer only. Another customer is refused exactly like an
 * unknown id ({@code NOT_FOUND}, same text), so ids cannot be probed; partner-wide data is {@code FORBIDDEN} to
 * customer users.
 */
public final class AccessPolicy {

    private AccessPolicy() {
    }

    /** Whether the caller may read data of {@code customerId}. */
    public static boolean maySee(Caller caller, String customerId) {
        return caller.role().isPartner() || caller.customerScope().map(customerId::equals).orElse(false);
    }

    /** {@code NOT_FOUND} (the same as for an unknown id) when the caller may not see the customer. */
    public static void requireVisible(Caller caller, String customerId) {
        if (!maySee(caller, customerId)) {
            throw notFoundCustomer(customerId);
        }
    }

    /** {@code FORBIDDEN} for customer users, naming the GraphQL field they asked for. */
    public static void requirePartner(Caller caller, String field) {
        requirePartnerFor(caller, "`" + field + "`");
    }

    /** {@code FORBIDDEN} for customer users: "{@code what} is only available to partner users". */
    public static void requirePartnerFor(Caller caller, String what) {
        if (!caller.role().isPartner()) {
            throw new ForbiddenException(what + " is only available to partner users");
        }
    }

    /**
     * The customer a request means when its customer id is optional: the one named, else (customer users) their
     * own; {@code null} means partner-wide. Whether the caller may see it is checked separately.
     */
    public static String customerOrOwn(Caller caller, String customerId) {
        return customerId != null ? customerId : caller.customerScope().orElse(null);
    }

    /** The uniform answer for a customer that is unknown, another partner's, or not the caller's. */
    public static NotFoundException notFoundCustomer(String customerId) {
        return new NotFoundException("No customer with id '" + customerId + "' was found");
    }

    /** The uniform answer for a call that is unknown or not the named customer's. */
    public static NotFoundException notFoundCall(String uuid) {
        return new NotFoundException("No call with uuid '" + uuid + "' was found");
    }
}
