package dev.cdrgateway.http;

import dev.cdrgateway.domain.error.ErrorCode;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.MIMEHeader;
import io.vertx.ext.web.RoutingContext;

import java.util.List;
import java.util.Locale;

/**
 * The media type a GraphQL request is answered in, chosen from {@code Accept} in the client's order of preference
 * as the GraphQL-over-HTTP specification says: {@code application/json} or
 * {@code application/graphql-response+json} when named, {@code application/json} for {@code *&#47;*},
 * {@code application/*} or no {@code Accept} at all; a request that accepts neither is refused with 406.
 */
final class ResponseMediaType {

    static final String GRAPHQL_RESPONSE_JSON = "application/graphql-response+json";
    static final String JSON = "application/json";

    private ResponseMediaType() {
    }

    /** Chooses the request's media type; {@code false} after answering 406 when the client accepts none. */
    static boolean negotiate(RoutingContext rc, GraphQLExchange exchange) {
        String type = fromAccept(rc);
        if (type == null) {
            exchange.answerIn(JSON);
            ErrorResponses.refuse(rc, ErrorCode.NOT_ACCEPTABLE, "This endpoint answers application/json or "
                    + GRAPHQL_RESPONSE_JSON + "; send one of them (or */*) in Accept");
            return false;
        }
        exchange.answerIn(type);
        // SmallRye refuses an Accept that names no JSON type even when a wildcard admits one (406, empty body); it
        // falls back to this raw header when no parsed entry is its own, so name the chosen type there.
        rc.request().headers().set(HttpHeaders.ACCEPT, type);
        return true;
    }

    /**
     * The media type a refusal of this GraphQL request is written in: the negotiated one, else the one its
     * {@code Accept} asks for (a refusal before negotiation, such as a body over the limit), else JSON.
     */
    static String answerType(RoutingContext rc) {
        String chosen = GraphQLExchange.of(rc).map(GraphQLExchange::responseType).orElse(null);
        if (chosen != null) {
            return chosen;
        }
        String requested = fromAccept(rc);
        return requested == null ? JSON : requested;
    }

    /** The type {@code Accept} asks for, or {@code null} when the client accepts neither JSON type. */
    private static String fromAccept(RoutingContext rc) {
        List<MIMEHeader> accepted = rc.parsedHeaders() == null ? List.of() : rc.parsedHeaders().accept();
        if (accepted == null || accepted.isEmpty()) {
            return JSON;
        }
        for (MIMEHeader header : accepted) {
            String type = header.rawValue().split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
            switch (type) {
                case GRAPHQL_RESPONSE_JSON, "application/graphql+json":
                    return GRAPHQL_RESPONSE_JSON;
                case JSON, "*/*", "application/*":
                    return JSON;
                default:
                    break;
            }
        }
        return null;
    }
}
