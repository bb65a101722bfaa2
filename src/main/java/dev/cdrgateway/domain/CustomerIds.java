package dev.cdrgateway.domain;

import dev.cdrgateway.domain.error.BadUserInputException;

import java.util.regex.Pattern;

/** Customer ids go into upstream URL paths: only the characters Vobiz auth ids use are accepted. */
public final class CustomerIds {

    private static final Pattern CUSTOMER_ID = Pattern.compile("^[A-Za-z0-9_-]{1,64}$");

    private CustomerIds() {
    }

    /** Whether {@code id} looks like a Vobiz customer auth id. */
    public static boolean isValid(String id) {
        return id != null && CUSTOMER_ID.matcher(id).matches();
    }

    /**
     * Returns {@code id} when valid.
     *
     * @throws BadUserInputException naming {@code argument}
     */
    public static String requireValid(String id, String argument) {
        if (!isValid(id)) {
            throw new BadUserInputException("`" + argument + "` must be a Vobiz customer auth id such as MA_XXXXXXXX "
                    + "(letters, digits, _ and -)");
        }
        return id;
    }

    /**
     * Returns {@code id} when absent or valid.
     *
     * @throws BadUserInputException naming {@code argument}
     */
    public static String requireValidIfPresent(String id, String argument) {
        return id == null ? null : requireValid(id, argument);
    }
}
