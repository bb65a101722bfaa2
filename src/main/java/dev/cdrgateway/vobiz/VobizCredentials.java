package dev.cdrgateway.vobiz;

import java.util.Objects;

/**
 * An {@code X-Auth-ID}/{@code X-Auth-Token} pair. The auth id identifies whose data a response is (and is used in
 * cache keys); the token is a secret: {@link #toString()} never prints it, and nothing outside the REST client
 * call reads it.
 */
public record VobizCredentials(String authId, String authToken) {

    public VobizCredentials {
        Objects.requireNonNull(authId, "authId");
        Objects.requireNonNull(authToken, "authToken");
    }

    @Override
    public String toString() {
        return "VobizCredentials[authId=" + authId + ", authToken=***]";
    }
}
