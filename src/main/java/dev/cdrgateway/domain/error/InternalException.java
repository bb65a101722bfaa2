package dev.cdrgateway.domain.error;


/**
 * A failure the gateway did not expect (a defect), as a client sees it: a generic message, no cause. Whoever turns
 * the cause into this logs it first.
 */
@io.smallrye.graphql.api.ErrorCode("INTERNAL")
public class InternalException extends GatewayException {

    public InternalException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "INTERNAL";
    }
}
