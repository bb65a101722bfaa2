package dev.cdrgateway.resilience;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two requests share one upstream call; its answer arrives on the context of the request that made it. Each request
 * must resume on its own Vert.x context, where its own CDI request context (its caller) lives: resumed on the other
 * request's context, it would resolve its next fields as the other caller.
 */
@QuarkusTest
class CallersContextTest {

    @Inject
    UpstreamPipeline pipeline;

    @Inject
    Vertx vertx;

    @Test
    void aSharedAnswerReachesEachReaderOnItsOwnContext() throws Exception {
        CompletableFuture<String> upstream = new CompletableFuture<>();
        AtomicInteger calls = new AtomicInteger();
        UpstreamRead<String> read = new UpstreamRead<>(new DirectApi(), "callers-context-test", "MA_CONTEXT01", "acme",
                CacheClass.OPEN, Map.of("page", "1"), () -> {
                    calls.incrementAndGet();
                    return Uni.createFrom().completionStage(upstream);
                });
        Context starter = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        Context joiner = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        CompletableFuture<Context> starterResumedOn = new CompletableFuture<>();
        CompletableFuture<Context> joinerResumedOn = new CompletableFuture<>();
        CountDownLatch subscribed = new CountDownLatch(2);

        starter.runOnContext(v -> {
            pipeline.readFresh(read).subscribe().with(answer -> starterResumedOn.complete(Vertx.currentContext()));
            subscribed.countDown();
        });
        joiner.runOnContext(v -> {
            pipeline.readFresh(read).subscribe().with(answer -> joinerResumedOn.complete(Vertx.currentContext()));
            subscribed.countDown();
        });
        assertTrue(subscribed.await(10, TimeUnit.SECONDS), "both readers subscribed");
        starter.runOnContext(v -> upstream.complete("the answer")); // the answer arrives where the call was made

        assertSame(starter, starterResumedOn.get(10, TimeUnit.SECONDS));
        assertSame(joiner, joinerResumedOn.get(10, TimeUnit.SECONDS), "the joining reader resumed on another context");
        assertEquals(1, calls.get(), "the two reads share one upstream call");
    }

    /** An upstream API without a breaker: the test is about where answers are delivered. */
    private static final class DirectApi implements UpstreamApi {
        @Override
        public String displayName() {
            return "test";
        }

        @Override
        public <T> Uni<T> throughBreaker(Supplier<Uni<T>> call) {
            return call.get();
        }
    }
}
