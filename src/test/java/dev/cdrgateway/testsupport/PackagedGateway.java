package dev.cdrgateway.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged application ({@code target/quarkus-app/quarkus-run.jar}, prod profile, real token verification with
 * the test issuer's key) in a JVM of its own, on a free loopback port, against a given upstream; its output goes to
 * a log file. For integration tests that need what a {@code @QuarkusTest} cannot give: the production JVM options,
 * a small heap, a process that may die.
 */
public final class PackagedGateway implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final Process process;
    private final int port;
    private final Path log;

    private PackagedGateway(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts the jar and waits until it is live.
     *
     * @param jvmOptions the JVM's options (heap, collector)
     * @param upstream   base URL of the fake Vobiz, for both APIs
     * @param config     further configuration (tenants, credentials), as system properties
     * @param log        where the process's output goes
     */
    public static PackagedGateway start(List<String> jvmOptions, String upstream, Map<String, String> config, Path log)
            throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("quarkus.http.port", Integer.toString(port));
        properties.put("quarkus.http.host", "127.0.0.1");
        properties.put("quarkus.log.console.json.enabled", "false");
        properties.put("quarkus.oidc.public-key", publicKey("issuer-a"));
        properties.put("quarkus.oidc.token.issuer", Tokens.PRIMARY_ISSUER);
        properties.put("quarkus.rest-client.vobiz-partner.url", upstream);
        properties.put("quarkus.rest-client.vobiz-account.url", upstream);
        properties.put("gateway.cursor-secret", "packaged-gateway-test-cursor-secret");
        properties.putAll(config);
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", "target/quarkus-app/quarkus-run.jar"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        PackagedGateway gateway = new PackagedGateway(process, port, log);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
            assertTrue(process.isAlive(), "the gateway exited during startup, see " + log);
            return gateway.status("/q/health/live") == 200;
        });
        return gateway;
    }

    /** The gateway's address for {@code path}, e.g. {@code /graphql}. */
    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public Process process() {
        return process;
    }

    public Path log() {
        return log;
    }

    /** The HTTP status of a GET without a token, or 0 when the gateway does not answer. */
    public int status(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** Stops the process (SIGTERM, then SIGKILL after 30 s). */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private static String publicKey(String name) throws IOException {
        try (InputStream in = PackagedGateway.class.getResourceAsStream("/oidc/" + name + ".pub.pem")) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
