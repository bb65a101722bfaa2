package dev.cdrgateway.hostile;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.cdrgateway.testsupport.PackagedGateway;
import dev.cdrgateway.testsupport.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged gateway ({@code target/quarkus-app/quarkus-run.jar}, prod profile, real token verification) in its
 * own JVM with the production JVM options, against a small local fake Vobiz, takes the pathological requests of
 * the hostile suite (fragment bombs and cycles, alias floods, deep nesting, huge literals, big and deeply nested
 * bodies) once each in sequence and then from 8 concurrent clients, 3 rounds each. Every request is bounded by
 * the client's timeout and the whole burst by an overall bound; afterwards the process must be alive and live,
 * answer a good request, have a bounded heap, and have logged no OutOfMemoryError and no stack trace.
 */
class HostileRequestsIT {

    private static final List<String> JVM_OPTIONS = List.of("-XX:MaxRAM=768m", "-XX:MaxRAMPercentage=60",
            "-XX:+UseG1GC", "-XX:+ExitOnOutOfMemoryError");
    private static final Path LOG = Path.of("target/hostile-requests-it.log");
    private static final String PARTNER = "PA_HOSTILE01";
    private static final String PARTNER_TOKEN = "hostile-partner-token-not-real";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration BURST_BOUND = Duration.ofSeconds(180);
    private static final int CLIENTS = 8;
    private static final int ROUNDS = 3;
    private static final long HEAP_BOUND_BYTES = 400L * 1024 * 1024;

    private static HttpServer vobiz;
    private static PackagedGateway gateway;
    private static String token;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(REQUEST_TIMEOUT).build();

    /** A pathological request: a name and a POST body (JSON text), or a raw GET query string. */
    record Hostile(String name, String postBody, String getQuery) {

        static Hostile post(String name, String body) {
            return new Hostile(name, body, null);
        }

        static Hostile graphql(String name, String query) {
            return post(name, "{\"query\":" + HostileClient.json(query) + "}");
        }

        static Hostile get(String name, String rawQuery) {
            return new Hostile(name, null, rawQuery);
        }
    }

    /** What one request got: an answer meeting the contract, or what was wrong with it. */
    record Outcome(String name, String problem) {
    }

    static List<Hostile> hostileRequests() {
        return List.of(
                Hostile.graphql("fragment bomb", Pathological.bomb("Query", "__typename", 7)),
                Hostile.graphql("fragment bomb over a real field",
                        Pathological.bomb("Query", "customers(first: 1) { totalCount }", 7)),
                Hostile.graphql("wide and deep fragment bomb", Pathological.wideAndDeep()),
                Hostile.graphql("two-fragment cycle", "{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }"),
                Hostile.graphql("900 aliases", Pathological.aliases(900, "__typename")),
                Hostile.graphql("100 levels of ofType", "{ __type(name: \"Query\") {" + " ofType {".repeat(100)
                        + " name" + " }".repeat(100) + " } }"),
                Hostile.graphql("100 levels of customer.calls", "{ customer(id: \"MA_DEMO0001\") {"
                        + " calls(first: 1) { edges { node { customer {".repeat(25) + " id"
                        + " } } } }".repeat(25) + " } }"),
                Hostile.graphql("10,000 nested braces", "{".repeat(10_000) + "}".repeat(10_000)),
                Hostile.graphql("200 KB string literal", "{ customers(search: \"" + "a".repeat(200 * 1024)
                        + "\") { totalCount } }"),
                Hostile.graphql("huge number literal", "{ customers(first: 99999999999999999999999999) { totalCount } }"),
                Hostile.post("300 KB body", "{\"query\":\"{__typename}\",\"variables\":{\"pad\":\""
                        + "x".repeat(300 * 1024) + "\"}}"),
                Hostile.post("10,000 nested JSON arrays", "[".repeat(10_000) + "]".repeat(10_000)),
                Hostile.post("variables nested 10,000 deep", "{\"query\":\"query Q($f: CallFilter) { calls(filter: $f) "
                        + "{ totalCount } }\",\"variables\":{\"f\":{\"fromDate\":" + Pathological.nested(10_000) + "}}}"),
                Hostile.get("GET with variables={bad", "query=" + HostileClient.encode("{__typename}") + "&variables="
                        + HostileClient.encode("{bad")));
    }

    @BeforeAll
    static void start() throws IOException {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        vobiz = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        vobiz.setExecutor(Executors.newFixedThreadPool(4));
        vobiz.createContext("/", HostileRequestsIT::fakeVobiz);
        vobiz.start();

        token = Tokens.partnerAdmin("acme");
        gateway = PackagedGateway.start(JVM_OPTIONS, "http://127.0.0.1:" + vobiz.getAddress().getPort(), Map.of(
                "gateway.tenants.acme.partner.auth-id", PARTNER,
                "gateway.tenants.acme.partner.auth-token", PARTNER_TOKEN), LOG);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (gateway != null) {
            gateway.close();
        }
        if (vobiz != null) {
            vobiz.stop(0);
        }
    }

