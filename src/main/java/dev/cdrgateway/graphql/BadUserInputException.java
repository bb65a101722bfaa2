package dev.cdrgateway.graphql;

import io.smallrye.graphql.api.ErrorCode;

/** An argument, date, range, cursor or enum value the client must fix; raised before any upstream call. */
@ErrorCode("BAD_USER_INPUT")
public class BadUserInputException extends GatewayException {

    public BadUserInputException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "BAD_USER_INPUT";
    }
}
