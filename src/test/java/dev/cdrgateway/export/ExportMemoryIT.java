package dev.cdrgateway.export;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.cdrgateway.testsupport.PackagedGateway;
import dev.cdrgateway.testsupport.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.io.BufferedWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A 100,000-row export under a 64 MB heap, both routes: the packaged application
 * ({@code target/quarkus-app/quarkus-run.jar}, prod profile, real token verification) runs in its own JVM with
 * {@code -Xmx64m -XX:+ExitOnOutOfMemoryError} against a local fake Vobiz that produces the rows lazily (the
 * account CSV export as one chunked body, the partner-wide log as 1,000 JSON pages). 100,000 mapped rows are
 * several times that heap, so a gateway that collected them would die; the test counts every row and checks the
 * process is still alive and healthy afterwards.
 */
class ExportMemoryIT {

    private static final int ROWS = 100_000;
    private static final String CUSTOMER = "MA_BIG00001";
    private static final String CUSTOMER_TOKEN = "big-customer-token-not-real";
    private static final String PARTNER = "PA_BIG00001";
    private static final String PARTNER_TOKEN = "big-partner-token-not-real";
    private static final Path LOG = Path.of("target/export-memory-it.log");

    private static HttpServer vobiz;
    private static PackagedGateway gateway;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws IOException {
        // Without TCP_NODELAY the JDK server's split header/body writes meet delayed ACKs: ~40 ms per page.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        vobiz = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        vobiz.setExecutor(Executors.newFixedThreadPool(4));
        vobiz.createContext("/api/v1/Account/" + CUSTOMER + "/cdr/export", ExportMemoryIT::csvExport);
        vobiz.createContext("/api/v1/partner/cdrs", ExportMemoryIT::globalPage);
        vobiz.start();

        gateway = PackagedGateway.start(List.of("-Xmx64m", "-XX:+ExitOnOutOfMemoryError"),
                "http://127.0.0.1:" + vobiz.getAddress().getPort(), Map.of(
                        "gateway.tenants.acme.partner.auth-id", PARTNER,
                        "gateway.tenants.acme.partner.auth-token", PARTNER_TOKEN,
                        "gateway.tenants.acme.customers." + CUSTOMER + ".auth-token", CUSTOMER_TOKEN), LOG);
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
    void streamsTheAccountCsvExportOfOneHundredThousandRows() throws Exception {
        assertExportsAllRows("customerId=" + CUSTOMER, Tokens.customer("acme", CUSTOMER));
    }

    @Test
    void pagesThroughOneHundredThousandRowsOfThePartnerLog() throws Exception {
        assertExportsAllRows("scope=partner", Tokens.partnerAdmin("acme"));
    }

    private void assertExportsAllRows(String query, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(gateway.uri("/export/calls.csv?" + query))
                .header("Authorization", "Bearer " + token).build();
        HttpResponse<InputStream> response = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        long rows = 0;
        String header;
        String last = null;
        // Counted while downloading: the test holds one line at a time, like the gateway one batch.
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            header = lines.readLine();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                rows++;
                last = line;
            }
        }
        assertTrue(header.startsWith("uuid,record_id,customer_id,"), header);
        assertEquals(ROWS, rows);
        assertTrue(last.startsWith(new UUID(0xB16, ROWS - 1).toString()), last);

