package dev.cdrgateway.vobiz;

import dev.cdrgateway.domain.Customer;

import java.util.Optional;

/**
 * A customer as the partner API returned it: the public part, and the customer's own credentials when the
 * record carried an {@code auth_token}. Only the routing uses {@link #ownCredentials()}; it never leaves the
 * upstream and tenant layers.
 */
record CustomerRecord(Customer customer, Optional<VobizCredentials> ownCredentials) {

    @Override
    public String toString() {
        return "CustomerRecord[id=" + customer.id() + ", ownCredentials=" + ownCredentials.isPresent() + "]";
    }
}
