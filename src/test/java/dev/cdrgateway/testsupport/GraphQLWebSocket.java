package dev.cdrgateway.testsupport;

import io.vertx.core.Vertx;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A minimal {@code graphql-transport-ws} client for tests, on Vert.x's WebSocket client. Every wait is bounded and
 * event driven: messages land in a queue the test takes from with a timeout.
 */
public final class GraphQLWebSocket implements AutoCloseable {

    /** How long a test waits for any one event before failing. */
    public static final Duration WAIT = Duration.ofSeconds(15);

    private final WebSocketClient client;
    private final WebSocket socket;
    private final BlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();
    private final CompletableFuture<Short> closed = new CompletableFuture<>();

    private GraphQLWebSocket(WebSocketClient client, WebSocket socket) {
        this.client = client;
        this.socket = socket;
        socket.textMessageHandler(text -> {
            JsonObject message = new JsonObject(text);
            if ("ping".equals(message.getString("type"))) {
                socket.writeTextMessage(new JsonObject().put("type", "pong").encode());
            } else {
                messages.add(message);
            }
        });
        socket.closeHandler(v -> closed.complete(socket.closeStatusCode()));
    }

    /** Opens a socket on {@code graphqlUri} with the graphql-transport-ws subprotocol; {@code token} may be null. */
    public static GraphQLWebSocket open(Vertx vertx, URI graphqlUri, String token) {
        WebSocketClient client = vertx.createWebSocketClient();
        WebSocketConnectOptions options = options(graphqlUri, token).addSubProtocol("graphql-transport-ws");
        try {
            WebSocket socket = client.connect(options).toCompletionStage().toCompletableFuture()
                    .get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            return new GraphQLWebSocket(client, socket);
        } catch (Exception e) {
            client.close();
            throw new IllegalStateException("WebSocket upgrade failed: " + e.getMessage(), e);
        }
    }

    /** The HTTP status the upgrade was refused with, or 101 when it was accepted (and then closed again). */
    public static int upgradeStatus(Vertx vertx, URI graphqlUri, String token, String subprotocol) {
        WebSocketClient client = vertx.createWebSocketClient();
        WebSocketConnectOptions options = options(graphqlUri, token);
        if (subprotocol != null) {
            options.addSubProtocol(subprotocol);
        }
        try {
            WebSocket socket = client.connect(options).toCompletionStage().toCompletableFuture()
                    .get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            socket.close();
            return 101;
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof UpgradeRejectedException rejected) {
                return rejected.getStatus();
            }
            throw new IllegalStateException(e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            client.close();
        }
    }

    private static WebSocketConnectOptions options(URI uri, String token) {
        WebSocketConnectOptions options = new WebSocketConnectOptions()
                .setHost(uri.getHost()).setPort(uri.getPort()).setURI(uri.getPath());
        if (token != null) {
            options.addHeader("Authorization", "Bearer " + token);
        }
        return options;
    }

    /** Sends {@code connection_init} (with the payload, if any) and waits for {@code connection_ack}. */
    public GraphQLWebSocket init(JsonObject payload) {
        JsonObject init = new JsonObject().put("type", "connection_init");
        if (payload != null) {
            init.put("payload", payload);
        }
        send(init);
        JsonObject ack = next();
        if (!"connection_ack".equals(ack.getString("type"))) {
            throw new AssertionError("expected connection_ack, got " + ack);
        }
        return this;
    }

    /** Sends {@code connection_init} with this payload and expects the server to close the socket: the close code. */
    public short sendInit(JsonObject payload) {
        send(new JsonObject().put("type", "connection_init").put("payload", payload));
        return awaitClosed();
    }

    /** Sends {@code connection_init} with {@code {"Authorization": "Bearer <token>"}} as its payload. */
    public GraphQLWebSocket initWithToken(String token) {
        return init(new JsonObject().put("Authorization", "Bearer " + token));
    }

    /** Starts operation {@code id}: the stored document with variables (key, value, ...). */
    public void subscribe(String id, String document, Object... variables) {
        Map<String, Object> vars = new HashMap<>();
        for (int i = 0; i < variables.length; i += 2) {
            vars.put((String) variables[i], variables[i + 1]);
        }
        send(new JsonObject().put("id", id).put("type", "subscribe").put("payload", new JsonObject()
                .put("query", GraphQLClient.document(document)).put("variables", new JsonObject(vars))));
    }

    /** Ends operation {@code id} from the client side. */
    public void complete(String id) {
        send(new JsonObject().put("id", id).put("type", "complete"));
    }

    /** The next message from the server; fails the test when none arrives in time. */
    public JsonObject next() {
        try {
            JsonObject message = messages.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (message == null) {
                throw new AssertionError("no message from the server within " + WAIT);
            }
            return message;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The next pushed {@code callCompleted} value; fails on anything else. */
    public JsonObject nextCall() {
        JsonObject message = next();
        JsonObject payload = message.getJsonObject("payload");
        if (!"next".equals(message.getString("type")) || payload.getValue("errors") != null) {
            throw new AssertionError("expected a call, got " + message);
        }
        return payload.getJsonObject("data").getJsonObject("callCompleted");
    }

    /** The errors of the next message, whether sent as an {@code error} message or as a {@code next} with errors. */
    public JsonArray nextErrors() {
        JsonObject message = next();
        if ("error".equals(message.getString("type"))) {
            return message.getJsonArray("payload");
        }
        if ("next".equals(message.getString("type")) && message.getJsonObject("payload").getJsonArray("errors") != null) {
            return message.getJsonObject("payload").getJsonArray("errors");
        }
        throw new AssertionError("expected errors, got " + message);
    }

    /** Messages received and not taken yet. */
    public int pending() {
        return messages.size();
    }

    /** The close status code once the server closed the socket; fails when it stays open. */
    public short awaitClosed() {
        try {
            return closed.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("the socket was not closed within " + WAIT, e);
        }
    }

    private void send(JsonObject message) {
        socket.writeTextMessage(message.encode());
    }

    @Override
    public void close() {
        socket.close();
        client.close();
    }
}
