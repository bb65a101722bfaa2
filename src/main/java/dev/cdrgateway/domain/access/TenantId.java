package dev.cdrgateway.domain.access;

import java.util.Objects;

/** A tenant (one Vobiz partner) served by the gateway. */
public record TenantId(String value) {

    public TenantId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value;
    }
}
