package dev.cdrgateway.domain.port;

/**
 * Where a set of calls is read from, as the provider decided it: one customer's calls or the whole partner's, and
 * through which of the provider's APIs and credentials. Features obtain a scope from {@link CallSource} and hand
 * it back for every read of that set; they never look inside it, so the provider alone decides how a set is
 * read and features stay the same whichever provider serves them.
 */
public interface CallScope {

    /**
     * Whose data the answers are (provider account ids, never secrets): safe to log and to use in cache keys and
     * feed keys. Two scopes with the same identity read the same data.
     */
    String identity();

    /** The customer the calls belong to; {@code null} for the partner-wide log. */
    String customerId();
}