    @Test
    void survivesPathologicalRequestsAloneAndFromEightConcurrentClients() throws Exception {
        List<Hostile> requests = hostileRequests();

        // Once each, in sequence: attributes any problem to one request.
        List<Outcome> sequential = new ArrayList<>();
        for (Hostile request : requests) {
            sequential.add(send(request));
        }

        // Then 8 clients, 3 rounds each, every client starting at another request; bounded as a whole.
        List<Outcome> concurrent = Collections.synchronizedList(new ArrayList<>());
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Callable<Void>> tasks = IntStream.range(0, CLIENTS).<Callable<Void>>mapToObj(client -> () -> {
            for (int i = 0; i < ROUNDS * requests.size() && !Thread.currentThread().isInterrupted(); i++) {
                concurrent.add(send(requests.get((client + i) % requests.size())));
            }
            return null;
        }).toList();
        List<Future<Void>> done = clients.invokeAll(tasks, BURST_BOUND.toSeconds(), TimeUnit.SECONDS);
        clients.shutdownNow();
        clients.awaitTermination(REQUEST_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
        long unfinished = done.stream().filter(Future::isCancelled).count();

        System.out.println("HostileRequestsIT sequential: " + summary(sequential));
        System.out.println("HostileRequestsIT concurrent (" + concurrent.size() + " of " + CLIENTS * ROUNDS * requests.size()
                + " sent): " + summary(concurrent));

        assertAll(
                () -> assertTrue(gateway.process().isAlive(), "the gateway died (exit code "
                        + (gateway.process().isAlive() ? "none" : gateway.process().exitValue()) + "), see " + LOG),
                () -> {
                    HttpResponse<String> live = HTTP.send(request("/q/health/live").build(), HttpResponse.BodyHandlers.ofString());
                    assertEquals(200, live.statusCode(), live.body());
                    assertTrue(live.body().contains("\"UP\""), live.body());
                },
                () -> {
                    HttpResponse<String> good = HTTP.send(request("/graphql").header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json").header("Accept", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ __typename }\"}")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertEquals(200, good.statusCode(), good.body());
                    assertEquals("Query", ErrorVocabulary.JSON.readTree(good.body()).path("data").path("__typename").asText());
                },
                () -> {
                    long heap = heapUsedBytes();
                    System.out.printf("HostileRequestsIT heap used after the burst: %d MB%n", heap / (1024 * 1024));
                    assertTrue(heap > 0 && heap < HEAP_BOUND_BYTES, "heap used after the burst: " + heap + " bytes");
                },
                () -> {
                    String log = Files.readString(LOG);
                    assertFalse(log.contains("OutOfMemoryError"), "OutOfMemoryError in " + LOG);
                    List<String> frames = log.lines().filter(line -> line.startsWith("\tat ")).limit(5).toList();
                    assertTrue(frames.isEmpty(), "stack traces in " + LOG + ", e.g. " + frames);
                },
                () -> assertEquals(List.of(), problems(sequential), "sequential requests that broke the contract"),
                () -> assertEquals(0, unfinished, "clients still busy after " + BURST_BOUND + " (requests stalled)"),
                () -> assertEquals(List.of(), problems(concurrent), "concurrent requests that broke the contract"));
    }

    /** Sends one hostile request; any stall, 5xx, non-JSON or undocumented error is its problem. */
    private static Outcome send(Hostile hostile) {
        HttpRequest.Builder request;
        if (hostile.getQuery() != null) {
            request = request("/graphql?" + hostile.getQuery()).GET();
        } else {
            request = request("/graphql").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(hostile.postBody()));
        }
        request.header("Authorization", "Bearer " + token).header("Accept", "application/json");
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            List<String> violations = ErrorVocabulary.violations(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(null), response.body());
            return new Outcome(hostile.name(), violations.isEmpty() ? null
                    : "HTTP " + response.statusCode() + ": " + String.join("; ", violations));
        } catch (HttpTimeoutException e) {
            return new Outcome(hostile.name(), "no answer within " + REQUEST_TIMEOUT);
        } catch (IOException e) {
            return new Outcome(hostile.name(), "connection failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(hostile.name(), "still waiting when the burst's bound was reached");
        }
    }

    /** Distinct problems, with the request names and how often. */
    private static List<String> problems(List<Outcome> outcomes) {
        Map<String, Long> counted = new TreeMap<>(outcomes.stream().filter(o -> o.problem() != null)
                .collect(Collectors.groupingBy(o -> o.name() + ": " + ErrorVocabulary.abbreviate(o.problem()),
                        Collectors.counting())));
        return counted.entrySet().stream().map(e -> e.getValue() + "x " + e.getKey()).toList();
    }

    private static String summary(List<Outcome> outcomes) {
        long failed;
        synchronized (outcomes) {
            failed = outcomes.stream().filter(o -> o.problem() != null).count();
        }
        return outcomes.size() + " answers, " + failed + " broke the contract";
    }

    /** Sum of {@code jvm_memory_used_bytes{area="heap",...}} from the Prometheus endpoint. */
    private static long heapUsedBytes() throws IOException, InterruptedException {
        HttpResponse<String> metrics = HTTP.send(request("/q/metrics").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, metrics.statusCode(), "GET /q/metrics");
        double sum = metrics.body().lines()
                .filter(line -> line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
        return (long) sum;
    }

    /** The fake Vobiz: the partner's customer list, 404 for everything else (the requests here need nothing more). */
    private static void fakeVobiz(HttpExchange exchange) throws IOException {
        if (exchange.getRequestURI().getPath().equals("/api/v1/partner/accounts")) {
            try (InputStream in = HostileRequestsIT.class.getResourceAsStream("/vendor/partner-customers/list.json")) {
                respond(exchange, 200, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } else {
            respond(exchange, 404, "{\"error\":{\"code\":404,\"message\":\"Not found\"}}");
        }
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(gateway.uri(path)).timeout(REQUEST_TIMEOUT);
    }
}
