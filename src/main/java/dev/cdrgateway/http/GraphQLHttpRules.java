package dev.cdrgateway.http;

import dev.cdrgateway.graphql.DocumentBounds;
import dev.cdrgateway.graphql.GraphQLCustomizer;

import dev.cdrgateway.domain.error.ErrorCode;
import dev.cdrgateway.graphql.LimitsConfig;
import dev.cdrgateway.resilience.ResilienceConfig;
import dev.cdrgateway.live.WebSocketUpgrades;
import dev.cdrgateway.domain.access.Caller;
import dev.cdrgateway.security.CallerAugmentor;
import dev.cdrgateway.resilience.LocalCaches;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import graphql.parser.exceptions.ParseCancelledException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * GraphQL-over-HTTP rules SmallRye leaves out, applied in front of its {@code /graphql} handler:
 * <ul>
 *   <li>every request needs a verified bearer token (an invalid one is refused by Quarkus OIDC before this
 *       handler runs; a missing one gets 401 here, with a body that says how to send one), except a GraphQL
 *       WebSocket upgrade whose token follows in its {@code connection_init} payload ({@link WebSocketUpgrades});</li>
 *   <li>POST bodies must be {@code application/json} (415 otherwise; this also stops cross-site "simple"
 *       form posts) holding a JSON object with a string {@code query} (400 otherwise);</li>
 *   <li>GET runs queries only: a mutation over GET is 405 with {@code Allow: POST};</li>
 *   <li>syntax errors get {@code GRAPHQL_PARSE_FAILED} with the parser's location instead of SmallRye's bare
 *       "Unparseable input document";</li>
 *   <li>with {@code application/graphql-response+json}, a request that failed before execution (no
 *       {@code data}) answers 400, as the specification requires; {@code application/json} clients keep 200.</li>
 * </ul>
 * It also works around SmallRye putting the query text into {@code operationName} on GET.
 */
@ApplicationScoped
public class GraphQLHttpRules {

    static final String GRAPHQL_RESPONSE_JSON = "application/graphql-response+json";

    private static final Logger LOG = Logger.getLogger(GraphQLHttpRules.class);
    private static final String OPERATION = "cdr-gateway.operation";
    private static final String STARTED = "cdr-gateway.started";
    /** How long after its deadline a request that has written nothing is answered 504 (see answerIfStuck). */
    private static final long STUCK_GRACE_MILLIS = 1000;
    /**
     * RoutingContext key: the {@link java.time.Instant} by which a GraphQL request over HTTP must be answered
     * ({@code gateway.limits.request-timeout} after it arrived); upstream reads made for it do not wait past it.
     * Not set on WebSocket upgrades, whose subscriptions live as long as the socket.
     */
    public static final String DEADLINE = "cdr-gateway.deadline";
    /** RoutingContext key: the media type this request is answered in. */
    private static final String RESPONSE_TYPE = "cdr-gateway.response-type";
    /** The GraphQL-over-HTTP request parameters; each may appear once. */
    private static final List<String> PARAMETERS = List.of("query", "variables", "operationName", "extensions");

    private final WebSocketUpgrades webSockets;
    private final LimitsConfig limits;
    private final ResilienceConfig.Metrics metricsConfig;
    private final java.time.Duration requestTimeout;
    private final ParserOptions parserOptions;
    private final DocumentBounds bounds;
    private final MeterRegistry metrics;
    private final PersistedQueries persistedQueries;
    private final String getCacheControl;
    private final Set<String> operationNames = ConcurrentHashMap.newKeySet();
    /** Registered operation timers by operation, outcome and tenant (bounded: operation names are). */
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    /**
     * Documents that passed the syntax, size and alias checks, by their text: dashboards send the same few all
     * day, and parsing is most of this handler's cost. Holds no data and no tenant, only each operation's name
     * and type.
     */
    private final com.github.benmanes.caffeine.cache.Cache<String, CheckedDocument> checked = LocalCaches.newBuilder()
            // bounded by text size, not count: a document may be as large as the body limit
            .maximumWeight(4_000_000).weigher((String text, CheckedDocument document) -> text.length())
            .build();

