package dev.cdrgateway.domain.error;


/** Vobiz failed (5xx), could not be reached, or its circuit is open. */
@io.smallrye.graphql.api.ErrorCode("UPSTREAM_UNAVAILABLE")
public class UpstreamUnavailableException extends GatewayException {

    /** HTTP status Vobiz answered; 0 for a connection failure or an open circuit. */
    private final int status;

    public UpstreamUnavailableException(String message, int status) {
        super(message);
        this.status = status;
    }

    /** HTTP status Vobiz answered; 0 for a connection failure or an open circuit. */
    public int status() {
        return status;
    }

    @Override
    public String code() {
        return "UPSTREAM_UNAVAILABLE";
    }

    @Override
    public boolean retryable() {
        return true;
    }
}
