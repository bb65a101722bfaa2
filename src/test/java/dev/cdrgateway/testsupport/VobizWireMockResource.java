package dev.cdrgateway.testsupport;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * Starts WireMock on a random loopback port as the Vobiz upstream (both APIs) and points the REST clients at
 * it. Stubs are set by each test, not here.
 */
public class VobizWireMockResource implements QuarkusTestResourceLifecycleManager {

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(configuration());
        server.start();
        return Map.of(
                "quarkus.rest-client.vobiz-partner.url", server.baseUrl(),
                "quarkus.rest-client.vobiz-account.url", server.baseUrl());
    }

    /** The server's configuration, with the {@link UpstreamGate} stubs may name; subclasses may add extensions. */
    protected WireMockConfiguration configuration() {
        return options().dynamicPort().bindAddress("127.0.0.1").containerThreads(32)
                .asynchronousResponseEnabled(true).asynchronousResponseThreads(16).extensions(new UpstreamGate());
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(server,
                new TestInjector.AnnotatedAndMatchesType(InjectWireMock.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