    /** What these rules need from a document that passed the checks. */
    record CheckedDocument(List<Operation> operations) {
        record Operation(String name, OperationDefinition.Operation type) {
        }

        static CheckedDocument of(Document document) {
            return new CheckedDocument(document.getDefinitionsOfType(OperationDefinition.class).stream()
                    .map(o -> new Operation(o.getName(), o.getOperation())).toList());
        }
    }

    GraphQLHttpRules(LimitsConfig limits, ResilienceConfig resilience, PersistedQueriesConfig persisted,
                     MeterRegistry metrics, PersistedQueries persistedQueries,
                     WebSocketUpgrades webSockets) {
        this.webSockets = webSockets;
        this.limits = limits;
        this.metricsConfig = resilience.metrics();
        this.requestTimeout = resilience.limits().requestTimeout();
        this.metrics = metrics;
        this.persistedQueries = persistedQueries;
        long maxAge = persisted.getMaxAge().toSeconds();
        this.getCacheControl = maxAge > 0 ? "private, max-age=" + maxAge : "no-store";
        this.bounds = new DocumentBounds(limits);
        this.parserOptions = ParserOptions.getDefaultOperationParserOptions().transform(b -> b
                .maxTokens(limits.maxTokens()).maxCharacters(limits.maxBodyBytes())
                .captureSourceLocation(true).captureLineComments(false));
        // SmallRye parses operations with graphql-java's operation defaults: give them the same token limit.
        ParserOptions.setDefaultOperationParserOptions(parserOptions);
    }

    void install(@Observes Router router) {
        // No file uploads: a GraphQL body is JSON, and the default would create ./file-uploads (read-only root fs).
        router.route("/graphql").order(-101).handler(BodyHandler.create(false).setBodyLimit(limits.maxBodyBytes()))
                .failureHandler(this::failed);
        // Before SmallRye's WebSocket handler (order -99), so a WebSocket upgrade passes the token check too.
        router.route("/graphql").order(-100).handler(this::check);
    }

    /**
     * A request that failed before GraphQL ran: a body over the limit, or input a parser refused. Answered as JSON
     * with a documented code like every other refusal; anything else is left to Quarkus (401 and 403 included).
     */
    private void failed(RoutingContext rc) {
        if (rc.response().headWritten()) {
            rc.next();
            return;
        }
        int status = rc.statusCode();
        if (status == 413) {
            reject(rc, ErrorCode.REQUEST_TOO_LARGE, "The request body is larger than " + limits.maxBodyBytes()
                    + " bytes (gateway.limits.max-body-bytes)");
        } else if (status == 400 || rc.failure() instanceof DecodeException
                || rc.failure() instanceof IllegalArgumentException
                || rc.failure() instanceof jakarta.json.stream.JsonParsingException) {
            // e.g. a query string with an undecodable escape (%zz), which Vert.x refuses when it is read
            reject(rc, ErrorCode.BAD_REQUEST, "The request is malformed (query string or body)");
        } else {
            rc.next();
        }
    }

    /**
     * The last line of the deadline: upstream reads stop waiting at {@link #DEADLINE}, so a request normally ends
     * before it; one that has still written nothing a second later (a defect further down) gets a 504 with
     * UPSTREAM_TIMEOUT instead of holding the client's connection open.
     */
    private void answerIfStuck(RoutingContext rc) {
        long timer = rc.vertx().setTimer(requestTimeout.toMillis() + STUCK_GRACE_MILLIS, id -> {
            if (!rc.response().headWritten() && !rc.response().ended() && !rc.response().closed()) {
                LOG.errorf("A GraphQL request had no answer %d ms after its deadline; answering 504", STUCK_GRACE_MILLIS);
                reject(rc, ErrorCode.UPSTREAM_TIMEOUT, "The request did not complete within its "
                        + requestTimeout.toMillis() + " ms limit; retry later, or ask for less at once");
            }
        });
        rc.addEndHandler(v -> rc.vertx().cancelTimer(timer));
    }

