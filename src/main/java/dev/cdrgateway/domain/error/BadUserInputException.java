package dev.cdrgateway.domain.error;


/** An argument, date, range, cursor or enum value the client must fix; raised before any upstream call. */
@io.smallrye.graphql.api.ErrorCode("BAD_USER_INPUT")
public class BadUserInputException extends GatewayException {

    public BadUserInputException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "BAD_USER_INPUT";
    }
}
