package dev.cdrgateway.domain.error;


/** The caller's role may not use this field. */
@io.smallrye.graphql.api.ErrorCode("FORBIDDEN")
public class ForbiddenException extends GatewayException {

    public ForbiddenException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "FORBIDDEN";
    }
}
