package dev.cdrgateway.testsupport;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

/**
 * The gateway wired to its own embedded simulator, as in dev/demo mode, but with a small fixed dataset (8
 * customers, 10 days up to 2026-03-25) as tenant {@code acme}'s upstream. The port is chosen once per test JVM
 * (a free loopback port) and fixed for the profile, so the REST clients can point back at the server and two
 * builds on one machine do not collide.
 */
public class SimulatedUpstreamProfile implements QuarkusTestProfile {

    /** Loopback port of this profile's server; fixed per JVM because the clients' URL must be known at start. */
    public static final int PORT = freeLoopbackPort();

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port for the simulated upstream", e);
        }
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        String url = "http://127.0.0.1:" + PORT + "/sim";
        return Map.ofEntries(
                Map.entry("quarkus.http.test-port", Integer.toString(PORT)),
                Map.entry("simulator.enabled", "true"),
                Map.entry("simulator.path", "/sim"),
                Map.entry("simulator.customers", "8"),
                Map.entry("simulator.days", "10"),
                Map.entry("simulator.calls-per-day", "10"),
                Map.entry("simulator.anchor-date", "2026-03-25"),
                Map.entry("simulator.seed", "7"),
                Map.entry("quarkus.rest-client.vobiz-partner.url", url),
                Map.entry("quarkus.rest-client.vobiz-account.url", url),
                Map.entry("gateway.tenants.acme.partner.auth-id", "PA_SIMULATOR"),
                Map.entry("gateway.tenants.acme.partner.auth-token", "sim-partner-token"));
    }
}
