package dev.cdrgateway.insights;

import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.cdrgateway.testsupport.VobizWireMockResource;

import java.util.concurrent.atomic.AtomicInteger;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * WireMock as the Vobiz upstream (like {@code VobizWireMockResource}) whose every response takes
 * {@value #LATENCY_MS} ms and which records the most requests it ever had in flight at once, so a test can prove
 * a fan-out bound by counting rather than by timing.
 */
public class InFlightWireMockResource extends VobizWireMockResource {

    /** Simulated upstream latency: long enough that a fan-out's calls overlap. */
    static final long LATENCY_MS = 150;
    private static final AtomicInteger IN_FLIGHT = new AtomicInteger();
    private static final AtomicInteger MAX_IN_FLIGHT = new AtomicInteger();

    /** The most requests in flight at once since the last {@link #resetMax()}. */
    static int maxInFlight() {
        return MAX_IN_FLIGHT.get();
    }

    static void resetMax() {
        MAX_IN_FLIGHT.set(0);
    }

    /** As the plain resource, but every response is held by {@link Latency} (no asynchronous responses). */
    @Override
    protected WireMockConfiguration configuration() {
        return options().dynamicPort().bindAddress("127.0.0.1").containerThreads(32).extensions(new Latency());
    }

    /** Holds every response for the latency while counting the requests being served. */
    static final class Latency implements ResponseTransformerV2 {
        @Override
        public Response transform(Response response, ServeEvent serveEvent) {
            MAX_IN_FLIGHT.accumulateAndGet(IN_FLIGHT.incrementAndGet(), Math::max);
            try {
                Thread.sleep(LATENCY_MS); // the upstream's latency, not a wait for the test
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                IN_FLIGHT.decrementAndGet();
            }
            return response;
        }

        @Override
        public String getName() {
            return "in-flight-latency";
        }
    }
}
