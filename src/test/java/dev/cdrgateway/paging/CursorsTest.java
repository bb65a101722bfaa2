package dev.cdrgateway.paging;

import dev.cdrgateway.domain.error.BadUserInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Opaque, signed Relay cursors: what a client may and may not do with them. */
class CursorsTest {

    private static final Cursors CURSORS = new Cursors("cursor-test-secret-0123456789abcdef".getBytes(StandardCharsets.UTF_8));
    private static final String SET = Cursors.fingerprint("customer:MA_DEMO0001|from=2026-03-25&to=2026-03-25");
    private static final String OTHER_SET = Cursors.fingerprint("customer:MA_DEMO0001|from=2026-03-24&to=2026-03-25");

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 19, 99, 100, 12_345, 9_999_999_999L})
    void cursorRoundTripsToItsOffset(long offset) {
        String cursor = CURSORS.encode(offset, SET);

        assertEquals(offset, CURSORS.decode(cursor, SET, "after"));
    }

    @Test
    void cursorDoesNotShowItsOffsetInPlainText() {
        String cursor = CURSORS.encode(12_345, SET);

        assertFalse(cursor.contains("12345"));
        assertNotEquals(CURSORS.encode(12_345, SET), CURSORS.encode(12_346, SET));
    }

    @Test
    void tamperedOffsetIsRefused() {
        String cursor = CURSORS.encode(40, SET);
        String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        assertTrue(decoded.contains(".40."), "test assumes the offset is a dot-separated field: " + decoded);
        String forged = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(decoded.replace(".40.", ".41.").getBytes(StandardCharsets.UTF_8));

        BadUserInputException e = assertThrows(BadUserInputException.class, () -> CURSORS.decode(forged, SET, "after"));

        assertTrue(e.getMessage().contains("after"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "garbage", "not base64 at all!", "%%%%", "djE", "djEuNS5hYmM", "AAAAAAAAAAAA",
            "djEuLTEuYWJjLmRlZg"})
    void malformedCursorIsRefusedWithAHint(String cursor) {
        BadUserInputException e = assertThrows(BadUserInputException.class, () -> CURSORS.decode(cursor, SET, "before"));

        assertTrue(e.getMessage().contains("`before`"), "names the argument: " + e.getMessage());
        assertTrue(e.getMessage().contains("endCursor") && e.getMessage().contains("startCursor"),
                "tells what to pass instead: " + e.getMessage());
        assertEquals("BAD_USER_INPUT", e.code());
    }

    @Test
    void cursorOfAnotherFilterIsRefused() {
        String cursor = CURSORS.encode(3, OTHER_SET);

        BadUserInputException e = assertThrows(BadUserInputException.class, () -> CURSORS.decode(cursor, SET, "after"));

        assertTrue(e.getMessage().contains("filter"), e.getMessage());
        assertTrue(e.getMessage().contains("`after`"), e.getMessage());
    }

    @Test
    void cursorSignedWithAnotherSecretIsRefused() {
        Cursors otherServer = new Cursors("another-secret-fedcba9876543210".getBytes(StandardCharsets.UTF_8));
        String cursor = otherServer.encode(3, SET);

        assertEquals(3, otherServer.decode(cursor, SET, "after"));
        assertThrows(BadUserInputException.class, () -> CURSORS.decode(cursor, SET, "after"));
    }

    @Test
    void fingerprintIsStableAndDistinguishesSets() {
        assertEquals(SET, Cursors.fingerprint("customer:MA_DEMO0001|from=2026-03-25&to=2026-03-25"));
        assertNotEquals(SET, OTHER_SET);
        assertNotEquals(Cursors.fingerprint("customer:MA_DEMO0001|x"), Cursors.fingerprint("customer:MA_DEMO0002|x"));
    }

    @Test
    void badInputIsReportedAsBadUserInputAndNotRetryable() {
        BadUserInputException e = assertThrows(BadUserInputException.class, () -> CURSORS.decode("x", SET, "after"));

        assertEquals("BAD_USER_INPUT", e.code());
        assertFalse(e.retryable());
    }

    @Test
    void shortSecretIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Cursors("too-short".getBytes(StandardCharsets.UTF_8)));
    }
}
