package dev.cdrgateway.domain.error;

/**
 * Base of every error the gateway shows to API clients. The message is written for the client (what to fix),
 * never carries an upstream body, a credential or a stack trace; {@link #code()} is the stable
 * {@code extensions.code} and {@link #retryable()} tells a client whether sending the same request later may
 * succeed. Subclasses carry {@code @ErrorCode} so SmallRye GraphQL renders the code.
 */
public abstract class GatewayException extends RuntimeException {

    protected GatewayException(String message) {
        super(message, null, false, false);
    }

    /** The stable error code exposed as {@code extensions.code}. */
    public abstract String code();

    /** Whether the same request may succeed later. */
    public boolean retryable() {
        return false;
    }
}
