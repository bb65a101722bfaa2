package dev.cdrgateway.domain.error;

/**
 * The client of a GraphQL request closed its connection before the answer, so the rest of the execution is not
 * worth an upstream call. Nobody receives the error; it ends the execution's remaining fields quickly and quietly.
 */
@io.smallrye.graphql.api.ErrorCode("CLIENT_CLOSED_REQUEST")
public class ClientClosedRequestException extends GatewayException {

    public ClientClosedRequestException() {
        super("The client closed the request before its answer");
    }

    @Override
    public String code() {
        return "CLIENT_CLOSED_REQUEST";
    }
}
