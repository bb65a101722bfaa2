package dev.cdrgateway.http;

import dev.cdrgateway.domain.error.ErrorCode;
import dev.cdrgateway.security.AdmissionPolicy;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Automatic persisted queries on a request, as Apollo Client and urql speak them: a request's
 * {@code extensions.persistedQuery} names the document by its SHA-256; the document is the client's own text
 * (which must then match the hash, and is registered once it passed the checks) or the one registered under the
 * hash for the caller's tenant ({@link PersistedQueries}); an unknown hash gets {@code PersistedQueryNotFound}.
 */
@ApplicationScoped
class PersistedQueryProtocol {

    /** A client's {@code extensions.persistedQuery}: the hash of the document it means. */
    record Persisted(String hash) {
        /** Marker: the extension was malformed or persisted queries are off, and the request was answered. */
        static final Persisted REFUSED = new Persisted("");
    }

    private final PersistedQueries store;
    private final AdmissionPolicy admission;

    PersistedQueryProtocol(PersistedQueries store, AdmissionPolicy admission) {
        this.store = store;
        this.admission = admission;
    }

    /** The persisted-query extension of a request, {@code null} without one, {@link Persisted#REFUSED} if answered. */
    Persisted extension(RoutingContext rc, Object extensions) {
        if (extensions == null) {
            return null;
        }
        if (!(extensions instanceof JsonObject json)) {
            ErrorResponses.refuse(rc, ErrorCode.BAD_REQUEST, "`extensions` must be a JSON object");
            return Persisted.REFUSED;
        }
        Object value = json.getValue("persistedQuery");
        if (value == null) {
            return null;
        }
        if (!store.enabled()) {
            ErrorResponses.requestError(rc, ErrorResponses.error(ErrorCode.PERSISTED_QUERY_NOT_SUPPORTED,
                    "PersistedQueryNotSupported"));
            return Persisted.REFUSED;
        }
        if (!(value instanceof JsonObject persisted) || !(persisted.getValue("version") instanceof Number version)
                || version.intValue() != 1 || !(persisted.getValue("sha256Hash") instanceof String hash)
                || !PersistedQueries.wellFormed(hash)) {
            ErrorResponses.refuse(rc, ErrorCode.BAD_REQUEST, "`extensions.persistedQuery` must be {\"version\": 1, "
                    + "\"sha256Hash\": \"<64 lowercase hex digits>\"}");
            return Persisted.REFUSED;
        }
        return new Persisted(hash);
    }

    /**
     * The document to run: the client's own text (which must match its hash when it sends one), or the one
     * registered under the hash; {@code null} after answering the request.
     */
    String documentText(RoutingContext rc, String text, Persisted persisted) {
        if (persisted == null || text != null) {
            if (text == null || text.isBlank()) {
                ErrorResponses.refuse(rc, ErrorCode.BAD_REQUEST, "The request must carry a non-empty `query` string, "
                        + "or the `extensions.persistedQuery` hash of a registered one");
                return null;
            }
            if (persisted != null && !persisted.hash().equals(PersistedQueries.sha256(text))) {
                ErrorResponses.refuse(rc, ErrorCode.BAD_REQUEST,
                        "`extensions.persistedQuery.sha256Hash` is not the SHA-256 of `query`");
                return null;
            }
            return text;
        }
        String query = store.find(tenant(rc), persisted.hash()).orElse(null);
        if (query == null) {
            // The exact message and code Apollo Client and urql look for before resending with the document
            ErrorResponses.requestError(rc, ErrorResponses.error(ErrorCode.PERSISTED_QUERY_NOT_FOUND,
                    "PersistedQueryNotFound"));
        }
        return query;
    }

    /** Registers a document the client sent with its hash, once it passed the checks. */
    void register(RoutingContext rc, Persisted persisted, String text) {
        store.register(tenant(rc), persisted.hash(), text);
    }

    private String tenant(RoutingContext rc) {
        return admission.caller(rc).orElseThrow().tenant().value();
    }
}