    private void check(RoutingContext rc) {
        rc.put(STARTED, System.nanoTime());
        rc.addBodyEndHandler(v -> logAndMeasure(rc));
        if (rc.request().headers().contains(HttpHeaders.UPGRADE)) {
            // A WebSocket handshake: no deadline (subscriptions live as long as the socket), no media type to pick
            checkToken(rc);
            return;
        }
        rc.put(DEADLINE, java.time.Instant.now().plus(requestTimeout));
        answerIfStuck(rc);
        String responseType = responseType(rc);
        if (responseType == null) {
            rc.put(RESPONSE_TYPE, "application/json");
            reject(rc, ErrorCode.NOT_ACCEPTABLE, "This endpoint answers application/json or "
                    + GRAPHQL_RESPONSE_JSON + "; send one of them (or */*) in Accept");
            return;
        }
        rc.put(RESPONSE_TYPE, responseType);
        // SmallRye refuses an Accept that names no JSON type even when a wildcard admits one (406, empty body); it
        // falls back to this raw header when no parsed entry is its own, so name the chosen type there.
        rc.request().headers().set(HttpHeaders.ACCEPT, responseType);
        checkToken(rc);
    }

    /** Admits the request when it carries a verified token (or is a WebSocket whose token follows), else 401. */
    private void checkToken(RoutingContext rc) {
        if (rc.user() == null || rc.user() instanceof QuarkusHttpUser user && user.getSecurityIdentity().isAnonymous()) {
            if (webSockets.admitWithoutToken(rc)) {
                // The token follows in the GraphQL WebSocket's connection_init payload (WebSocketUpgrades).
                rc.next();
                return;
            }
            rc.response().putHeader("WWW-Authenticate", "Bearer");
            reject(rc, ErrorCode.UNAUTHENTICATED, "A bearer token is required: send `Authorization: Bearer <token>` "
                    + "(in GraphiQL, add {\"Authorization\": \"Bearer <token>\"} under Headers). In dev and demo mode, "
                    + "GET /demo/tokens prints a token for each demo role.");
            return;
        }
        rc.addHeadersEndHandler(v -> {
            String type = rc.response().headers().get(HttpHeaders.CONTENT_TYPE);
            if ("application/json".equals(rc.get(RESPONSE_TYPE)) && type != null && type.startsWith(GRAPHQL_RESPONSE_JSON)) {
                // SmallRye answers application/graphql-response+json to "Accept: */*" and to no Accept at all; the
                // GraphQL-over-HTTP specification says such clients should get application/json.
                type = "application/json; charset=UTF-8";
                rc.response().putHeader(HttpHeaders.CONTENT_TYPE, type);
            }
            if (Boolean.TRUE.equals(rc.get(GraphQLCustomizer.REQUEST_FAILED)) && rc.response().getStatusCode() == 200
                    && type != null && type.startsWith(GRAPHQL_RESPONSE_JSON)) {
                rc.response().setStatusCode(400);
            }
            if (rc.request().method() == HttpMethod.GET) {
                // A successful GET query may be served again by the client's own HTTP cache, never a shared one
                boolean ok = rc.response().getStatusCode() == 200 && rc.get(OPERATION) != null
                        && "ok".equals(rc.get(GraphQLCustomizer.OUTCOME));
                rc.response().putHeader(HttpHeaders.CACHE_CONTROL, ok ? getCacheControl : "no-store")
                        .putHeader(HttpHeaders.VARY, "Authorization, Accept");
            }
        });
        if (rc.request().method() == HttpMethod.POST) {
            checkPost(rc);
        } else if (rc.request().method() == HttpMethod.GET && !rc.request().headers().contains(HttpHeaders.UPGRADE)) {
            checkGet(rc);
        } else {
            rc.next();
        }
    }

