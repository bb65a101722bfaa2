package dev.cdrgateway.graphql;

import dev.cdrgateway.domain.error.GatewayException;
import io.smallrye.graphql.api.ErrorExtensionProvider;
import jakarta.json.Json;
import jakarta.json.JsonValue;

/**
 * Adds {@code extensions.retryable} to every error so a client knows whether re-sending may help. Errors the
 * gateway does not recognise are not retryable: their cause is unknown.
 */
public class RetryableErrorExtension implements ErrorExtensionProvider {

    @Override
    public String getKey() {
        return "retryable";
    }

    @Override
    public JsonValue mapValueFrom(Throwable exception) {
        Throwable cause = exception;
        while (cause != null && !(cause instanceof GatewayException) && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause instanceof GatewayException gateway && gateway.retryable() ? JsonValue.TRUE : JsonValue.FALSE;
    }
}
