package dev.cdrgateway.testsupport;

import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Holds the upstream's responses until a test lets them go, so a test proves concurrency by what is in flight at
 * once rather than by how long things took. Applies only to stubs that name it ({@code withTransformers(NAME)}),
 * and only between {@link #close()} (or {@link #closeUntil(int)}) and the gate opening; it is open otherwise.
 *
 * <p>A response is never held longer than {@link #MAX_HOLD}, so a test failing before it opens the gate cannot
 * leave WireMock's threads blocked for the next test.
 */
public final class UpstreamGate implements ResponseTransformerV2 {

    /** The transformer name stubs use. */
    public static final String NAME = "upstream-gate";
    /** The longest a response is held: a safety net, far beyond any request's upstream timeout in the tests. */
    static final Duration MAX_HOLD = Duration.ofSeconds(20);

    private static volatile Hold hold = Hold.opened();

    /** One closing of the gate: it opens when {@code opensAt} requests are held at once, or when told. */
    private static final class Hold {
        final CountDownLatch open = new CountDownLatch(1);
        final AtomicInteger arrived = new AtomicInteger();
        final int opensAt;
        volatile boolean openedByArrivals;

        Hold(int opensAt) {
            this.opensAt = opensAt;
        }

        static Hold opened() {
            Hold hold = new Hold(0);
            hold.open.countDown();
            return hold;
        }
    }

    /** Holds responses until {@link #open()}. */
    public static void close() {
        closeUntil(Integer.MAX_VALUE);
    }

    /** Holds responses until {@code requests} of them are held at the same time (a barrier), or {@link #open()}. */
    public static void closeUntil(int requests) {
        hold.open.countDown();
        hold = new Hold(requests);
    }

    /** Lets every held and later response go. */
    public static void open() {
        hold.open.countDown();
    }

    /** Requests that arrived since the gate was last closed. */
    public static int arrived() {
        return hold.arrived.get();
    }

    /** Whether the gate opened because the {@link #closeUntil barrier's} requests were all held at once. */
    public static boolean openedByArrivals() {
        return hold.openedByArrivals;
    }

    @Override
    public Response transform(Response response, ServeEvent serveEvent) {
        Hold current = hold;
        if (current.arrived.incrementAndGet() >= current.opensAt && current.open.getCount() > 0) {
            current.openedByArrivals = true;
            current.open.countDown();
        }
        try {
            current.open.await(MAX_HOLD.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return response;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }
}
