package dev.cdrgateway.graphql;

import io.smallrye.graphql.api.ErrorCode;

/** The caller's role may not use this field. */
@ErrorCode("FORBIDDEN")
public class ForbiddenException extends GatewayException {

    public ForbiddenException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "FORBIDDEN";
    }
}
