package dev.cdrgateway.http;

import io.vertx.ext.web.RoutingContext;

import java.util.Optional;

/**
 * What the transport learns about one GraphQL request over HTTP as its rules run: when it arrived, the media type
 * it is answered in, the operation it runs. One typed entry on the request's {@link RoutingContext}, read by the
 * rules that follow, the error responses and the request's completion event.
 */
final class GraphQLExchange {

    private static final String KEY = GraphQLExchange.class.getName();

    private final long startedNanos;
    private String responseType;
    private String operation;

    private GraphQLExchange(long startedNanos) {
        this.startedNanos = startedNanos;
    }

    /** Starts the exchange of a request arriving now. */
    static GraphQLExchange start(RoutingContext rc) {
        GraphQLExchange exchange = new GraphQLExchange(System.nanoTime());
        rc.put(KEY, exchange);
        return exchange;
    }

    /** The request's exchange, if the transport's rules have started on it. */
    static Optional<GraphQLExchange> of(RoutingContext rc) {
        return Optional.ofNullable(rc.get(KEY));
    }

    /** {@link System#nanoTime()} when the request arrived. */
    long startedNanos() {
        return startedNanos;
    }

    /** The negotiated media type, {@code null} before negotiation (and on WebSocket handshakes, which have none). */
    String responseType() {
        return responseType;
    }

    void answerIn(String mediaType) {
        this.responseType = mediaType;
    }

    /** The name of the operation the request runs, {@code null} until its document was checked. */
    String operation() {
        return operation;
    }

    void runs(String operationName) {
        this.operation = operationName;
    }
}