        assertTrue(gateway.process().isAlive(), "the gateway died, see " + LOG);
        assertEquals(200, gateway.status("/q/health/live"));
        String log = Files.readString(LOG);
        assertFalse(log.contains("OutOfMemoryError"), "see " + LOG);
        assertTrue(log.contains("export tenant=acme outcome=ok status=200 rows=" + ROWS), "see " + LOG);
        peakResidentMemory().ifPresent(kb -> System.out.printf("gateway peak RSS after %s: %d MB%n", query, kb / 1024));
    }

    /** The account export: a header and {@link #ROWS} rows written as they are generated (chunked). */
    private static void csvExport(HttpExchange exchange) throws IOException {
        if (!CUSTOMER_TOKEN.equals(exchange.getRequestHeaders().getFirst("X-Auth-Token"))) {
            respond(exchange, 401, "{\"error\":{\"code\":401,\"message\":\"Invalid token\"}}");
            return;
        }
        exchange.getResponseHeaders().add("Content-Type", "text/csv");
        exchange.sendResponseHeaders(200, 0);
        try (Writer out = new BufferedWriter(new OutputStreamWriter(exchange.getResponseBody(), StandardCharsets.UTF_8),
                64 * 1024)) {
            out.write("id,uuid,account_id,call_direction,caller_id_name,caller_id_number,destination_number,duration,"
                    + "billsec,ring_time,answer_time,start_time,end_time,cost,total_cost,streaming_cost,currency,"
                    + "hangup_cause,mos,jitter,packet_loss\n");
            for (int i = 0; i < ROWS; i++) {
                out.write((50_000_000L + i) + "," + new UUID(0xB16, i) + "," + CUSTOMER + ",outbound,\"Big, Inc.\","
                        + "+918000000001,+918000000002,65,58,7,2026-03-25T10:00:07Z,2026-03-25T10:00:00Z,"
                        + "2026-03-25T10:01:05Z,0.45,0.45,0.0,INR,NORMAL_CLEARING,4.4,0.2,0.1\n");
            }
        }
    }

    /** A page of the partner-wide log, generated on request ({@link #ROWS} rows in all). */
    private static void globalPage(HttpExchange exchange) throws IOException {
        if (!PARTNER_TOKEN.equals(exchange.getRequestHeaders().getFirst("X-Auth-Token"))) {
            respond(exchange, 401, "{\"error\":{\"code\":401,\"message\":\"Invalid token\"}}");
            return;
        }
        Map<String, String> query = new java.util.HashMap<>();
        for (String pair : exchange.getRequestURI().getQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            query.put(kv[0], kv.length > 1 ? kv[1] : "");
        }
        int page = Integer.parseInt(query.get("page"));
        int perPage = Integer.parseInt(query.get("per_page"));
        int pages = (ROWS + perPage - 1) / perPage;
        StringBuilder body = new StringBuilder(perPage * 700).append("{\"success\":true,\"data\":[");
        int from = (page - 1) * perPage;
        int to = Math.min(ROWS, from + perPage);
        for (int i = from; i < to; i++) {
            body.append(i > from ? "," : "").append("{\"id\":").append(50_000_000L + i).append(",\"uuid\":\"")
                    .append(new UUID(0xB16, i)).append("\",\"account_id\":\"MA_BIG")
                    .append(String.format("%05d", i % 50)).append("\",\"call_direction\":\"outbound\",")
                    .append("\"caller_id_name\":\"Big, Inc.\",\"caller_id_number\":\"+918000000001\",")
                    .append("\"destination_number\":\"+918000000002\",\"duration\":65,\"billsec\":58,\"ring_time\":7,")
                    .append("\"answer_time\":\"2026-03-25T10:00:07Z\",\"start_time\":\"2026-03-25T10:00:00Z\",")
                    .append("\"end_time\":\"2026-03-25T10:01:05Z\",\"cost\":0.45,\"total_cost\":0.45,")
                    .append("\"streaming_cost\":0.0,\"currency\":\"INR\",\"hangup_cause\":\"NORMAL_CLEARING\",")
                    .append("\"mos\":4.4,\"jitter\":0.2,\"packet_loss\":0.1}");
        }
        body.append("],\"count\":").append(to - from).append(",\"pagination\":{\"page\":").append(page)
                .append(",\"per_page\":").append(perPage).append(",\"total\":").append(ROWS).append(",\"pages\":")
                .append(pages).append(",\"has_next\":").append(page < pages).append(",\"has_prev\":").append(page > 1)
                .append("},\"summary\":{\"totalCalls\":").append(ROWS).append(",\"answeredCalls\":").append(ROWS)
                .append(",\"answerRate\":100,\"avgCallDuration\":\"65s\",\"total_duration_seconds\":")
                .append(65L * ROWS).append(",\"total_billable_seconds\":").append(58L * ROWS)
                .append(",\"total_cost\":45000,\"last_call_at\":\"2026-03-25T10:00:00Z\"}}");
        respond(exchange, 200, body.toString());
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Peak resident set size of the gateway process in KB (Linux only), for the build log. */
    private static java.util.Optional<Long> peakResidentMemory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + gateway.process().pid() + "/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return java.util.Optional.of(Long.parseLong(line.replaceAll("[^0-9]", "")));
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: nothing to report
        }
        return java.util.Optional.empty();
    }
}
