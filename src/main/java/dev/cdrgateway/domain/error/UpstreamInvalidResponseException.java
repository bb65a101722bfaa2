package dev.cdrgateway.domain.error;


/**
 * Vobiz answered 2xx with a body that breaks its documented contract (not JSON, wrong types, missing required
 * fields, an unknown envelope). Sending the same request again will not help; the body is never shown or logged.
 */
@io.smallrye.graphql.api.ErrorCode("UPSTREAM_INVALID_RESPONSE")
public class UpstreamInvalidResponseException extends GatewayException {

    public UpstreamInvalidResponseException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "UPSTREAM_INVALID_RESPONSE";
    }
}
