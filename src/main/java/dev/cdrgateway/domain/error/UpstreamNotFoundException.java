package dev.cdrgateway.domain.error;

/**
 * Vobiz answered 404. The provider turns it into an empty result where that is the answer, and the services
 * decide whether it is a {@code NOT_FOUND} for the caller with a message naming what was asked for. Should one
 * reach a client unmapped, it is still a {@code NOT_FOUND} (with a message that names nothing), never an
 * internal error.
 */
public final class UpstreamNotFoundException extends GatewayException {

    public UpstreamNotFoundException() {
        super("Vobiz has no such record for this caller");
    }

    @Override
    public String code() {
        return "NOT_FOUND";
    }
}
