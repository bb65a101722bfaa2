package dev.cdrgateway.http;

import dev.cdrgateway.domain.error.ErrorCode;
import graphql.language.OperationDefinition;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The rules of a GraphQL GET: each parameter at most once, {@code variables} and {@code extensions} JSON objects,
 * one operation per document, and queries only (a mutation over GET is 405 with {@code Allow: POST}, so a link
 * or an image cannot change anything). Its document passes {@link DocumentChecks} first. Also works around
 * SmallRye decoding the query string a second time and taking the query text for the operation name.
 */
@ApplicationScoped
class GetRequests {

    /** The GraphQL-over-HTTP request parameters; each may appear once. */
    private static final List<String> PARAMETERS = List.of("query", "variables", "operationName", "extensions");

    private final PersistedQueryProtocol persistedQueries;
    private final DocumentChecks documents;

    GetRequests(PersistedQueryProtocol persistedQueries, DocumentChecks documents) {
        this.persistedQueries = persistedQueries;
        this.documents = documents;
    }

    /** Passes the request on to SmallRye, or answers it. */
    void check(RoutingContext rc, GraphQLExchange exchange) {
        for (String parameter : PARAMETERS) {
            if (rc.queryParams().getAll(parameter).size() > 1) {
                ErrorResponses.refuse(rc, ErrorCode.BAD_REQUEST, "`" + parameter + "` may appear only once");
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
        PersistedQueryProtocol.Persisted persisted = persistedQueries.extension(rc, extensions);
        if (persisted == PersistedQueryProtocol.Persisted.REFUSED) {
            return;
        }
        String text = persistedQueries.documentText(rc, query, persisted);
        if (text == null) {
            return;
        }
        CheckedDocument document = documents.check(rc, text);
        if (document == null) {
            return;
        }
        String operationName = rc.queryParams().get("operationName");
        if (document.operations().size() > 1) {
            ErrorResponses.refuse(rc, ErrorCode.BAD_REQUEST, "GET requests must hold one operation; send documents "
                    + "with several operations with POST");
            return;
        }
        CheckedDocument.Operation selected = OperationSelection.select(rc, document, operationName);
        if (selected == null) {
            return;
        }
        if (selected.type() != OperationDefinition.Operation.QUERY) {
            rc.response().putHeader(HttpHeaders.ALLOW, "POST");
            ErrorResponses.refuse(rc, ErrorCode.METHOD_NOT_ALLOWED,
                    "GET can only run queries; send mutations with POST");
            return;
        }
        if (persisted != null && query != null) {
            persistedQueries.register(rc, persisted, text);
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
        exchange.runs(OperationSelection.name(operationName, document));
        rc.next();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
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
        ErrorResponses.refuse(rc, ErrorCode.BAD_REQUEST, "`" + name + "` must be a JSON object");
        return null;
    }
}
