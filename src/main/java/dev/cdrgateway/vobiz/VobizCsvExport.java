package dev.cdrgateway.vobiz;

import dev.cdrgateway.resilience.UpstreamPipeline;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClient;
import io.vertx.mutiny.core.http.HttpClientRequest;
import io.vertx.mutiny.core.http.HttpClientResponse;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The HTTP side of the account API's CSV export ({@code GET /api/v1/Account/{auth_id}/cdr/export}). The typed
 * REST client reads whole bodies (and its streaming mode offers no back-pressure to the socket), so this one
 * endpoint uses a Vert.x HTTP client directly: the body is handed on as a paused {@code Multi<Buffer>} that reads
 * from the socket only as fast as the consumer requests, so memory stays constant whatever the export's size.
 * Same base URL and timeouts as the account REST client ({@code quarkus.rest-client.vobiz-account.*}); the
 * read timeout is an idle timeout (no byte for that long aborts the transfer). Only {@link VobizClient} uses it,
 * always through {@link UpstreamPipeline#guarded}.
 */
@ApplicationScoped
class VobizCsvExport {

    private static final Logger LOG = Logger.getLogger(VobizCsvExport.class);
    private static final int MAX_ERROR_BODY_BYTES = 8 * 1024;

    private final HttpClient http;
    private final String baseUrl;
    private final int connectTimeoutMillis;
    private final long readTimeoutMillis;

    VobizCsvExport(Vertx vertx,
                   @ConfigProperty(name = "quarkus.rest-client.vobiz-account.url") String baseUrl,
                   @ConfigProperty(name = "quarkus.rest-client.vobiz-account.connect-timeout", defaultValue = "2000")
                   int connectTimeoutMillis,
                   @ConfigProperty(name = "quarkus.rest-client.vobiz-account.read-timeout", defaultValue = "10000")
                   long readTimeoutMillis) {
        this.http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
                new PoolOptions().setHttp1MaxSize(32));
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.connectTimeoutMillis = connectTimeoutMillis;
        this.readTimeoutMillis = readTimeoutMillis;
    }

    @PreDestroy
    void close() {
        http.closeAndForget();
    }

    /**
     * Sends the export request. Completes with the body (paused until subscribed; cancelling it resets the
     * upstream request) when Vobiz answers 2xx, else fails with the mapped error ({@link UpstreamErrors}).
     */
    Uni<Multi<Buffer>> open(VobizCredentials creds, Map<String, String> query) {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setAbsoluteURI(baseUrl + "/api/v1/Account/" + encode(creds.authId()) + "/cdr/export" + queryString(query))
                .setConnectTimeout(connectTimeoutMillis)
                .setIdleTimeout(readTimeoutMillis)
                .putHeader("X-Auth-ID", creds.authId())
                .putHeader("X-Auth-Token", creds.authToken())
                .putHeader("Accept", "text/csv");
        AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
        return http.request(options)
                .invoke(sent::set)
                .flatMap(HttpClientRequest::send)
                .flatMap(response -> {
                    if (response.statusCode() / 100 == 2) {
                        // Still on the event loop that delivered the headers: no body byte was dropped yet.
                        response.pause();
                        // A broken connection before anyone subscribes to the body must not be lost (the body's
                        // own handlers exist only once subscribed): remember it and fail the body at once.
                        AtomicReference<Throwable> early = new AtomicReference<>();
                        response.exceptionHandler(early::set);
                        checkContentType(response);
                        HttpClientRequest request = sent.get();
                        return Uni.createFrom().item(Multi.createFrom().deferred(() -> early.get() != null
                                        ? Multi.createFrom().<Buffer>failure(early.get())
                                        : response.toMulti())
                                .onCancellation().invoke(() -> reset(request)));
                    }
                    return failure(response);
                })
                // A timeout (or any cancellation) before the body was handed on must not leave a paused connection.
                .onCancellation().invoke(() -> reset(sent.get()));
    }

    private static void checkContentType(HttpClientResponse response) {
        String type = response.getHeader("Content-Type");
        if (type == null || !type.toLowerCase().startsWith("text/csv")) {
            // OpenAPI also lists a JSON 200 variant (docs/vobiz-contract.md#v20-export-content-type): logged, parsed as CSV anyway.
            LOG.warnf("Vobiz account export answered with Content-Type %s instead of text/csv", type);
        }
    }

    /** Reads at most a few KB of the error body (for a retry delay), then maps the status. */
    private static Uni<Multi<Buffer>> failure(HttpClientResponse response) {
        int status = response.statusCode();
        String retryAfter = response.getHeader("Retry-After");
        io.vertx.core.buffer.Buffer start = io.vertx.core.buffer.Buffer.buffer();
        return response.toMulti()
                .select().where(chunk -> start.length() < MAX_ERROR_BODY_BYTES)
                .invoke(chunk -> start.appendBuffer(chunk.getDelegate()))
                .collect().last()
                .onFailure().recoverWithNull()
                .flatMap(ignored -> Uni.createFrom().failure(UpstreamErrors.fromStatus("account", status, retryAfter,
                        start.toString(StandardCharsets.UTF_8))));
    }

    private static void reset(HttpClientRequest request) {
        if (request != null) {
            request.reset();
        }
    }

    private static String queryString(Map<String, String> query) {
        if (query.isEmpty()) {
            return "";
        }
        StringJoiner joined = new StringJoiner("&", "?", "");
        query.forEach((name, value) -> joined.add(encode(name) + "=" + encode(value)));
        return joined.toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
