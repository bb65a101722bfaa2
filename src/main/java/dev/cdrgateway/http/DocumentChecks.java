package dev.cdrgateway.http;

import com.github.benmanes.caffeine.cache.Cache;
import dev.cdrgateway.domain.error.ErrorCode;
import dev.cdrgateway.graphql.DocumentBounds;
import dev.cdrgateway.graphql.LimitsConfig;
import dev.cdrgateway.resilience.LocalCaches;
import graphql.language.Document;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import graphql.parser.exceptions.ParseCancelledException;
import io.quarkus.runtime.StartupEvent;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The document limits, applied to a request's document before SmallRye sees it: its text
 * ({@link DocumentBounds#textViolation}), the parser's token and character limits, then its structure
 * ({@link DocumentBounds#violation}). Syntax errors get {@code GRAPHQL_PARSE_FAILED} with the parser's location
 * instead of SmallRye's bare "Unparseable input document".
 *
 * <p>Documents that passed are cached by their text: dashboards send the same few all day, and parsing is most of
 * the transport's cost.
 */
@ApplicationScoped
class DocumentChecks {

    private final LimitsConfig limits;
    private final DocumentBounds bounds;
    private final ParserOptions parserOptions;
    private final Cache<String, CheckedDocument> checked = LocalCaches.newBuilder()
            // bounded by text size, not count: a document may be as large as the body limit
            .maximumWeight(4_000_000).weigher((String text, CheckedDocument document) -> text.length())
            .build();

    DocumentChecks(LimitsConfig limits) {
        this.limits = limits;
        this.bounds = new DocumentBounds(limits);
        this.parserOptions = ParserOptions.getDefaultOperationParserOptions().transform(b -> b
                .maxTokens(limits.maxTokens()).maxCharacters(limits.maxBodyBytes())
                .captureSourceLocation(true).captureLineComments(false));
    }

    /** SmallRye parses operations with graphql-java's operation defaults: give them the same token limit. */
    void shareParserLimits(@Observes StartupEvent started) {
        ParserOptions.setDefaultOperationParserOptions(parserOptions);
    }

    /** The checked document, or {@code null} after answering a syntax error or an exceeded limit. */
    CheckedDocument check(RoutingContext rc, String query) {
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

    /** The parsed document, or {@code null} after answering a syntax error or an exceeded limit. */
    private Document parse(RoutingContext rc, String query) {
        Optional<DocumentBounds.Violation> textViolation = bounds.textViolation(query);
        if (textViolation.isPresent()) {
            refuse(rc, textViolation.get());
            return null;
        }
        try {
            Document document = new Parser().parseDocument(ParserEnvironment.newParserEnvironment()
                    .document(query).parserOptions(parserOptions).build());
            Optional<DocumentBounds.Violation> violation = bounds.violation(document);
            if (violation.isPresent()) {
                refuse(rc, violation.get());
                return null;
            }
            return document;
        } catch (ParseCancelledException e) {
            ErrorResponses.requestError(rc, ErrorResponses.error(ErrorCode.QUERY_TOO_LARGE,
                    "The document is too large: at most " + limits.maxTokens() + " tokens are allowed"));
            return null;
        } catch (InvalidSyntaxException e) {
            Map<String, Object> error = ErrorResponses.error(ErrorCode.GRAPHQL_PARSE_FAILED,
                    "Syntax error: " + e.getMessage());
            if (e.getLocation() != null) {
                error = Map.of("message", error.get("message"), "extensions", error.get("extensions"),
                        "locations", List.of(Map.of("line", e.getLocation().getLine(),
                                "column", e.getLocation().getColumn())));
            }
            ErrorResponses.requestError(rc, error);
            return null;
        }
    }

    private static void refuse(RoutingContext rc, DocumentBounds.Violation violation) {
        ErrorResponses.requestError(rc, ErrorResponses.error(violation.code(), violation.message()));
    }
}
