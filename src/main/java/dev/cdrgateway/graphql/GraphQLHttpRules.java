package dev.cdrgateway.graphql;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import dev.cdrgateway.GatewayConfig;
import dev.cdrgateway.live.WebSocketUpgrades;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import graphql.parser.exceptions.ParseCancelledException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
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
    private static final long MAX_BODY_BYTES = 256 * 1024;

    private static final Logger LOG = Logger.getLogger(GraphQLHttpRules.class);
    private static final String OPERATION = "cdr-gateway.operation";
    private static final String STARTED = "cdr-gateway.started";

    private final WebSocketUpgrades webSockets;
    private final GatewayConfig.Limits limits;
    private final GatewayConfig.Metrics metricsConfig;
    private final ParserOptions parserOptions;
    private final MeterRegistry metrics;
    private final Set<String> operationNames = ConcurrentHashMap.newKeySet();

    GraphQLHttpRules(GatewayConfig config, MeterRegistry metrics, WebSocketUpgrades webSockets) {
        this.webSockets = webSockets;
        this.limits = config.limits();
        this.metricsConfig = config.metrics();
        this.metrics = metrics;
        this.parserOptions = ParserOptions.getDefaultOperationParserOptions().transform(b -> b
                .maxTokens(limits.maxTokens()).captureSourceLocation(true).captureLineComments(false));
        // SmallRye parses operations with graphql-java's operation defaults: give them the same token limit.
        ParserOptions.setDefaultOperationParserOptions(parserOptions);
    }

    void install(@Observes Router router) {
        // No file uploads: a GraphQL body is JSON, and the default would create ./file-uploads (read-only root fs).
        router.route("/graphql").order(-101).handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES));
        // Before SmallRye's WebSocket handler (order -99), so a WebSocket upgrade passes the token check too.
        router.route("/graphql").order(-100).handler(this::check);
    }

    private void check(RoutingContext rc) {
        rc.put(STARTED, System.nanoTime());
        rc.addBodyEndHandler(v -> logAndMeasure(rc));
        if (rc.user() == null || rc.user() instanceof QuarkusHttpUser user && user.getSecurityIdentity().isAnonymous()) {
            if (webSockets.admitWithoutToken(rc)) {
                // The token follows in the GraphQL WebSocket's connection_init payload (WebSocketUpgrades).
                rc.next();
                return;
            }
            rc.response().putHeader("WWW-Authenticate", "Bearer");
            reject(rc, 401, "UNAUTHENTICATED", "A bearer token is required: send `Authorization: Bearer <token>` "
                    + "(in GraphiQL, add {\"Authorization\": \"Bearer <token>\"} under Headers). In dev and demo mode, "
                    + "GET /demo/tokens prints a token for each demo role.");
            return;
        }
        rc.addHeadersEndHandler(v -> {
            String type = rc.response().headers().get(HttpHeaders.CONTENT_TYPE);
            if (Boolean.TRUE.equals(rc.get(GraphQLCustomizer.REQUEST_FAILED)) && rc.response().getStatusCode() == 200
                    && type != null && type.startsWith(GRAPHQL_RESPONSE_JSON)) {
                rc.response().setStatusCode(400);
            }
        });
        if (rc.request().method() == HttpMethod.POST) {
            checkPost(rc);
        } else if (rc.request().method() == HttpMethod.GET && !rc.queryParams().isEmpty()) {
            checkGet(rc);
        } else {
            rc.next();
        }
    }

    private void checkPost(RoutingContext rc) {
        String contentType = rc.request().getHeader(HttpHeaders.CONTENT_TYPE);
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            reject(rc, 415, "UNSUPPORTED_MEDIA_TYPE",
                    "POST requests must send a JSON body with Content-Type: application/json");
            return;
        }
        Object body;
        try {
            body = rc.body().buffer() == null ? null : Json.decodeValue(rc.body().buffer());
        } catch (DecodeException e) {
            reject(rc, 400, "BAD_REQUEST", "The request body is not valid JSON");
            return;
        }
        if (body instanceof JsonArray) {
            reject(rc, 400, "BAD_REQUEST", "Batched requests (a JSON array) are not supported; send one operation");
            return;
        }
        if (!(body instanceof JsonObject request)) {
            reject(rc, 400, "BAD_REQUEST", "The request body must be a JSON object with a `query` string");
            return;
        }
        if (!(request.getValue("query") instanceof String query) || query.isBlank()) {
            reject(rc, 400, "BAD_REQUEST", "The request body must contain a non-empty `query` string");
            return;
        }
        Object variables = request.getValue("variables");
        if (variables != null && !(variables instanceof JsonObject)) {
            reject(rc, 400, "BAD_REQUEST", "`variables` must be a JSON object");
            return;
        }
        Object operationName = request.getValue("operationName");
        if (operationName != null && !(operationName instanceof String)) {
            reject(rc, 400, "BAD_REQUEST", "`operationName` must be a string");
            return;
        }
        Document document = parse(rc, query);
        if (document != null) {
            rc.put(OPERATION, operationName((String) operationName, document));
            rc.next();
        }
    }

    private void checkGet(RoutingContext rc) {
        String query = rc.queryParams().get("query");
        if (query == null || query.isBlank()) {
            reject(rc, 400, "BAD_REQUEST", "GET requests must carry the operation in the `query` parameter");
            return;
        }
        Document document = parse(rc, query);
        if (document == null) {
            return;
        }
        List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
        String operationName = rc.queryParams().get("operationName");
        OperationDefinition selected = null;
        if (operations.size() == 1) {
            selected = operations.get(0);
        } else if (operationName != null) {
            selected = operations.stream().filter(o -> operationName.equals(o.getName())).findFirst().orElse(null);
        }
        if (selected == null) {
            reject(rc, 400, "BAD_REQUEST", "Name one operation of the document in `operationName`, or use POST");
            return;
        }
        if (selected.getOperation() != OperationDefinition.Operation.QUERY) {
            rc.response().putHeader(HttpHeaders.ALLOW, "POST");
            reject(rc, 405, "METHOD_NOT_ALLOWED", "GET can only run queries; send mutations with POST");
            return;
        }
        rc.put(OPERATION, operationName(operationName, document));
        if (operationName != null) {
            if (operations.size() > 1 || !operationName.equals(selected.getName())) {
                reject(rc, 400, "BAD_REQUEST", "GET requests with several operations are not supported; use POST");
                return;
            }
            // SmallRye would pass the query text as the operation name; the only operation is selected anyway.
            rc.queryParams().remove("operationName");
        }
        rc.next();
    }

    /** The operation's name for logs and metrics: the requested one, else the single operation's, else anonymous. */
    private static String operationName(String requested, Document document) {
        if (requested != null && !requested.isBlank()) {
            return requested;
        }
        List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
        return operations.size() == 1 && operations.get(0).getName() != null ? operations.get(0).getName() : "anonymous";
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
        Timer.Builder timer = Timer.builder("gateway.graphql.operations")
                .description("GraphQL requests by operation name and outcome")
                .tag("operation", operation).tag("outcome", outcome).publishPercentileHistogram();
        if (metricsConfig.tenantLabels()) {
            timer.tag("tenant", tenant == null ? "-" : tenant);
        }
        timer.register(metrics).record(nanos, TimeUnit.NANOSECONDS);
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

    /** The parsed document, or {@code null} after answering a syntax error or an exceeded size limit. */
    private Document parse(RoutingContext rc, String query) {
        try {
            Document document = new Parser().parseDocument(ParserEnvironment.newParserEnvironment()
                    .document(query).parserOptions(parserOptions).build());
            int aliases = QueryCost.aliases(document);
            if (aliases > limits.maxAliases()) {
                requestError(rc, Map.of(
                        "message", "The document has " + aliases + " aliased fields; at most " + limits.maxAliases()
                                + " are allowed per request",
                        "extensions", extensions("TOO_MANY_ALIASES")));
                return null;
            }
            return document;
        } catch (ParseCancelledException e) {
            requestError(rc, Map.of(
                    "message", "The document is too large: at most " + limits.maxTokens() + " tokens are allowed",
                    "extensions", extensions("QUERY_TOO_LARGE")));
            return null;
        } catch (InvalidSyntaxException e) {
            Map<String, Object> error = e.getLocation() == null
                    ? Map.of("message", "Syntax error: " + e.getMessage(), "extensions", extensions("GRAPHQL_PARSE_FAILED"))
                    : Map.of("message", "Syntax error: " + e.getMessage(), "extensions", extensions("GRAPHQL_PARSE_FAILED"),
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
        String type = responseType(rc);
        write(rc, type.startsWith(GRAPHQL_RESPONSE_JSON) ? 400 : 200, type, error);
    }

    private static void reject(RoutingContext rc, int status, String code, String message) {
        write(rc, status, responseType(rc), Map.of("message", message, "extensions", extensions(code)));
    }

    private static Map<String, Object> extensions(String code) {
        return Map.of("code", code, "retryable", false);
    }

    private static void write(RoutingContext rc, int status, String type, Map<String, Object> error) {
        rc.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, type + "; charset=UTF-8")
                .end(new JsonObject().put("errors", List.of(error)).encode());
    }

    /** The media type to answer in: application/json when the client asked for it first, else the GraphQL one. */
    private static String responseType(RoutingContext rc) {
        String accept = rc.request().getHeader(HttpHeaders.ACCEPT);
        if (accept != null) {
            for (String part : accept.split(",")) {
                String type = part.split(";")[0].trim().toLowerCase(Locale.ROOT);
                if (type.equals("application/json")) {
                    return "application/json";
                }
                if (type.equals(GRAPHQL_RESPONSE_JSON)) {
                    return GRAPHQL_RESPONSE_JSON;
                }
            }
        }
        return GRAPHQL_RESPONSE_JSON;
    }
}
