package dev.cdrgateway.upstream;

/**
 * Vobiz answered 404. Never shown to clients as such: {@link VobizClient} turns it into an empty result, and the
 * service decides whether that is a {@code NOT_FOUND} for the caller.
 */
final class UpstreamNotFoundException extends RuntimeException {

    UpstreamNotFoundException() {
        super("upstream 404", null, false, false);
    }
}
