package dev.cdrgateway.graphql;

import io.smallrye.graphql.api.ErrorCode;

/** No verified caller: the request carried no usable bearer token. */
@ErrorCode("UNAUTHENTICATED")
public class UnauthenticatedException extends GatewayException {

    public UnauthenticatedException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "UNAUTHENTICATED";
    }
}
