package dev.cdrgateway.domain.error;


/** No such customer or call for this caller; also what another tenant's ids look like, so ids cannot be enumerated. */
@io.smallrye.graphql.api.ErrorCode("NOT_FOUND")
public class NotFoundException extends GatewayException {

    public NotFoundException(String message) {
        super(message);
    }

    @Override
    public String code() {
        return "NOT_FOUND";
    }
}
