package dev.cdrgateway.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;

import org.jboss.logging.Logger;

import io.quarkus.vertx.http.HttpServerStart;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Mounts the simulated Vobiz upstream on the application's HTTP router when {@code simulator.enabled}
 * is set, so dev and demo runs need no Vobiz account: the gateway's REST clients simply point at
 * {@code http://localhost:<port><simulator.path>}. When disabled nothing is registered.
 *
 * <p>Handlers run on the event loop: every request is an in-memory filter over at most a few tens of
 * thousands of rows. The dataset is generated once on a worker thread, as soon as the HTTP server
 * listens or the first simulator request arrives, whichever is first; startup never waits for it, and
 * requests arriving during generation are parked (not blocked) until it is ready.
 */
@ApplicationScoped
class SimulatorRoutes {

    private static final Logger LOG = Logger.getLogger(SimulatorRoutes.class);
    private static final String JSON = "application/json";
    private static final int MAX_RECENT = 100;
    private static final int CSV_BATCH = 500;

    private final SimulatorConfig config;
    private final Vertx vertx;
    private final AtomicReference<Future<SimulatedDataset>> dataset = new AtomicReference<>();

    SimulatorRoutes(SimulatorConfig config, Vertx vertx) {
        this.config = config;
        this.vertx = vertx;
    }

    void mount(@Observes Router router) {
        if (!config.enabled()) {
            return;
        }
        // Fail startup on impossible sizes rather than on the first request.
        SimulatedDataset.checkSizes(config.customers(), config.callsPerDay(), config.days());
        String base = normalisedPath(config.path());
        LOG.warnf("%n"
                + "############################################################################%n"
                + "##  SIMULATED VOBIZ UPSTREAM ENABLED — not for production —%n"
                + "##  serving fake data at %s%n"
                + "##  (%s/api/v1/partner/... and %s/api/v1/Account/...)%n"
                + "##  Disable with simulator.enabled=false.%n"
                + "############################################################################",
                base, base, base);

        String partner = base + "/api/v1/partner";
        router.get(partner + "/accounts").handler(partnerRoute(this::listAccounts));
        router.get(partner + "/accounts/:accountId").handler(partnerRoute(this::getAccount));
        router.get(partner + "/accounts/:accountId/cdrs").handler(partnerRoute(this::customerCdrs));
        router.get(partner + "/accounts/:accountId/cdrs/:uuid").handler(partnerRoute(this::customerCdr));
        router.get(partner + "/cdrs").handler(partnerRoute(this::globalCdrs));

        // Fixed sub-resources first: Vert.x matches in registration order and /cdr/:call_id would take them.
        String account = base + "/api/v1/Account/:authId/cdr";
        router.get(account).handler(accountRoute((ctx, data) -> accountCdrs(ctx, data, false)));
        router.get(account + "/search").handler(accountRoute((ctx, data) -> accountCdrs(ctx, data, true)));
        router.get(account + "/recent").handler(accountRoute(this::recentCdrs));
        router.get(account + "/export").handler(accountRoute(this::exportCdrs));
        router.get(account + "/:callId").handler(accountRoute(this::accountCdr));
    }

    /** Starts generating right after startup so the data is usually ready before anyone asks. */
    void prepare(@ObservesAsync HttpServerStart started) {
        if (config.enabled()) {
            dataset();
        }
    }

    /** The dataset, generated at most once per application start. */
    private Future<SimulatedDataset> dataset() {
        Future<SimulatedDataset> existing = dataset.get();
        if (existing != null) {
            return existing;
        }
        Promise<SimulatedDataset> generated = Promise.promise();
        if (dataset.compareAndSet(null, generated.future())) {
            vertx.executeBlocking(this::generate, false).onComplete(generated);
            if (config.live().enabled()) {
                generated.future().onSuccess(data -> startLiveMode());
            }
        }
        return dataset.get();
    }

    /**
     * Live mode: every interval, each of the first few customers completes a new call (a repeat of one of its
     * earlier calls, ending now), so recent-call lists, the live feed, summaries and lookups all see it. The
     * dataset is replaced as a whole (copy on write), so every request sees one consistent snapshot.
     */
    private void startLiveMode() {
        SimulatorConfig.Live live = config.live();
        Random random = new Random(config.seed());
        AtomicInteger added = new AtomicInteger();
        LOG.infof("Simulator live mode: %d customer(s) complete a new call every %s", live.customers(), live.interval());
        vertx.setPeriodic(Math.max(1, live.interval().toMillis()), timer -> {
            if (added.get() >= live.maxCalls()) {
                vertx.cancelTimer(timer);
                LOG.infof("Simulator live mode stopped after %d new calls (simulator.live.max-calls)", added.get());
                return;
            }
            SimulatedDataset current = dataset.get().result();
            SimulatedDataset next = current.withNewCalls(live.customers(), Instant.now().getEpochSecond(), random);
            added.addAndGet(next.calls().size() - current.calls().size());
            dataset.set(Future.succeededFuture(next));
        });
    }

    private SimulatedDataset generate() {
        // Anchored on today by default: today's calls stop at the current time, none lie in the future.
        LocalDate anchor = config.anchorDate().orElseGet(() -> LocalDate.now(ZoneOffset.UTC));
        long notAfter = config.anchorDate().isPresent() ? Long.MAX_VALUE : Instant.now().getEpochSecond();
        long started = System.nanoTime();
        SimulatedDataset data = SimulatedDataset.generate(config.customers(), config.callsPerDay(),
                config.days(), anchor, config.seed(), config.partner().authId(), notAfter);
        LOG.infof("Simulated Vobiz dataset ready: %d customers, %d calls up to %s, generated in %d ms",
                data.customers().size(), data.calls().size(), anchor, (System.nanoTime() - started) / 1_000_000);
        return data;
    }

    // --- partner API -------------------------------------------------------------------------------

    private void listAccounts(RoutingContext ctx, SimulatedDataset data) {
        String search = CdrQuery.text(ctx.queryParams(), "search");
        String needle = search == null ? null : search.toLowerCase(Locale.ROOT);
        List<SimulatedCustomer> matches = data.customers().stream()
                .filter(c -> needle == null
                        || CdrQuery.containsIgnoreCase(c.name(), needle)
                        || CdrQuery.containsIgnoreCase(c.email(), needle)
                        || CdrQuery.containsIgnoreCase(c.authId(), needle))
                .toList();
        int page = CdrQuery.page(ctx.queryParams());
        Integer requested = CdrQuery.integer(ctx.queryParams(), "per_page");
        if (requested == null) {
            requested = CdrQuery.integer(ctx.queryParams(), "size");
        }
        int size = requested == null ? CdrQuery.DEFAULT_PER_PAGE
                : Math.max(1, Math.min(CdrQuery.MAX_PER_PAGE, requested));
        int from = (int) Math.min(matches.size(), (long) (page - 1) * size);
        int to = Math.min(matches.size(), from + size);
        send(ctx, 200, VobizWire.accountsPage(matches.subList(from, to), matches.size(), page, size));
    }

    private void getAccount(RoutingContext ctx, SimulatedDataset data) {
        Optional<SimulatedCustomer> customer = data.customer(ctx.pathParam("accountId"));
        if (customer.isEmpty()) {
            send(ctx, 404, VobizWire.error(404, "Account not found"));
            return;
        }
        send(ctx, 200, VobizWire.account(customer.get()));
    }

    private void customerCdrs(RoutingContext ctx, SimulatedDataset data) {
        String accountId = ctx.pathParam("accountId");
        if (data.customer(accountId).isEmpty()) {
            send(ctx, 404, VobizWire.error(404, "Account not found"));
            return;
        }
        CdrQuery query = CdrQuery.forPartner(ctx.queryParams());
        List<SimulatedCall> matches = query.filter(data.callsOf(accountId));
        send(ctx, 200, VobizWire.partnerCdrPage(accountId, CdrPage.of(matches, query.page(), query.perPage()),
                CdrSummary.of(matches)));
    }

    private void customerCdr(RoutingContext ctx, SimulatedDataset data) {
        String accountId = ctx.pathParam("accountId");
        Optional<SimulatedCall> call = data.call(ctx.pathParam("uuid"))
                .filter(c -> c.accountId().equals(accountId));
        if (call.isEmpty()) {
            send(ctx, 404, VobizWire.error(404, "CDR not found"));
            return;
        }
        send(ctx, 200, VobizWire.cdr(call.get()));
    }

    private void globalCdrs(RoutingContext ctx, SimulatedDataset data) {
        CdrQuery query = CdrQuery.forPartner(ctx.queryParams());
        List<SimulatedCall> matches = query.filter(data.calls());
        send(ctx, 200, VobizWire.partnerCdrPage(null, CdrPage.of(matches, query.page(), query.perPage()),
                CdrSummary.of(matches)));
    }

    // --- account API -------------------------------------------------------------------------------

    private void accountCdrs(RoutingContext ctx, SimulatedDataset data, boolean withFiltersEcho) {
        String authId = ctx.pathParam("authId");
        CdrQuery query = CdrQuery.forAccount(ctx.queryParams());
        List<SimulatedCall> matches = query.filter(data.callsOf(authId));
        Map<String, String> echo = null;
        if (withFiltersEcho) {
            echo = new LinkedHashMap<>();
            for (String key : List.of("call_direction", "from_number", "hangup_cause", "to_number")) {
                String value = ctx.queryParams().get(key);
                echo.put(key, value == null ? "" : value);
            }
        }
        send(ctx, 200, VobizWire.accountCdrPage(authId, CdrPage.of(matches, query.page(), query.perPage()),
                CdrSummary.of(matches), echo));
    }

    private void recentCdrs(RoutingContext ctx, SimulatedDataset data) {
        String authId = ctx.pathParam("authId");
        Integer limit = CdrQuery.integer(ctx.queryParams(), "limit");
        int size = limit == null ? CdrQuery.DEFAULT_PER_PAGE : Math.max(1, Math.min(MAX_RECENT, limit));
        List<SimulatedCall> calls = data.callsOf(authId);
        send(ctx, 200, VobizWire.recent(authId, calls.subList(0, Math.min(size, calls.size()))));
    }

    /**
     * CSV export, streamed: rows are filtered and written a batch at a time, the next batch only once the
     * connection has taken the previous one, so even a large dataset is never rendered into one string.
     */
    private void exportCdrs(RoutingContext ctx, SimulatedDataset data) {
        String authId = ctx.pathParam("authId");
        CdrQuery query = CdrQuery.forAccount(ctx.queryParams());
        ctx.response()
                .setStatusCode(200)
                .setChunked(true)
                .putHeader("Content-Type", "text/csv")
                .putHeader("Content-Disposition", "attachment; filename=\"cdr-export-" + authId + ".csv\"")
                .write(VobizWire.csvHeader());
        writeCsv(ctx, data.callsOf(authId).iterator(), query);
    }

    private static void writeCsv(RoutingContext ctx, java.util.Iterator<SimulatedCall> calls, CdrQuery query) {
        if (ctx.response().closed()) {
            return;
        }
        List<SimulatedCall> batch = new java.util.ArrayList<>(CSV_BATCH);
        while (calls.hasNext() && batch.size() < CSV_BATCH) {
            SimulatedCall call = calls.next();
            if (query.matches(call)) {
                batch.add(call);
            }
        }
        if (!batch.isEmpty()) {
            ctx.response().write(VobizWire.csvRows(batch));
        }
        if (!calls.hasNext()) {
            ctx.response().end();
        } else if (ctx.response().writeQueueFull()) {
            ctx.response().drainHandler(ignored -> writeCsv(ctx, calls, query));
        } else {
            ctx.vertx().runOnContext(ignored -> writeCsv(ctx, calls, query));
        }
    }

    private void accountCdr(RoutingContext ctx, SimulatedDataset data) {
        String authId = ctx.pathParam("authId");
        Optional<SimulatedCall> call = data.call(ctx.pathParam("callId"))
                .filter(c -> c.accountId().equals(authId));
        if (call.isEmpty()) {
            send(ctx, 404, VobizWire.cdrNotFound(UUID.randomUUID().toString()));
            return;
        }
        send(ctx, 200, VobizWire.wrappedCdr(call.get()));
    }

    // --- authentication and plumbing ---------------------------------------------------------------

    /** Partner endpoints accept only the configured {@code PA_} pair. */
    private Handler<RoutingContext> partnerRoute(BiConsumer<RoutingContext, SimulatedDataset> handler) {
        return withDataset((ctx, data) -> {
            String authId = ctx.request().getHeader("X-Auth-ID");
            String token = ctx.request().getHeader("X-Auth-Token");
            if (authId == null || token == null) {
                send(ctx, 401, VobizWire.error(401, "Missing X-Auth-ID or X-Auth-Token header"));
            } else if (!constantTimeEquals(authId, config.partner().authId())
                    || !constantTimeEquals(token, config.partner().authToken())) {
                send(ctx, 401, VobizWire.error(401, "Invalid token"));
            } else {
                handler.accept(ctx, data);
            }
        });
    }

    /**
     * Account endpoints need the path account's own pair: another account id (including the partner's)
     * is a 403 "account ID mismatch", a wrong or withheld token a 401.
     */
    private Handler<RoutingContext> accountRoute(BiConsumer<RoutingContext, SimulatedDataset> handler) {
        return withDataset((ctx, data) -> {
            String pathAuthId = ctx.pathParam("authId");
            String authId = ctx.request().getHeader("X-Auth-ID");
            String token = ctx.request().getHeader("X-Auth-Token");
            if (authId == null || token == null) {
                send(ctx, 401, VobizWire.error(401, "Missing X-Auth-ID or X-Auth-Token header"));
            } else if (!authId.equals(pathAuthId)) {
                send(ctx, 403, VobizWire.error(403, "Access denied: account ID mismatch"));
            } else if (!data.customer(pathAuthId)
                    .map(SimulatedCustomer::authToken)
                    .map(expected -> constantTimeEquals(token, expected))
                    .orElse(false)) {
                send(ctx, 401, VobizWire.error(401, "Invalid token"));
            } else {
                handler.accept(ctx, data);
            }
        });
    }

    /**
     * Runs {@code handler} after the configured latency, once the dataset exists. A request arriving while
     * the dataset is still being generated is resumed on its own event-loop context when generation
     * completes. Nothing here blocks: the delay is a Vert.x timer.
     */
    private Handler<RoutingContext> withDataset(BiConsumer<RoutingContext, SimulatedDataset> handler) {
        long latencyMillis = config.latency().toMillis();
        Handler<RoutingContext> whenReady = ctx -> {
            Future<SimulatedDataset> data = dataset();
            if (data.isComplete()) {
                handle(ctx, data, handler);
                return;
            }
            Context requestContext = vertx.getOrCreateContext();
            data.onComplete(done -> requestContext.runOnContext(ignored -> handle(ctx, data, handler)));
        };
        if (latencyMillis <= 0) {
            return whenReady;
        }
        return ctx -> vertx.setTimer(latencyMillis, timer -> whenReady.handle(ctx));
    }

    /** Bad parameters become the documented 400 {@code {"error": "..."}}. */
    private static void handle(RoutingContext ctx, Future<SimulatedDataset> dataset,
            BiConsumer<RoutingContext, SimulatedDataset> handler) {
        if (dataset.failed()) {
            ctx.fail(dataset.cause());
            return;
        }
        try {
            handler.accept(ctx, dataset.result());
        } catch (IllegalArgumentException e) {
            send(ctx, 400, VobizWire.error(e.getMessage()));
        }
    }

    private static void send(RoutingContext ctx, int status, Buffer body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", JSON).end(body);
    }

    private static boolean constantTimeEquals(String actual, String expected) {
        return MessageDigest.isEqual(actual.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8));
    }

    private static String normalisedPath(String path) {
        String trimmed = path.trim();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.isEmpty() || trimmed.startsWith("/") ? trimmed : "/" + trimmed;
    }
}
