package dev.cdrgateway.domain.error;


/** No verified caller: the request carried no usable bearer token. */
@io.smallrye.graphql.api.ErrorCode("UNAUTHENTICATED")
public class UnauthenticatedException extends GatewayException {

    public UnauthenticatedException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "UNAUTHENTICATED";
    }
}
