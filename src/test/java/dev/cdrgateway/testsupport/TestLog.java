package dev.cdrgateway.testsupport;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What the gateway logged after a point in a test. {@code target/quarkus-test.log} is shared by every Quarkus start
 * of the build and never rotated, so a test reads only the bytes appended after it called {@link #mark()}.
 */
public final class TestLog {

    /** The test profile's log file. */
    public static final Path FILE = Path.of("target/quarkus-test.log");

    private final long from;

    private TestLog(long from) {
        this.from = from;
    }

    /** Remembers the log's current length: {@link #appended()} returns only what is written after now. */
    public static TestLog mark() {
        try {
            return new TestLog(Files.exists(FILE) ? Files.size(FILE) : 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text written to the log since {@link #mark()}. */
    public String appended() {
        try (RandomAccessFile file = new RandomAccessFile(FILE.toFile(), "r")) {
            long length = file.length();
            if (length <= from) {
                return "";
            }
            byte[] tail = new byte[Math.toIntExact(length - from)];
            file.seek(from);
            file.readFully(tail);
            return new String(tail, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lines written since {@link #mark()} that contain {@code marker}. */
    public List<String> linesWith(String marker) {
        return appended().lines().filter(line -> line.contains(marker)).toList();
    }
}