    private void checkPost(RoutingContext rc) {
        String contentType = rc.request().getHeader(HttpHeaders.CONTENT_TYPE);
        if (contentType == null || !contentType.split(";", 2)[0].strip().equalsIgnoreCase("application/json")) {
            reject(rc, ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "POST requests must send a JSON body with Content-Type: application/json");
            return;
        }
        Object body;
        try {
            body = rc.body().buffer() == null ? null : Json.decodeValue(rc.body().buffer());
        } catch (DecodeException e) {
            reject(rc, ErrorCode.BAD_REQUEST, "The request body is not valid JSON");
            return;
        }
        if (body instanceof JsonArray) {
            reject(rc, ErrorCode.BAD_REQUEST, "Batched requests (a JSON array) are not supported; send one operation");
            return;
        }
        if (!(body instanceof JsonObject request)) {
            reject(rc, ErrorCode.BAD_REQUEST, "The request body must be a JSON object with a `query` string");
            return;
        }
        Object variables = request.getValue("variables");
        if (variables != null && !(variables instanceof JsonObject)) {
            reject(rc, ErrorCode.BAD_REQUEST, "`variables` must be a JSON object");
            return;
        }
        Object operationName = request.getValue("operationName");
        if (operationName != null && !(operationName instanceof String)) {
            reject(rc, ErrorCode.BAD_REQUEST, "`operationName` must be a string");
            return;
        }
        Object query = request.getValue("query");
        if (query != null && !(query instanceof String)) {
            reject(rc, ErrorCode.BAD_REQUEST, "`query` must be a string");
            return;
        }
        Persisted persisted = persistedQuery(rc, request.getValue("extensions"));
        if (persisted == Persisted.REFUSED) {
            return;
        }
        String text = documentText(rc, (String) query, persisted);
        if (text == null) {
            return;
        }
        CheckedDocument document = check(rc, text);
        if (document == null || selectedOperation(rc, document, (String) operationName) == null) {
            return;
        }
        if (persisted != null && query == null) {
            // SmallRye reads the body again: hand it the registered document
            rc.setBody(Buffer.buffer(request.copy().put("query", text).encode()));
        } else if (persisted != null) {
            persistedQueries.register(tenant(rc), persisted.hash(), text);
        }
        rc.put(OPERATION, operationName((String) operationName, document));
        rc.next();
    }

    /**
     * The document to run: the client's own text (which must match its hash when it sends one), or the one
     * registered under the hash; {@code null} after answering the request.
     */
    private String documentText(RoutingContext rc, String text, Persisted persisted) {
        if (persisted == null || text != null) {
            if (text == null || text.isBlank()) {
                reject(rc, ErrorCode.BAD_REQUEST, "The request must carry a non-empty `query` string, or the "
                        + "`extensions.persistedQuery` hash of a registered one");
                return null;
            }
            if (persisted != null && !persisted.hash().equals(PersistedQueries.sha256(text))) {
                reject(rc, ErrorCode.BAD_REQUEST, "`extensions.persistedQuery.sha256Hash` is not the SHA-256 of `query`");
                return null;
            }
            return text;
        }
        return lookUp(rc, persisted);
    }

    /** A client's {@code extensions.persistedQuery}: the hash of the document it means. */
    private record Persisted(String hash) {
        /** Marker: the extension was malformed or persisted queries are off, and the request was answered. */
        static final Persisted REFUSED = new Persisted("");
    }

    /** The persisted-query extension of a request, {@code null} without one, {@link Persisted#REFUSED} if answered. */
    private Persisted persistedQuery(RoutingContext rc, Object extensions) {
        if (extensions == null) {
            return null;
        }
        if (!(extensions instanceof JsonObject json)) {
            reject(rc, ErrorCode.BAD_REQUEST, "`extensions` must be a JSON object");
            return Persisted.REFUSED;
        }
        Object value = json.getValue("persistedQuery");
        if (value == null) {
            return null;
        }
        if (!persistedQueries.enabled()) {
            requestError(rc, Map.of("message", "PersistedQueryNotSupported",
                    "extensions", extensions(ErrorCode.PERSISTED_QUERY_NOT_SUPPORTED)));
            return Persisted.REFUSED;
        }
        if (!(value instanceof JsonObject persisted) || !(persisted.getValue("version") instanceof Number version)
                || version.intValue() != 1 || !(persisted.getValue("sha256Hash") instanceof String hash)
                || !PersistedQueries.wellFormed(hash)) {
            reject(rc, ErrorCode.BAD_REQUEST, "`extensions.persistedQuery` must be {\"version\": 1, \"sha256Hash\": "
                    + "\"<64 lowercase hex digits>\"}");
            return Persisted.REFUSED;
        }
        return new Persisted(hash);
    }

