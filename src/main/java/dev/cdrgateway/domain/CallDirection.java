package dev.cdrgateway.domain;

import org.eclipse.microprofile.graphql.Description;

/** Which way a call went, seen from the customer's account. */
@Description("Which way a call went, seen from the customer's account.")
public enum CallDirection {
    @Description("The customer received the call.")
    INBOUND("inbound"),
    @Description("The customer placed the call.")
    OUTBOUND("outbound");

    private final String wireValue;

    CallDirection(String wireValue) {
        this.wireValue = wireValue;
    }

    /** The value Vobiz uses in {@code call_direction}. */
    public String wireValue() {
        return wireValue;
    }

    /** Reads an upstream {@code call_direction}; {@code null} when it is missing or unknown. */
    public static CallDirection fromWire(String value) {
        if (value == null) {
            return null;
        }
        for (CallDirection direction : values()) {
            if (direction.wireValue.equalsIgnoreCase(value.trim())) {
                return direction;
            }
        }
        return null;
    }
}
