package dev.cdrgateway.http;

import dev.cdrgateway.domain.error.ErrorCode;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The envelope of a GraphQL POST: the body must be {@code application/json} (415 otherwise, which also stops
 * cross-site "simple" form and {@code text/plain} posts: CSRF) holding one JSON object (no batches) whose
 * {@code query} and {@code operationName} are strings and {@code variables} and {@code extensions} objects (400
 * otherwise). Its document then passes {@link DocumentChecks} and names the operation it runs.
 */
@ApplicationScoped
class PostRequests {

    private final PersistedQueryProtocol persistedQueries;
    private final DocumentChecks documents;

    PostRequests(PersistedQueryProtocol persistedQueries, DocumentChecks documents) {
        this.persistedQueries = persistedQueries;
        this.documents = documents;
    }

    /** Passes the request on to SmallRye, or answers it. */
    void check(RoutingContext rc, GraphQLExchange exchange) {
        String contentType = rc.request().getHeader(HttpHeaders.CONTENT_TYPE);
        if (contentType == null || !contentType.split(";", 2)[0].strip().equalsIgnoreCase("application/json")) {
            ErrorResponses.refuse(rc, ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "POST requests must send a JSON body with Content-Type: application/json");
            return;
        }
        Object body;
        try {
            body = rc.body().buffer() == null ? null : Json.decodeValue(rc.body().buffer());
        } catch (DecodeException e) {
            ErrorResponses.refuse(rc, ErrorCode.BAD_REQUEST, "The request body is not valid JSON");
            return;
        }
        if (body instanceof JsonArray) {
            ErrorResponses.refuse(rc, ErrorCode.BAD_REQUEST,
                    "Batched requests (a JSON array) are not supported; send one operation");
            return;
        }
        if (!(body instanceof JsonObject request)) {
            ErrorResponses.refuse(rc, ErrorCode.BAD_REQUEST, "The request body must be a JSON object with a `query` string");
            return;
        }
        Object variables = request.getValue("variables");
        if (variables != null && !(variables instanceof JsonObject)) {
            ErrorResponses.refuse(rc, ErrorCode.BAD_REQUEST, "`variables` must be a JSON object");
            return;
        }
        Object operationName = request.getValue("operationName");
        if (operationName != null && !(operationName instanceof String)) {
            ErrorResponses.refuse(rc, ErrorCode.BAD_REQUEST, "`operationName` must be a string");
            return;
        }
        Object query = request.getValue("query");
        if (query != null && !(query instanceof String)) {
            ErrorResponses.refuse(rc, ErrorCode.BAD_REQUEST, "`query` must be a string");
            return;
        }
        PersistedQueryProtocol.Persisted persisted = persistedQueries.extension(rc, request.getValue("extensions"));
        if (persisted == PersistedQueryProtocol.Persisted.REFUSED) {
            return;
        }
        String text = persistedQueries.documentText(rc, (String) query, persisted);
        if (text == null) {
            return;
        }
        CheckedDocument document = documents.check(rc, text);
        if (document == null || OperationSelection.select(rc, document, (String) operationName) == null) {
            return;
        }
        if (persisted != null && query == null) {
            // SmallRye reads the body again: hand it the registered document
            rc.setBody(Buffer.buffer(request.copy().put("query", text).encode()));
        } else if (persisted != null) {
            persistedQueries.register(rc, persisted, text);
        }
        exchange.runs(OperationSelection.name((String) operationName, document));
        rc.next();
    }
}