    /** The document registered under the hash for the caller's tenant, or {@code null} after answering "not found". */
    private String lookUp(RoutingContext rc, Persisted persisted) {
        String query = persistedQueries.find(tenant(rc), persisted.hash()).orElse(null);
        if (query == null) {
            // The exact message and code Apollo Client and urql look for before resending with the document
            requestError(rc, Map.of("message", "PersistedQueryNotFound",
                    "extensions", extensions(ErrorCode.PERSISTED_QUERY_NOT_FOUND)));
        }
        return query;
    }

    private static String tenant(RoutingContext rc) {
        Caller caller = ((QuarkusHttpUser) rc.user()).getSecurityIdentity().getAttribute(CallerAugmentor.CALLER);
        return caller.tenant().value();
    }

    private void checkGet(RoutingContext rc) {
        for (String parameter : PARAMETERS) {
            if (rc.queryParams().getAll(parameter).size() > 1) {
                reject(rc, ErrorCode.BAD_REQUEST, "`" + parameter + "` may appear only once");
                return;
            }
        }
        String query = rc.queryParams().get("query");
        String variablesText = rc.queryParams().get("variables");
        String extensionsText = rc.queryParams().get("extensions");
        JsonObject variables = jsonObjectParameter(rc, "variables", variablesText);
        if (variablesText != null && variables == null) {
            return;
        }
        JsonObject extensions = jsonObjectParameter(rc, "extensions", extensionsText);
        if (extensionsText != null && extensions == null) {
            return;
        }
        Persisted persisted = persistedQuery(rc, extensions);
        if (persisted == Persisted.REFUSED) {
            return;
        }
        String text = documentText(rc, query, persisted);
        if (text == null) {
            return;
        }
        CheckedDocument document = check(rc, text);
        if (document == null) {
            return;
        }
        String operationName = rc.queryParams().get("operationName");
        if (document.operations().size() > 1) {
            reject(rc, ErrorCode.BAD_REQUEST, "GET requests must hold one operation; send documents with "
                    + "several operations with POST");
            return;
        }
        CheckedDocument.Operation selected = selectedOperation(rc, document, operationName);
        if (selected == null) {
            return;
        }
        if (selected.type() != OperationDefinition.Operation.QUERY) {
            rc.response().putHeader(HttpHeaders.ALLOW, "POST");
            reject(rc, ErrorCode.METHOD_NOT_ALLOWED, "GET can only run queries; send mutations with POST");
            return;
        }
        if (persisted != null && query != null) {
            persistedQueries.register(tenant(rc), persisted.hash(), text);
        }
        // SmallRye URL-decodes the (already decoded) parameters a second time, so a `+` or a `%` in them would be
        // mangled or fail: hand it the checked values encoded once more. The only operation is selected anyway,
        // and SmallRye would pass the query text as the operation name.
        rc.queryParams().remove("operationName");
        rc.queryParams().set("query", encode(text));
        if (variables != null) {
            rc.queryParams().set("variables", encode(variables.encode()));
        }
        if (extensions != null) {
            rc.queryParams().set("extensions", encode(extensions.encode()));
        }
        rc.put(OPERATION, operationName(operationName, document));
        rc.next();
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A GET parameter holding a JSON object, or {@code null} (after answering 400 when it was present but not one). */
    private static JsonObject jsonObjectParameter(RoutingContext rc, String name, String text) {
        if (text == null) {
            return null;
        }
        try {
            if (Json.decodeValue(text) instanceof JsonObject object) {
                return object;
            }
        } catch (DecodeException e) {
            // answered below
        }
        reject(rc, ErrorCode.BAD_REQUEST, "`" + name + "` must be a JSON object");
        return null;
    }

    /**
     * The operation a request runs: the one named by {@code operationName}, or the document's only one when no
     * name (or an empty one) is given; {@code null} after answering 400 when the choice is ambiguous or names no
     * operation of the document. graphql-java would otherwise run the first operation for an empty name.
     */
    private static CheckedDocument.Operation selectedOperation(RoutingContext rc, CheckedDocument document,
                                                               String operationName) {
        List<CheckedDocument.Operation> operations = document.operations();
        if (operationName == null || operationName.isEmpty()) {
            if (operations.size() == 1) {
                return operations.get(0);
            }
            reject(rc, ErrorCode.BAD_REQUEST, operations.isEmpty() ? "The document holds no operation"
                    : "The document holds " + operations.size() + " operations: name the one to run in `operationName`");
            return null;
        }
        for (CheckedDocument.Operation operation : operations) {
            if (operationName.equals(operation.name())) {
                return operation;
            }
        }
        reject(rc, ErrorCode.BAD_REQUEST, "`operationName` names no operation of the document");
        return null;
    }

    /** The operation's name for logs and metrics: the requested one, else the single operation's, else anonymous. */
    private static String operationName(String requested, CheckedDocument document) {
        if (requested != null && !requested.isBlank()) {
            return requested;
        }
        List<CheckedDocument.Operation> operations = document.operations();
        return operations.size() == 1 && operations.get(0).name() != null ? operations.get(0).name() : "anonymous";
    }

    /**
     * One INFO line per GraphQL request (operation, tenant, outcome, status, duration, upstream calls; never a
     * token, a credential or a phone number) and the operation latency metric.
     */
    private void logAndMeasure(RoutingContext rc) {
        long started = rc.<Long>get(STARTED);
        long nanos = System.nanoTime() - started;
        int status = rc.response().getStatusCode();
        String operation = boundedName(rc.get(OPERATION));
        String outcome = rc.get(GraphQLCustomizer.OUTCOME);
        if (outcome == null) {
            outcome = status >= 400 ? "rejected" : "ok";
        }
        String tenant = rc.get(GraphQLCustomizer.TENANT);
        Integer upstreamCalls = rc.get(GraphQLCustomizer.UPSTREAM_CALLS);
        String tenantLabel = metricsConfig.tenantLabels() ? (tenant == null ? "-" : tenant) : null;
        String timerKey = operation + '|' + outcome + '|' + tenantLabel;
        Timer timer = timers.get(timerKey);
        if (timer == null) {
            Timer.Builder builder = Timer.builder("gateway.graphql.operations")
                    .description("GraphQL requests by operation name and outcome")
                    .tag("operation", operation).tag("outcome", outcome).publishPercentileHistogram();
            if (tenantLabel != null) {
                builder.tag("tenant", tenantLabel);
            }
            timer = timers.computeIfAbsent(timerKey, k -> builder.register(metrics));
        }
        timer.record(nanos, TimeUnit.NANOSECONDS);
        if (!LOG.isInfoEnabled()) {
            return;
        }
        MDC.put("operation", operation);
        MDC.put("tenant", tenant == null ? "-" : tenant);
        MDC.put("outcome", outcome);
        try {
            LOG.infof("graphql operation=%s tenant=%s outcome=%s status=%d durationMs=%d upstreamCalls=%d", operation,
                    tenant == null ? "-" : tenant, outcome, status, TimeUnit.NANOSECONDS.toMillis(nanos),
                    upstreamCalls == null ? 0 : upstreamCalls);
        } finally {
            MDC.remove("operation");
            MDC.remove("tenant");
            MDC.remove("outcome");
        }
    }

    /** Operation names are client-chosen: only the first few hundred get their own metric label. */
    private String boundedName(String name) {
        if (name == null) {
            return "none";
        }
        if (operationNames.contains(name)) {
            return name;
        }
        if (operationNames.size() < metricsConfig.maxOperationNames() && name.length() <= 100) {
            operationNames.add(name);
            return name;
        }
        return "other";
    }

    /** The checked document, or {@code null} after answering a syntax error or an exceeded size limit. */
    private CheckedDocument check(RoutingContext rc, String query) {
        CheckedDocument known = checked.getIfPresent(query);
        if (known != null) {
            return known;
        }
        Document document = parse(rc, query);
        if (document == null) {
            return null;
        }
        CheckedDocument result = CheckedDocument.of(document);
        checked.put(query, result);
        return result;
    }

    /** The parsed document, or {@code null} after answering a syntax error or an exceeded size limit. */
    private Document parse(RoutingContext rc, String query) {
        java.util.Optional<DocumentBounds.Violation> textViolation = bounds.textViolation(query);
        if (textViolation.isPresent()) {
            refuse(rc, textViolation.get());
            return null;
        }
        try {
            Document document = new Parser().parseDocument(ParserEnvironment.newParserEnvironment()
                    .document(query).parserOptions(parserOptions).build());
            java.util.Optional<DocumentBounds.Violation> violation = bounds.violation(document);
            if (violation.isPresent()) {
                refuse(rc, violation.get());
                return null;
            }
            return document;
        } catch (ParseCancelledException e) {
            requestError(rc, Map.of(
                    "message", "The document is too large: at most " + limits.maxTokens() + " tokens are allowed",
                    "extensions", extensions(ErrorCode.QUERY_TOO_LARGE)));
            return null;
        } catch (InvalidSyntaxException e) {
            Map<String, Object> error = e.getLocation() == null
                    ? Map.of("message", "Syntax error: " + e.getMessage(), "extensions", extensions(ErrorCode.GRAPHQL_PARSE_FAILED))
                    : Map.of("message", "Syntax error: " + e.getMessage(), "extensions", extensions(ErrorCode.GRAPHQL_PARSE_FAILED),
                            "locations", List.of(Map.of("line", e.getLocation().getLine(),
                                    "column", e.getLocation().getColumn())));
            requestError(rc, error);
            return null;
        }
    }

    /**
     * A well-formed HTTP request whose document is refused: 400 for application/graphql-response+json clients,
     * 200 for application/json ones, as the GraphQL-over-HTTP specification says.
     */
    private static void requestError(RoutingContext rc, Map<String, Object> error) {
        String type = answerType(rc);
        write(rc, type.startsWith(GRAPHQL_RESPONSE_JSON) ? 400 : 200, type, error);
    }

    private static void refuse(RoutingContext rc, DocumentBounds.Violation violation) {
        requestError(rc, Map.of("message", violation.message(), "extensions", extensions(violation.code())));
    }

    private static void reject(RoutingContext rc, ErrorCode code, String message) {
        write(rc, code.httpStatus(), answerType(rc), Map.of("message", message, "extensions", extensions(code)));
    }

    private static Map<String, Object> extensions(ErrorCode code) {
        return Map.of("code", code.name(), "retryable", code.retryable());
    }

    private static void write(RoutingContext rc, int status, String type, Map<String, Object> error) {
        rc.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, type + "; charset=UTF-8")
                .end(new JsonObject().put("errors", List.of(error)).encode());
    }

