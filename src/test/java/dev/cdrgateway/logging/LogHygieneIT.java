package dev.cdrgateway.logging;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.not;

/**
 * Runs after the whole test suite (failsafe, {@code integration-test} phase) over the log the suite's Quarkus
 * instances wrote ({@code target/quarkus-test.log}, DEBUG for the gateway's own packages): no configured or
 * stubbed credential value and no bearer token appears in it.
 */
class LogHygieneIT {

    private static final Path LOG = Path.of("target/quarkus-test.log");
    /** Secrets the tests put into upstream stubs, secret directories and simulator records. */
    private static final List<String> TEST_SECRETS = List.of("demo-customer-token-0001-not-real",
            "LEAKY-CUSTOMER-TOKEN-7f3a9c", "initech-token-v1", "initech-token-v2", "initech-customer-token",
            "sim-partner-token", "simtok-");
    private static final Pattern CONFIGURED_TOKEN = Pattern.compile("^[^#]*auth-token=(.+)$", Pattern.MULTILINE);
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}");

    @Test
    void noCredentialOrBearerTokenIsLogged() throws IOException {
        String log = Files.readString(LOG, StandardCharsets.UTF_8);
        // Evidence the log covers real traffic, so the absences below mean something.
        assertThat(log, containsString("Upstream credentials loaded"));
        assertThat(log, containsString("Vobiz account API answered HTTP 401"));
        assertThat(log, containsString("Bearer token rejected"));

        List<String> found = new ArrayList<>();
        for (String secret : secrets()) {
            if (log.contains(secret)) {
                found.add(secret);
            }
        }
        Matcher jwt = JWT.matcher(log);
        if (jwt.find()) {
            found.add("a bearer token (JWT) at offset " + jwt.start());
        }
        assertThat("secrets found in " + LOG, found, empty());
        assertThat(log, not(containsString("X-Auth-Token:")));
    }

    private static List<String> secrets() throws IOException {
        List<String> secrets = new ArrayList<>(TEST_SECRETS);
        String properties = Files.readString(Path.of("src/main/resources/application.properties"));
        Matcher m = CONFIGURED_TOKEN.matcher(properties);
        while (m.find()) {
            String value = m.group(1).strip();
            if (!value.startsWith("${")) {
                secrets.add(value);
            }
        }
        return secrets;
    }
}
