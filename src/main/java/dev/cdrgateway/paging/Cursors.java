package dev.cdrgateway.paging;

import dev.cdrgateway.domain.error.BadUserInputException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;

/**
 * Opaque, tamper-evident Relay cursors. A cursor is base64url of {@code v1.<offset>.<fingerprint>.<mac>}: the
 * row's offset in the upstream ordering, a fingerprint of the filtered set it belongs to (so a cursor reused
 * with another filter or customer is refused), and an HMAC-SHA256 over both with a server secret (so a client
 * cannot forge an offset or graft a cursor onto another set).
 */
public final class Cursors {

    private static final String VERSION = "v1";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final int MAC_BYTES = 12;

    private final SecretKeySpec key;

    public Cursors(byte[] secret) {
        if (secret.length < 16) {
            throw new IllegalArgumentException("cursor secret must have at least 16 bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
    }

    /** Fingerprint of a filtered set, from its canonical description. */
    public static String fingerprint(String canonicalSet) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonicalSet.getBytes(StandardCharsets.UTF_8));
            return ENCODER.encodeToString(Arrays.copyOf(digest, 9));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** The cursor of the row at {@code offset} in the set with {@code fingerprint}. */
    public String encode(long offset, String fingerprint) {
        String payload = VERSION + "." + offset + "." + fingerprint;
        return ENCODER.encodeToString((payload + "." + mac(payload)).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The offset a cursor points at.
     *
     * @throws BadUserInputException when the cursor is malformed, forged, or belongs to another filtered set
     */
    public long decode(String cursor, String expectedFingerprint, String argumentName) {
        String text;
        try {
            text = new String(DECODER.decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw malformed(argumentName);
        }
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4 || !VERSION.equals(parts[0])) {
            throw malformed(argumentName);
        }
        String payload = parts[0] + "." + parts[1] + "." + parts[2];
        if (!MessageDigest.isEqual(mac(payload).getBytes(StandardCharsets.UTF_8),
                parts[3].getBytes(StandardCharsets.UTF_8))) {
            throw malformed(argumentName);
        }
        if (!parts[2].equals(expectedFingerprint)) {
            throw new BadUserInputException("`" + argumentName + "` is a cursor from a different filter or list; "
                    + "cursors can only be reused with the exact same arguments (except first/last/after/before)");
        }
        try {
            long offset = Long.parseLong(parts[1]);
            if (offset < 0) {
                throw malformed(argumentName);
            }
            return offset;
        } catch (NumberFormatException e) {
            throw malformed(argumentName);
        }
    }

    private static BadUserInputException malformed(String argumentName) {
        return new BadUserInputException("`" + argumentName + "` is not a valid cursor; pass an unchanged "
                + "`cursor`, `startCursor` or `endCursor` value returned by this API");
    }

    private String mac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return ENCODER.encodeToString(Arrays.copyOf(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)), MAC_BYTES));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