    /** The negotiated media type, or application/json where none was (a handshake, an unacceptable Accept). */
    private static String answerType(RoutingContext rc) {
        String type = responseType(rc);
        return type == null ? "application/json" : type;
    }

    /**
     * The media type to answer in, from {@code Accept} in the client's order of preference: application/json or
     * application/graphql-response+json when named, application/json for {@code *&#47;*}, {@code application/*} or no
     * Accept at all (the GraphQL-over-HTTP specification's advice for clients that do not say), {@code null} when
     * the client accepts neither.
     */
    private static String responseType(RoutingContext rc) {
        String chosen = rc.get(RESPONSE_TYPE);
        if (chosen != null) {
            return chosen;
        }
        List<io.vertx.ext.web.MIMEHeader> accepted = rc.parsedHeaders() == null ? List.of() : rc.parsedHeaders().accept();
        if (accepted == null || accepted.isEmpty()) {
            return "application/json";
        }
        for (io.vertx.ext.web.MIMEHeader header : accepted) {
            String type = header.rawValue().split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
            switch (type) {
                case GRAPHQL_RESPONSE_JSON, "application/graphql+json":
                    return GRAPHQL_RESPONSE_JSON;
                case "application/json", "*/*", "application/*":
                    return "application/json";
                default:
                    break;
            }
        }
        return null;
    }
}
