package dev.cdrgateway.deploy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;
import io.smallrye.config.WithParentName;
import io.smallrye.config.WithUnnamedKey;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Keeps the hand-kept Kubernetes manifests ({@code deploy/k8s}) and the Dockerfiles in step with the application.
 * Plain JUnit, no Quarkus boot. Every overlay is rendered by the small Kustomize subset implemented here (it fails
 * on any Kustomize feature it does not implement) and, when {@code kubectl} is on the PATH, also by
 * {@code kubectl kustomize}, whose output must be the same objects. The rendered objects are checked against
 * {@code application.properties}, the application's {@code @ConfigMapping} interfaces, the Quarkus configuration
 * roots on the classpath (for {@code QUARKUS_*} variables) and the Dockerfiles: ports, probe paths, required
 * settings and Secrets, and the security settings every variant must keep.
 */
@SuppressWarnings("unchecked")
class DeploymentManifestsTest {

    private static final Path PROJECT = Path.of("").toAbsolutePath();
    private static final Path K8S = PROJECT.resolve("deploy/k8s");
    private static final Path OVERLAYS = K8S.resolve("overlays");
    private static final Path BASE = K8S.resolve("base");
    private static final Path PROPERTIES = PROJECT.resolve("src/main/resources/application.properties");
    private static final Path DOCKER = PROJECT.resolve("src/main/docker");

    /** Names of the objects the manifests are built around. */
    private static final String APP = "cdr-gateway";
    private static final String CREDENTIALS_TEMPLATE = "secret-vobiz-credentials.template.yaml";
    private static final String CURSOR_TEMPLATE = "secret-cursor.template.yaml";

    /** The profiles a deployment may run: prod, or the self-contained demo (simulated upstream, demo tokens). */
    private static final Set<String> PROFILES = Set.of("prod", "demo");

    /**
     * Settings production cannot run without, whatever application.properties says (their values are
     * per-environment, so they are not in the file): the issuer, the credentials directory and the cursor key.
     */
    private static final List<String> PROD_REQUIRED = List.of(
            "quarkus.oidc.auth-server-url", "gateway.credentials-dir", "gateway.cursor-secret",
            "quarkus.rest-client.vobiz-partner.url", "quarkus.rest-client.vobiz-account.url");

    /** Planned {@code quarkus.shutdown.timeout} while application.properties has none. */
    private static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);

    /** Why the comparison with real Kustomize is skipped. */
    private static final String KUBECTL_MISSING = "no kubectl with Kustomize v4 or later on the PATH (install kubectl "
            + "1.21+, e.g. from pkgs.k8s.io; Debian 12's kubernetes-client 1.20 bundles Kustomize v2, which has no "
            + "components)";
    /** kubectl, once looked for. */
    private static Optional<Path> kubectl;

    // ---------------------------------------------------------------------------------------------------------
    // Tests

    static Stream<String> overlays() throws IOException {
        try (Stream<Path> dirs = Files.list(OVERLAYS)) {
            return dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList().stream();
        }
    }

    @Test
    void overlaysCoverDevProdAndTheNativeImage() throws IOException {
        List<String> names = overlays().toList();
        assertTrue(names.contains("dev"), "a dev overlay: " + names);
        assertTrue(names.contains("prod"), "a prod overlay: " + names);
        assertTrue(names.stream().anyMatch(n -> n.endsWith("-native")), "a native variant (<env>-native): " + names);
    }

    @Test
    void everyManifestParsesAndNamesItsObject() throws IOException {
        List<Path> files = yamlFiles(K8S);
        assertFalse(files.isEmpty(), "no manifests under " + K8S);
        for (Path file : files) {
            List<Map<String, Object>> docs = Yamls.load(file);
            assertFalse(docs.isEmpty(), file + " is empty");
            for (Map<String, Object> doc : docs) {
                assertNotNull(doc.get("apiVersion"), file + ": apiVersion");
                String kind = str(doc.get("kind"));
                assertNotNull(kind, file + ": kind");
                if (!isKustomization(kind)) {
                    assertNotNull(str(at(doc, "metadata", "name")), file + ": metadata.name");
                }
            }
        }
    }

    @Test
    void baseHoldsOneKindPerFileAndListsEveryResource() throws IOException {
        Map<String, Object> kustomization = Kustomize.kustomization(BASE);
        Set<String> listed = new LinkedHashSet<>(strings(kustomization.get("resources")));
        for (Path file : yamlFiles(BASE)) {
            String name = file.getFileName().toString();
            Set<String> kinds = Yamls.load(file).stream().map(d -> str(d.get("kind"))).collect(Collectors.toSet());
            assertEquals(1, kinds.size(), name + " holds one kind (one Kubernetes object per file): " + kinds);
            if (isKustomization(kinds.iterator().next())) {
                continue;
            }
            if (name.endsWith(".template.yaml")) {
                assertFalse(listed.contains(name), name + " is a template: it must not be a Kustomize resource");
            } else {
                assertTrue(listed.contains(name), name + " is not listed in base/kustomization.yaml resources");
            }
        }
    }

    @Test
    void secretsAreTemplatesWithoutValues() throws IOException {
        for (Path file : yamlFiles(PROJECT.resolve("deploy"))) {
            for (Map<String, Object> doc : Yamls.load(file)) {
                if (!"Secret".equals(doc.get("kind"))) {
                    continue;
                }
                assertTrue(file.getFileName().toString().endsWith(".template.yaml"),
                        file + ": Secrets are created by hand (deploy/README.md); only *.template.yaml may show one");
                assertFalse(doc.containsKey("data"), file + ": no base64 data in a template (secrets come from the cluster, never from the repository)");
                Map<String, Object> stringData = map(doc.get("stringData"));
                assertFalse(stringData.isEmpty(), file + ": the template lists its keys in stringData");
                stringData.forEach((k, v) -> assertEquals("", Objects.toString(v, ""),
                        file + ": template value of " + k + " must be empty"));
            }
        }
        // The credentials template documents exactly the file names CredentialStore reads.
        Map<String, String> constants = javaStringConstants(
                PROJECT.resolve("src/main/java/dev/cdrgateway/vobiz/CredentialStore.java"));
        Pattern credentialFile = Pattern.compile("[^.]+(" + Pattern.quote(constants.get("PARTNER_ID")) + "|"
                + Pattern.quote(constants.get("PARTNER_TOKEN")) + "|" + Pattern.quote(constants.get("CUSTOMER"))
                + "[^.]+" + Pattern.quote(constants.get("TOKEN")) + ")");
        Map<String, Object> credentials = Yamls.load(BASE.resolve(CREDENTIALS_TEMPLATE)).get(0);
        for (String key : map(credentials.get("stringData")).keySet()) {
            assertTrue(credentialFile.matcher(key).matches(), key + " is not a file name CredentialStore reads");
        }
        assertTrue(map(credentials.get("stringData")).keySet().stream()
                        .anyMatch(k -> k.endsWith(constants.get("PARTNER_TOKEN"))),
                "the credentials template shows a partner token key");
    }

    @Test
    void dockerfilesFollowTheQuarkusLayout() throws IOException {
        Dockerfile jvm = Dockerfile.read(DOCKER.resolve("Dockerfile.jvm"));
        Dockerfile nativeImage = Dockerfile.read(DOCKER.resolve("Dockerfile.native"));
        String release = pomProperty("maven.compiler.release");
        assertAll(
                () -> assertTrue(jvm.from().matches(".*/ubi9/openjdk-" + release + "-runtime:.+"),
                        "JVM base image is ubi9 openjdk-" + release + "-runtime: " + jvm.from()),
                () -> assertTrue(jvm.text().contains("target/quarkus-app/lib/")
                        && jvm.text().contains("target/quarkus-app/app/")
                        && jvm.text().contains("target/quarkus-app/quarkus/")
                        && jvm.text().contains("/deployments/quarkus-run.jar"), "fast-jar layout (target/quarkus-app)"),
                () -> assertEquals("185", jvm.user(), "JVM image user"),
                () -> assertTrue(nativeImage.from().matches(".*quarkus-micro-image:.+"),
                        "native base image is the Quarkus micro image: " + nativeImage.from()),
                () -> assertTrue(nativeImage.text().contains("target/*-runner"), "copies the native executable"),
                () -> assertEquals("1001", nativeImage.user(), "native image user"),
                () -> assertEquals(List.of(String.valueOf(appHttpPort())), jvm.exposed(), "JVM EXPOSE"),
                () -> assertEquals(List.of(String.valueOf(appHttpPort())), nativeImage.exposed(), "native EXPOSE"),
                () -> assertEquals("ghcr.io/cdr-gateway/cdr-gateway", jvm.repository(), "documented JVM tag"),
                () -> assertEquals("ghcr.io/cdr-gateway/cdr-gateway-native", nativeImage.repository(),
                        "documented native tag"),
                () -> assertTrue(jvm.text().contains("./mvnw package"), "Dockerfile.jvm says how to build the app"),
                () -> assertTrue(nativeImage.text().contains("./mvnw package -Dnative"),
                        "Dockerfile.native says how to build the executable"));
    }

    @Test
    void configCatalogueTellsRealKeysFromTypos() {
        Config config = Config.load();
        assertAll(
                () -> assertTrue(config.isKnownEnv("QUARKUS_OIDC_AUTH_SERVER_URL")),
                () -> assertTrue(config.isKnownEnv("QUARKUS_OIDC_WHITELABEL_AUTH_SERVER_URL")),
                () -> assertTrue(config.isKnownEnv("QUARKUS_PROFILE")),
                () -> assertTrue(config.isKnownEnv("QUARKUS_HTTP_HOST")),
                () -> assertTrue(config.isKnownEnv("QUARKUS_REST_CLIENT_VOBIZ_PARTNER_URL")),
                () -> assertTrue(config.isKnownEnv("GATEWAY_CREDENTIALS_DIR")),
                () -> assertTrue(config.isKnownEnv("GATEWAY_CURSOR_SECRET")),
                () -> assertTrue(config.isKnownEnv("GATEWAY_TENANTS_ACME_PARTNER_AUTH_TOKEN")),
                () -> assertTrue(config.isKnownEnv("GATEWAY_CORS_ORIGINS"), "referenced by application.properties"),
                () -> assertFalse(config.isKnownEnv("GATEWAY_CURSOR_SECRETS")),
                () -> assertFalse(config.isKnownEnv("GATEWAY_CREDENTIALS_DIRECTORY")),
                () -> assertFalse(config.isKnownEnv("QUARKUS_OIDC_AUTH_SERVER_URI")),
                () -> assertFalse(config.isKnownEnv("QUARKUS_HTTP_HOSTNAME")));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void renderedOverlayAgreesWithTheApplication(String overlay) {
        new Checks("overlay " + overlay, Kustomize.build(OVERLAYS.resolve(overlay)), Config.load()).run();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void kubectlRendersTheSameObjects(String overlay) throws Exception {
        Path kubectl = kubectl().orElse(null);
        if (kubectl == null) {
            String why = KUBECTL_MISSING + ", so overlay " + overlay + " was rendered only by this test's Kustomize "
                    + "subset";
            System.out.println("[DeploymentManifestsTest] SKIPPED: " + why);
            Assumptions.abort(why);
        }
        List<Map<String, Object>> rendered = Yamls.loadAll(run(kubectl.toString(), "kustomize",
                OVERLAYS.resolve(overlay).toString()));
        new Checks("kubectl kustomize " + overlay, rendered, Config.load()).run();
        Map<String, Object> expected = byId(Kustomize.build(OVERLAYS.resolve(overlay)));
        Map<String, Object> actual = byId(rendered);
        assertEquals(expected.keySet(), actual.keySet(), "objects of overlay " + overlay);
        expected.forEach((id, object) -> assertEquals(object, actual.get(id), "this test's Kustomize subset and "
                + "kubectl kustomize disagree on " + id + " of overlay " + overlay));
    }

    @Test
    void nativeVariantsDifferFromTheirJvmCounterparts() throws IOException {
        for (String overlay : overlays().filter(o -> o.endsWith("-native")).toList()) {
            String jvmOverlay = overlay.substring(0, overlay.length() - "-native".length());
            Map<String, Object> nativeContainer = appContainer(Kustomize.build(OVERLAYS.resolve(overlay)));
            Map<String, Object> jvmContainer = appContainer(Kustomize.build(OVERLAYS.resolve(jvmOverlay)));
            assertTrue(str(nativeContainer.get("image")).startsWith("ghcr.io/cdr-gateway/cdr-gateway-native:"),
                    overlay + " runs the native image");
            assertTrue(str(jvmContainer.get("image")).startsWith("ghcr.io/cdr-gateway/cdr-gateway:"),
                    jvmOverlay + " runs the JVM image");
            assertTrue(quantity(at(nativeContainer, "resources", "limits", "memory"))
                            .compareTo(quantity(at(jvmContainer, "resources", "limits", "memory"))) < 0,
                    overlay + " needs less memory than " + jvmOverlay);
            assertNotEquals(nativeContainer.get("startupProbe"), jvmContainer.get("startupProbe"),
                    overlay + " times its startup probe for the native start");
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Checks of one rendered overlay

    /** Every check of one rendered set of objects; {@code label} names the overlay and the renderer. */
    private record Checks(String label, List<Map<String, Object>> docs, Config config) {

        void run() {
            Map<String, Object> deployment = only("Deployment");
            Map<String, Object> pod = map(at(deployment, "spec", "template", "spec"));
            Map<String, Object> podLabels = map(at(deployment, "spec", "template", "metadata", "labels"));
            List<Map<String, Object>> containers = maps(pod.get("containers"));
            assertEquals(1, containers.size(), label + ": one container");
            Map<String, Object> container = containers.get(0);
            Env env = Env.of(container, this);
            String profile = env.value("QUARKUS_PROFILE");
            assertTrue(PROFILES.contains(profile), label + ": QUARKUS_PROFILE must be one of " + PROFILES
                    + ", was " + profile);
            int httpPort = env.has("QUARKUS_HTTP_PORT") ? Integer.parseInt(env.value("QUARKUS_HTTP_PORT"))
                    : appHttpPort();

            assertAll(label,
                    () -> assertFalse(docs.stream().anyMatch(d -> "Secret".equals(d.get("kind"))),
                            "no Secret is rendered: they are created by hand (deploy/README.md)"),
                    () -> selects(map(at(deployment, "spec", "selector", "matchLabels")), podLabels, "Deployment"),
                    () -> rollingUpdate(deployment),
                    () -> topologySpread(pod, podLabels),
                    () -> podSecurity(pod),
                    () -> containerSecurity(container, pod),
                    () -> resources(container),
                    () -> ports(container, httpPort),
                    () -> probes(container, httpPort),
                    () -> gracefulShutdown(pod),
                    () -> serviceAccount(pod),
                    () -> service(podLabels, container, httpPort),
                    () -> autoscaling(deployment, profile),
                    () -> disruptionBudget(podLabels),
                    () -> networkPolicy(podLabels, container, httpPort, env),
                    () -> environmentNames(env),
                    () -> requiredSettings(env, profile, pod, container, httpPort),
                    () -> image(container, pod));
        }

        private Map<String, Object> only(String kind) {
            List<Map<String, Object>> found = docs.stream().filter(d -> kind.equals(d.get("kind"))).toList();
            assertEquals(1, found.size(), label + ": exactly one " + kind);
            return found.get(0);
        }

        private Optional<Map<String, Object>> find(String kind, String name) {
            return docs.stream().filter(d -> kind.equals(d.get("kind")) && name.equals(at(d, "metadata", "name")))
                    .findFirst();
        }

        private void selects(Map<String, Object> selector, Map<String, Object> podLabels, String what) {
            assertFalse(selector.isEmpty(), what + " has a selector");
            selector.forEach((k, v) -> assertEquals(v, podLabels.get(k), what + " selector " + k
                    + " must match the pod labels " + podLabels));
        }

        private void rollingUpdate(Map<String, Object> deployment) {
            assertEquals("RollingUpdate", at(deployment, "spec", "strategy", "type"), "rolling update");
            assertEquals(0, at(deployment, "spec", "strategy", "rollingUpdate", "maxUnavailable"),
                    "a rollout never goes below the current capacity");
        }

        private void topologySpread(Map<String, Object> pod, Map<String, Object> podLabels) {
            List<Map<String, Object>> constraints = maps(pod.get("topologySpreadConstraints"));
            Set<String> keys = constraints.stream().map(c -> str(c.get("topologyKey"))).collect(Collectors.toSet());
            assertTrue(keys.containsAll(Set.of("kubernetes.io/hostname", "topology.kubernetes.io/zone")),
                    "spread over nodes and zones: " + keys);
            constraints.forEach(c -> selects(map(at(c, "labelSelector", "matchLabels")), podLabels, "spread"));
        }

        private void podSecurity(Map<String, Object> pod) {
            Map<String, Object> security = map(pod.get("securityContext"));
            assertEquals(true, security.get("runAsNonRoot"), "pod runAsNonRoot");
            assertEquals("RuntimeDefault", at(security, "seccompProfile", "type"), "pod seccomp RuntimeDefault");
            assertNotEquals(0, security.get("runAsUser"), "pod runAsUser");
            assertEquals(false, pod.get("automountServiceAccountToken"), "pod automountServiceAccountToken");
            assertFalse(Boolean.TRUE.equals(pod.get("hostNetwork")) || Boolean.TRUE.equals(pod.get("hostPID"))
                    || Boolean.TRUE.equals(pod.get("hostIPC")), "no host namespaces");
        }

        private void containerSecurity(Map<String, Object> container, Map<String, Object> pod) {
            Map<String, Object> security = map(container.get("securityContext"));
            assertEquals(false, security.get("allowPrivilegeEscalation"), "allowPrivilegeEscalation");
            assertEquals(true, security.get("readOnlyRootFilesystem"), "readOnlyRootFilesystem");
            assertFalse(Boolean.TRUE.equals(security.get("privileged")), "not privileged");
            assertTrue(strings(at(security, "capabilities", "drop")).contains("ALL"), "capabilities drop ALL");
            assertTrue(strings(at(security, "capabilities", "add")).isEmpty(), "no capabilities added");
            assertNotEquals(false, security.get("runAsNonRoot"), "container does not undo runAsNonRoot");
            assertNotEquals(0, security.get("runAsUser"), "container runAsUser");
            Object seccomp = at(security, "seccompProfile", "type");
            assertTrue(seccomp == null || "RuntimeDefault".equals(seccomp), "container seccomp: " + seccomp);
            // The read-only root filesystem needs a writable /tmp (JVM, Vert.x file cache, Netty native libraries)
            Map<String, Object> tmp = maps(container.get("volumeMounts")).stream()
                    .filter(m -> "/tmp".equals(m.get("mountPath"))).findFirst()
                    .orElseGet(() -> fail("/tmp is mounted"));
            Map<String, Object> volume = volume(pod, str(tmp.get("name")));
            assertTrue(volume.containsKey("emptyDir"), "/tmp is an emptyDir: " + volume);
        }

        private void resources(Map<String, Object> container) {
            for (String resource : List.of("cpu", "memory")) {
                Object request = at(container, "resources", "requests", resource);
                Object limit = at(container, "resources", "limits", resource);
                assertNotNull(request, resource + " request");
                assertNotNull(limit, resource + " limit");
                assertTrue(quantity(request).compareTo(quantity(limit)) <= 0,
                        resource + " request " + request + " exceeds its limit " + limit);
            }
        }

        private void ports(Map<String, Object> container, int httpPort) {
            List<Map<String, Object>> ports = maps(container.get("ports"));
            assertEquals(1, ports.size(), "one container port: " + ports);
            assertEquals(httpPort, ports.get(0).get("containerPort"), "container port = the application's HTTP port");
            assertEquals("http", ports.get(0).get("name"), "container port name");
            assertFalse(Boolean.parseBoolean(config.value("quarkus.management.enabled", "prod").orElse("false")),
                    "the management interface is off, so health and metrics are served on the HTTP port");
        }

        private void probes(Map<String, Object> container, int httpPort) {
            Map<String, String> expected = Map.of(
                    "livenessProbe", config.healthPath("liveness-path", "live"),
                    "readinessProbe", config.healthPath("readiness-path", "ready"),
                    "startupProbe", config.healthPath("startup-path", "started"));
            expected.forEach((probe, path) -> {
                Map<String, Object> get = map(at(container, probe, "httpGet"));
                assertEquals(path, get.get("path"), probe + " path");
                assertEquals(httpPort, resolvePort(container, get.get("port")), probe + " port");
                assertNotNull(at(container, probe, "periodSeconds"), probe + " periodSeconds");
                assertNotNull(at(container, probe, "timeoutSeconds"), probe + " timeoutSeconds");
            });
        }

        private void gracefulShutdown(Map<String, Object> pod) {
            Duration timeout = config.value("quarkus.shutdown.timeout", "prod").map(DeploymentManifestsTest::duration)
                    .orElse(DEFAULT_SHUTDOWN_TIMEOUT);
            Duration delay = config.value("quarkus.shutdown.delay", "prod").map(DeploymentManifestsTest::duration)
                    .orElse(Duration.ZERO);
            Object grace = pod.get("terminationGracePeriodSeconds");
            assertNotNull(grace, "terminationGracePeriodSeconds");
            assertTrue(((Number) grace).longValue() > timeout.plus(delay).toSeconds(), "terminationGracePeriodSeconds "
                    + grace + " must exceed the shutdown delay " + delay + " + timeout " + timeout);
        }

        private void serviceAccount(Map<String, Object> pod) {
            String name = str(pod.get("serviceAccountName"));
            Map<String, Object> account = find("ServiceAccount", name).orElseGet(() -> fail("ServiceAccount " + name));
            assertEquals(false, account.get("automountServiceAccountToken"), "ServiceAccount mounts no token");
        }

        private void service(Map<String, Object> podLabels, Map<String, Object> container, int httpPort) {
            Map<String, Object> service = only("Service");
            selects(map(at(service, "spec", "selector")), podLabels, "Service");
            List<Map<String, Object>> ports = maps(at(service, "spec", "ports"));
            assertFalse(ports.isEmpty(), "Service ports");
            ports.forEach(p -> assertEquals(httpPort, resolvePort(container, p.get("targetPort")),
                    "Service targetPort " + p.get("targetPort")));
        }

        private void autoscaling(Map<String, Object> deployment, String profile) {
            Object replicas = at(deployment, "spec", "replicas");
            List<Map<String, Object>> autoscalers = docs.stream()
                    .filter(d -> "HorizontalPodAutoscaler".equals(d.get("kind"))).toList();
            if ("prod".equals(profile)) {
                assertEquals(1, autoscalers.size(), "prod scales with a HorizontalPodAutoscaler");
            }
            for (Map<String, Object> hpa : autoscalers) {
                assertEquals("Deployment", at(hpa, "spec", "scaleTargetRef", "kind"), "HPA target kind");
                assertEquals(at(deployment, "metadata", "name"), at(hpa, "spec", "scaleTargetRef", "name"),
                        "HPA target");
                int min = ((Number) at(hpa, "spec", "minReplicas")).intValue();
                int max = ((Number) at(hpa, "spec", "maxReplicas")).intValue();
                assertTrue(min <= max, "HPA minReplicas <= maxReplicas");
                assertTrue(maps(at(hpa, "spec", "metrics")).stream()
                        .anyMatch(m -> "cpu".equals(at(m, "resource", "name"))), "HPA scales on CPU");
                assertNull(replicas, "with an HPA the Deployment sets no replicas (apply would reset them)");
                if ("prod".equals(profile)) {
                    assertTrue(min >= 2, "prod runs at least 2 replicas, minReplicas = " + min);
                }
            }
            if (autoscalers.isEmpty()) {
                assertNotNull(replicas, "without an HPA the Deployment sets its replicas");
            }
        }

        private void disruptionBudget(Map<String, Object> podLabels) {
            Map<String, Object> pdb = only("PodDisruptionBudget");
            selects(map(at(pdb, "spec", "selector", "matchLabels")), podLabels, "PodDisruptionBudget");
            assertTrue(at(pdb, "spec", "maxUnavailable") != null || at(pdb, "spec", "minAvailable") != null,
                    "PodDisruptionBudget sets maxUnavailable or minAvailable");
            assertNotEquals(0, at(pdb, "spec", "maxUnavailable"), "maxUnavailable 0 would block every node drain");
        }

        private void networkPolicy(Map<String, Object> podLabels, Map<String, Object> container, int httpPort,
                                   Env env) {
            Map<String, Object> policy = only("NetworkPolicy");
            selects(map(at(policy, "spec", "podSelector", "matchLabels")), podLabels, "NetworkPolicy");
            assertTrue(strings(at(policy, "spec", "policyTypes")).containsAll(List.of("Ingress", "Egress")),
                    "NetworkPolicy restricts ingress and egress");
            List<Map<String, Object>> ingress = maps(at(policy, "spec", "ingress"));
            assertFalse(ingress.isEmpty(), "ingress rules");
            for (Map<String, Object> rule : ingress) {
                List<Map<String, Object>> ports = maps(rule.get("ports"));
                assertFalse(ports.isEmpty(), "every ingress rule names its ports");
                ports.forEach(p -> assertEquals(httpPort, resolvePort(container, p.get("port")), "ingress port"));
            }
            // Egress: DNS, plus the ports of the configured issuer, upstream and trace collector URLs (HTTPS: 443)
            Set<Integer> upstreamPorts = new LinkedHashSet<>();
            for (String name : List.of("QUARKUS_OIDC_AUTH_SERVER_URL", "QUARKUS_REST_CLIENT_VOBIZ_PARTNER_URL",
                    "QUARKUS_REST_CLIENT_VOBIZ_ACCOUNT_URL", "QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT",
                    "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT")) {
                if (env.has(name)) {
                    URI uri = URI.create(env.value(name));
                    if (!isLoopback(uri)) {
                        upstreamPorts.add(uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80);
                    }
                }
            }
            upstreamPorts.add(443);
            boolean dns = false;
            for (Map<String, Object> rule : maps(at(policy, "spec", "egress"))) {
                List<Map<String, Object>> ports = maps(rule.get("ports"));
                List<Map<String, Object>> to = maps(rule.get("to"));
                assertFalse(ports.isEmpty(), "every egress rule names its ports: " + rule);
                assertFalse(to.isEmpty(), "every egress rule names its destinations: " + rule);
                Set<Integer> numbers = ports.stream().map(p -> ((Number) p.get("port")).intValue())
                        .collect(Collectors.toSet());
                if (numbers.equals(Set.of(53))) {
                    dns = true;
                    to.forEach(t -> assertTrue(t.containsKey("podSelector") && t.containsKey("namespaceSelector"),
                            "DNS egress goes to the cluster DNS pods only: " + t));
                } else {
                    assertTrue(upstreamPorts.containsAll(numbers), "egress only to DNS and the issuer/upstream ports "
                            + upstreamPorts + ": " + numbers);
                    for (Map<String, Object> destination : to) {
                        Map<String, Object> block = map(destination.get("ipBlock"));
                        if (List.of("0.0.0.0/0").contains(block.get("cidr"))) {
                            List<String> except = strings(block.get("except"));
                            assertTrue(except.containsAll(List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16",
                                    "169.254.0.0/16")), "internet egress excludes private and metadata ranges: " + except);
                        }
                    }
                }
            }
            assertTrue(dns, "egress to DNS (port 53)");
        }

        private void environmentNames(Env env) {
            for (String name : env.names()) {
                if (config.isConfigEnv(name)) {
                    assertTrue(config.isKnownEnv(name), name + " is no configuration key the application reads ("
                            + "MicroProfile env rule against application.properties, @ConfigMapping interfaces and "
                            + "Quarkus runtime configuration roots)");
                }
                if (name.matches(".*(SECRET|TOKEN|PASSWORD).*")) {
                    assertNotNull(env.secretRef(name), name + " comes from a Secret, never a literal or a ConfigMap");
                }
            }
        }

        private void requiredSettings(Env env, String profile, Map<String, Object> pod, Map<String, Object> container,
                                      int httpPort) {
            // ${ENV} references of the properties active in this profile
            for (String reference : config.envReferences(profile)) {
                assertTrue(env.has(reference), reference + " (referenced by application.properties) is provided");
            }
            // The credentials directory is where the credentials Secret is mounted
            Map<String, Object> credentialsTemplate = template(CREDENTIALS_TEMPLATE);
            String dir = env.value("GATEWAY_CREDENTIALS_DIR");
            assertNotNull(dir, "GATEWAY_CREDENTIALS_DIR");
            Map<String, Object> mount = maps(container.get("volumeMounts")).stream()
                    .filter(m -> dir.equals(m.get("mountPath"))).findFirst()
                    .orElseGet(() -> fail("a volume is mounted at GATEWAY_CREDENTIALS_DIR " + dir));
            assertEquals(true, mount.get("readOnly"), "credentials mount is read-only");
            assertNull(mount.get("subPath"), "no subPath: Secret updates must reach the directory");
            Map<String, Object> volume = volume(pod, str(mount.get("name")));
            assertEquals(at(credentialsTemplate, "metadata", "name"), at(volume, "secret", "secretName"),
                    "the credentials volume is the Secret of " + CREDENTIALS_TEMPLATE);
            // The cursor key comes from the Secret of the cursor template
            Map<String, Object> cursorTemplate = template(CURSOR_TEMPLATE);
            Map<String, Object> cursor = env.secretRef("GATEWAY_CURSOR_SECRET");
            assertNotNull(cursor, "GATEWAY_CURSOR_SECRET comes from a Secret");
            assertEquals(at(cursorTemplate, "metadata", "name"), cursor.get("name"), "cursor Secret name");
            assertTrue(map(cursorTemplate.get("stringData")).containsKey(str(cursor.get("key"))), "cursor Secret key");
            if ("prod".equals(profile)) {
                for (String key : PROD_REQUIRED) {
                    String name = Config.envName(key);
                    assertTrue(env.has(name) || config.value(key, profile).isPresent(),
                            key + " (" + name + ") is set for production");
                }
                assertTrue(env.value("QUARKUS_OIDC_AUTH_SERVER_URL").startsWith("https://"), "issuer over HTTPS");
                assertNotEquals(true, at(volume, "secret", "optional"), "prod needs its credentials Secret");
                assertNotEquals(true, cursor.get("optional"), "prod needs its cursor Secret");
            } else {
                // Demo tokens are verified with the process's own key; an issuer URL would also make the
                // readiness check (OidcIssuerReadiness) wait for an identity provider the demo does not use
                assertFalse(env.has("QUARKUS_OIDC_AUTH_SERVER_URL"), "the demo profile needs no OIDC issuer");
                // The demo profile calls its own simulator in the same process
                String simulator = "http://localhost:" + httpPort + config.value("simulator.path", profile)
                        .orElse("/sim");
                for (String name : List.of("QUARKUS_REST_CLIENT_VOBIZ_PARTNER_URL",
                        "QUARKUS_REST_CLIENT_VOBIZ_ACCOUNT_URL")) {
                    if (env.has(name)) {
                        assertEquals(simulator, env.value(name), name + " points at the embedded simulator");
                    }
                }
            }
        }

        private void image(Map<String, Object> container, Map<String, Object> pod) {
            String image = str(container.get("image"));
            int colon = image.lastIndexOf(':');
            assertTrue(colon > image.lastIndexOf('/'), "image has a tag: " + image);
            String repository = image.substring(0, colon);
            String tag = image.substring(colon + 1);
            assertNotEquals("latest", tag, "a fixed image tag");
            Dockerfile dockerfile = Stream.of("Dockerfile.jvm", "Dockerfile.native")
                    .map(f -> Dockerfile.read(DOCKER.resolve(f))).filter(d -> d.repository().equals(repository))
                    .findFirst().orElseGet(() -> fail(image + " is no image the Dockerfiles document"));
            assertEquals(Integer.valueOf(dockerfile.user()), at(pod, "securityContext", "runAsUser"),
                    "runAsUser is the user of " + dockerfile.path().getFileName());
        }

        private Map<String, Object> template(String file) {
            return Yamls.load(BASE.resolve(file)).get(0);
        }

        private Map<String, Object> volume(Map<String, Object> pod, String name) {
            return maps(pod.get("volumes")).stream().filter(v -> name.equals(v.get("name"))).findFirst()
                    .orElseGet(() -> fail("volume " + name));
        }
    }

    /** The container's environment: its env entries over the keys of the ConfigMaps it loads with envFrom. */
    private record Env(Map<String, Map<String, Object>> entries, Map<String, String> fromConfigMaps) {

        static Env of(Map<String, Object> container, Checks checks) {
            Map<String, String> fromConfigMaps = new LinkedHashMap<>();
            for (Map<String, Object> source : maps(container.get("envFrom"))) {
                assertNull(source.get("secretRef"), "envFrom secretRef hides which variables are set: use env");
                String name = str(at(source, "configMapRef", "name"));
                Map<String, Object> configMap = checks.find("ConfigMap", name)
                        .orElseGet(() -> fail(checks.label() + ": ConfigMap " + name));
                String prefix = Objects.toString(source.get("prefix"), "");
                map(configMap.get("data")).forEach((k, v) -> fromConfigMaps.put(prefix + k, Objects.toString(v, "")));
            }
            Map<String, Map<String, Object>> entries = new LinkedHashMap<>();
            maps(container.get("env")).forEach(e -> entries.put(str(e.get("name")), e));
            return new Env(entries, fromConfigMaps);
        }

        Set<String> names() {
            Set<String> names = new LinkedHashSet<>(fromConfigMaps.keySet());
            names.addAll(entries.keySet());
            return names;
        }

        boolean has(String name) {
            return entries.containsKey(name) || fromConfigMaps.containsKey(name);
        }

        /** The literal value (env wins over envFrom, as in Kubernetes); null when absent or from a reference. */
        String value(String name) {
            Map<String, Object> entry = entries.get(name);
            return entry != null ? str(entry.get("value")) : fromConfigMaps.get(name);
        }

        Map<String, Object> secretRef(String name) {
            Map<String, Object> entry = entries.get(name);
            return entry == null ? null : (Map<String, Object>) at(entry, "valueFrom", "secretKeyRef");
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // What the application reads

    /**
     * The configuration the application reads: application.properties (per profile, with its {@code ${ENV}}
     * references), the application's {@code @ConfigMapping} interfaces and every Quarkus configuration root on
     * the classpath (run-time phase), walked by reflection into key patterns ({@code *} = a map key).
     */
    private record Config(Properties properties, Set<String> keys, List<String> mappingPrefixes,
                          List<Pattern> envPatterns) {

        private static Config cached;

        static synchronized Config load() {
            if (cached == null) {
                Properties properties = new Properties();
                try (Reader reader = Files.newBufferedReader(PROPERTIES, StandardCharsets.UTF_8)) {
                    properties.load(reader);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                Set<String> keys = new LinkedHashSet<>();
                for (String key : properties.stringPropertyNames()) {
                    keys.add(key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key);
                }
                List<String> prefixes = new ArrayList<>();
                for (Class<?> mapping : applicationMappings()) {
                    ConfigMapping annotation = mapping.getAnnotation(ConfigMapping.class);
                    prefixes.add(annotation.prefix());
                    walk(mapping, annotation.prefix(), annotation.namingStrategy(), keys, new ArrayDeque<>());
                }
                int roots = quarkusRoots(keys);
                assertTrue(roots > 20, "found only " + roots + " Quarkus configuration roots on the classpath");
                List<Pattern> patterns = keys.stream().map(Config::envPattern).map(Pattern::compile).toList();
                cached = new Config(properties, keys, prefixes, patterns);
            }
            return cached;
        }

        /** The MicroProfile Config rule: non-alphanumerics become {@code _}, then upper case. */
        static String envName(String key) {
            return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
        }

        boolean isConfigEnv(String name) {
            return name.startsWith("QUARKUS_") || mappingPrefixes.stream().anyMatch(p -> name.startsWith(envName(p) + "_"));
        }

        boolean isKnownEnv(String name) {
            return envReferences(null).contains(name) || envPatterns.stream().anyMatch(p -> p.matcher(name).matches());
        }

        /** The value of a key in a profile ({@code %profile.key} over {@code key}); null profile = any. */
        Optional<String> value(String key, String profile) {
            String profiled = profile == null ? null : properties.getProperty("%" + profile + "." + key);
            return Optional.ofNullable(profiled != null ? profiled : properties.getProperty(key));
        }

        /** {@code ${NAME}} / {@code ${NAME:default}} references (upper case: environment variables) in a profile. */
        Set<String> envReferences(String profile) {
            List<String> values = new ArrayList<>();
            for (String key : properties.stringPropertyNames()) {
                if (profile == null) {
                    values.add(properties.getProperty(key));
                } else if (!key.startsWith("%")) {
                    value(key, profile).ifPresent(values::add);
                } else {
                    String plain = key.substring(key.indexOf('.') + 1);
                    if (!properties.containsKey(plain)) {
                        value(plain, profile).ifPresent(values::add);
                    }
                }
            }
            Pattern reference = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::[^}]*)?}");
            Set<String> names = new LinkedHashSet<>();
            for (String value : values) {
                Matcher m = reference.matcher(value);
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
            return names;
        }

        /** A SmallRye Health path under the non-application root, as the extension builds it by default. */
        String healthPath(String key, String defaultValue) {
            String root = value("quarkus.http.root-path", "prod").orElse("/");
            String nonApplication = value("quarkus.http.non-application-root-path", "prod").orElse("q");
            String base = nonApplication.startsWith("/") ? nonApplication : join(root, nonApplication);
            String health = value("quarkus.smallrye-health.root-path", "prod").orElse("health");
            String path = value("quarkus.smallrye-health." + key, "prod").orElse(defaultValue);
            return join(join(base, health), path);
        }

        private static String join(String a, String b) {
            return (a.endsWith("/") ? a : a + "/") + (b.startsWith("/") ? b.substring(1) : b);
        }

        private static String envPattern(String key) {
            StringBuilder regex = new StringBuilder();
            for (char c : key.toCharArray()) {
                if (c == '*') {
                    regex.append("[A-Z0-9_]+");
                } else {
                    regex.append(Character.isLetterOrDigit(c) ? Character.toUpperCase(c) : '_');
                }
            }
            return regex.toString();
        }

        private static List<Class<?>> applicationMappings() {
            Path sources = PROJECT.resolve("src/main/java");
            Pattern annotation = Pattern.compile("@ConfigMapping\\(");
            List<Class<?>> mappings = new ArrayList<>();
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    if (annotation.matcher(Files.readString(file)).find()) {
                        String name = sources.relativize(file).toString().replace('/', '.').replace('\\', '.');
                        mappings.add(Class.forName(name.substring(0, name.length() - ".java".length())));
                    }
                }
            } catch (IOException | ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            assertFalse(mappings.isEmpty(), "no @ConfigMapping in src/main/java");
            return mappings;
        }

        /** Adds the run-time keys of every Quarkus configuration root on the classpath; returns how many roots. */
        private static int quarkusRoots(Set<String> keys) {
            ClassLoader loader = DeploymentManifestsTest.class.getClassLoader();
            int roots = 0;
            try {
                for (URL list : java.util.Collections.list(loader.getResources("META-INF/quarkus-config-roots.list"))) {
                    String text;
                    try (InputStream in = list.openStream()) {
                        text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    }
                    for (String name : text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
                        try {
                            Class<?> root = Class.forName(name, false, loader);
                            ConfigMapping mapping = root.getAnnotation(ConfigMapping.class);
                            if (mapping == null || !runTime(root)) {
                                continue;
                            }
                            walk(root, mapping.prefix(), mapping.namingStrategy(), keys, new ArrayDeque<>());
                            roots++;
                        } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
                            // a root of an optional integration whose dependencies are absent: not configurable here
                        }
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return roots;
        }

        /** Whether a root is read at run time (build-time roots cannot be changed by an environment variable). */
        private static boolean runTime(Class<?> root) {
            for (var annotation : root.getAnnotations()) {
                if (annotation.annotationType().getName().equals("io.quarkus.runtime.annotations.ConfigRoot")) {
                    try {
                        Object phase = annotation.annotationType().getMethod("phase").invoke(annotation);
                        return "RUN_TIME".equals(((Enum<?>) phase).name());
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
            return true;
        }

        private static void walk(Class<?> type, String prefix, ConfigMapping.NamingStrategy naming, Set<String> keys,
                                 Deque<Class<?>> path) {
            if (path.contains(type)) {
                return;
            }
            path.push(type);
            for (Method method : type.getMethods()) {
                if (Modifier.isStatic(method.getModifiers()) || method.isDefault() || method.getParameterCount() > 0
                        || method.isSynthetic()) {
                    continue;
                }
                WithName withName = method.getAnnotation(WithName.class);
                String name = withName != null ? withName.value() : name(method.getName(), naming);
                String key = method.isAnnotationPresent(WithParentName.class) ? prefix
                        : prefix.isEmpty() ? name : prefix + "." + name;
                add(method.getGenericReturnType(), key, method, naming, keys, path);
            }
            path.pop();
        }

        private static void add(Type type, String key, Method method, ConfigMapping.NamingStrategy naming,
                                Set<String> keys, Deque<Class<?>> path) {
            Class<?> raw = raw(type);
            if (raw == Optional.class) {
                add(argument(type, 0), key, method, naming, keys, path);
            } else if (Map.class.isAssignableFrom(raw)) {
                Type value = argument(type, 1);
                if (group(raw(value))) {
                    walk(raw(value), key.isEmpty() ? "*" : key + ".*", naming, keys, path);
                    if (method.isAnnotationPresent(WithUnnamedKey.class)) {
                        walk(raw(value), key, naming, keys, path);
                    }
                } else if (Map.class.isAssignableFrom(raw(value))) {
                    add(value, key + ".*", method, naming, keys, path);
                } else {
                    keys.add(key + ".*");
                }
            } else if (Collection.class.isAssignableFrom(raw) && group(raw(argument(type, 0)))) {
                walk(raw(argument(type, 0)), key + "[*]", naming, keys, path);
            } else if (group(raw)) {
                walk(raw, key, naming, keys, path);
            } else {
                keys.add(key);
            }
        }

        private static boolean group(Class<?> type) {
            return type.isInterface() && !type.isAnnotation() && !type.getName().startsWith("java.");
        }

        private static Class<?> raw(Type type) {
            if (type instanceof Class<?> c) {
                return c;
            }
            if (type instanceof ParameterizedType p) {
                return raw(p.getRawType());
            }
            if (type instanceof WildcardType w) {
                return raw(w.getUpperBounds()[0]);
            }
            return Object.class;
        }

        private static Type argument(Type type, int index) {
            return type instanceof ParameterizedType p ? p.getActualTypeArguments()[index] : Object.class;
        }

        private static String name(String method, ConfigMapping.NamingStrategy naming) {
            String separator = switch (naming) {
                case VERBATIM -> null;
                case SNAKE_CASE -> "_";
                default -> "-";
            };
            return separator == null ? method
                    : method.replaceAll("([a-z0-9])([A-Z])", "$1" + separator + "$2").toLowerCase(Locale.ROOT);
        }
    }

    private static int appHttpPort() {
        return Config.load().value("quarkus.http.port", "prod").map(Integer::parseInt).orElse(8080);
    }

    private static boolean isLoopback(URI uri) {
        return List.of("localhost", "127.0.0.1", "[::1]").contains(uri.getHost());
    }

    private static Object resolvePort(Map<String, Object> container, Object port) {
        if (port instanceof String name) {
            return maps(container.get("ports")).stream().filter(p -> name.equals(p.get("name")))
                    .map(p -> p.get("containerPort")).findFirst().orElse(null);
        }
        return port;
    }

    private static Map<String, Object> appContainer(List<Map<String, Object>> docs) {
        return docs.stream().filter(d -> "Deployment".equals(d.get("kind")))
                .map(d -> maps(at(d, "spec", "template", "spec", "containers")).get(0)).findFirst()
                .orElseGet(() -> fail("no Deployment"));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Kustomize subset

    /**
     * The part of Kustomize the manifests use: {@code resources} (files and directories), {@code components},
     * {@code patches} (strategic merge, by file, matched on kind and name, with {@code $patch: delete}),
     * {@code images} and {@code namespace}. Any other field fails the test, so this renderer is extended (and
     * compared with {@code kubectl kustomize}) rather than silently diverging.
     */
    private static final class Kustomize {

        private static final Set<String> FIELDS = Set.of("apiVersion", "kind", "resources", "components", "patches",
                "images", "namespace");
        /** Strategic-merge keys of the Kubernetes list fields the patches touch. */
        private static final Map<String, String> MERGE_KEYS = Map.of("containers", "name", "initContainers", "name",
                "env", "name", "volumes", "name", "volumeMounts", "mountPath", "imagePullSecrets", "name",
                "topologySpreadConstraints", "topologyKey");

        static List<Map<String, Object>> build(Path dir) {
            List<Map<String, Object>> docs = new ArrayList<>();
            apply(dir, "Kustomization", docs);
            return docs;
        }

        static Map<String, Object> kustomization(Path dir) {
            for (String name : List.of("kustomization.yaml", "kustomization.yml", "Kustomization")) {
                if (Files.exists(dir.resolve(name))) {
                    return Yamls.load(dir.resolve(name)).get(0);
                }
            }
            return fail("no kustomization in " + dir);
        }

        private static void apply(Path dir, String kind, List<Map<String, Object>> docs) {
            Map<String, Object> kustomization = kustomization(dir);
            assertEquals(kind, kustomization.get("kind"), dir + " kind");
            for (String field : kustomization.keySet()) {
                assertTrue(FIELDS.contains(field), dir + ": the test's Kustomize subset does not implement '" + field
                        + "'; extend DeploymentManifestsTest.Kustomize");
            }
            for (String resource : strings(kustomization.get("resources"))) {
                Path target = dir.resolve(resource).normalize();
                if (Files.isDirectory(target)) {
                    apply(target, "Kustomization", docs);
                } else {
                    docs.addAll(Yamls.load(target));
                }
            }
            for (String component : strings(kustomization.get("components"))) {
                apply(dir.resolve(component).normalize(), "Component", docs);
            }
            for (Map<String, Object> patch : maps(kustomization.get("patches"))) {
                assertEquals(Set.of("path"), patch.keySet(), dir + ": only patches by path are implemented");
                for (Map<String, Object> change : Yamls.load(dir.resolve(str(patch.get("path"))))) {
                    patch(docs, change, dir);
                }
            }
            Object namespace = kustomization.get("namespace");
            if (namespace != null) {
                docs.forEach(d -> map(d.get("metadata")).put("namespace", namespace));
            }
            for (Map<String, Object> image : maps(kustomization.get("images"))) {
                docs.forEach(d -> images(d, image));
            }
        }

        private static void patch(List<Map<String, Object>> docs, Map<String, Object> change, Path dir) {
            for (int i = 0; i < docs.size(); i++) {
                Map<String, Object> doc = docs.get(i);
                if (Objects.equals(doc.get("kind"), change.get("kind"))
                        && Objects.equals(at(doc, "metadata", "name"), at(change, "metadata", "name"))) {
                    if ("delete".equals(change.get("$patch"))) {
                        docs.remove(i);
                    } else {
                        docs.set(i, (Map<String, Object>) merge(doc, change, ""));
                    }
                    return;
                }
            }
            fail(dir + ": patch of " + change.get("kind") + " " + at(change, "metadata", "name") + " matches nothing");
        }

        private static Object merge(Object base, Object patch, String field) {
            if (base instanceof Map<?, ?> baseMap && patch instanceof Map<?, ?> patchMap) {
                Map<String, Object> merged = new LinkedHashMap<>((Map<String, Object>) baseMap);
                patchMap.forEach((k, v) -> {
                    if (v == null) {
                        merged.remove((String) k);
                    } else if (!"$patch".equals(k)) {
                        merged.put((String) k, merge(merged.get(k), v, (String) k));
                    }
                });
                return merged;
            }
            if (base instanceof List<?> baseList && patch instanceof List<?> patchList) {
                String key = mergeKey(field, baseList, patchList);
                if (key != null) {
                    List<Object> merged = new ArrayList<>(baseList);
                    for (Object element : patchList) {
                        Map<String, Object> change = (Map<String, Object>) element;
                        int at = -1;
                        for (int i = 0; i < merged.size(); i++) {
                            if (Objects.equals(((Map<?, ?>) merged.get(i)).get(key), change.get(key))) {
                                at = i;
                            }
                        }
                        if ("delete".equals(change.get("$patch"))) {
                            if (at >= 0) {
                                merged.remove(at);
                            }
                        } else if (at >= 0) {
                            merged.set(at, merge(merged.get(at), change, field));
                        } else {
                            merged.add(change);
                        }
                    }
                    return merged;
                }
            }
            return patch;
        }

        private static String mergeKey(String field, List<?> base, List<?> patch) {
            String key = MERGE_KEYS.get(field);
            if ("ports".equals(field)) {
                key = Stream.concat(base.stream(), patch.stream())
                        .allMatch(p -> p instanceof Map<?, ?> m && m.containsKey("containerPort")) ? "containerPort" : "port";
            }
            String k = key;
            return k != null && Stream.concat(base.stream(), patch.stream())
                    .allMatch(e -> e instanceof Map<?, ?> m && m.containsKey(k)) ? k : null;
        }

        private static void images(Map<String, Object> doc, Map<String, Object> rule) {
            Object podSpec = at(doc, "spec", "template", "spec");
            if (podSpec == null) {
                return;
            }
            for (String list : List.of("containers", "initContainers")) {
                for (Map<String, Object> container : maps(map(podSpec).get(list))) {
                    String image = str(container.get("image"));
                    int digest = image.indexOf('@');
                    int colon = image.lastIndexOf(':');
                    boolean tagged = digest < 0 && colon > image.lastIndexOf('/');
                    String name = digest >= 0 ? image.substring(0, digest) : tagged ? image.substring(0, colon) : image;
                    String suffix = digest >= 0 ? image.substring(digest) : tagged ? image.substring(colon) : "";
                    if (!name.equals(rule.get("name"))) {
                        continue;
                    }
                    if (rule.get("newName") != null) {
                        name = str(rule.get("newName"));
                    }
                    if (rule.get("newTag") != null) {
                        suffix = ":" + rule.get("newTag");
                    }
                    if (rule.get("digest") != null) {
                        suffix = "@" + rule.get("digest");
                    }
                    container.put("image", name + suffix);
                }
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Dockerfiles

    /** The parts of a Dockerfile the manifests depend on; {@code repository} is the one its build comment tags. */
    private record Dockerfile(Path path, String text, String from, String user, List<String> exposed,
                              String repository) {

        static Dockerfile read(Path path) {
            String text;
            try {
                text = Files.readString(path);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            String from = null;
            String user = null;
            List<String> exposed = new ArrayList<>();
            String repository = null;
            Pattern build = Pattern.compile("docker build -f (\\S+) -t ([^\\s:]+)(:\\S+)? ");
            for (String line : text.lines().map(String::strip).toList()) {
                if (line.startsWith("#")) {
                    Matcher m = build.matcher(line + " ");
                    if (m.find()) {
                        assertEquals(PROJECT.relativize(path).toString(), m.group(1), path + ": build comment -f");
                        repository = m.group(2);
                    }
                } else if (line.startsWith("FROM ")) {
                    from = line.split("\\s+")[1];
                } else if (line.startsWith("USER ")) {
                    user = line.substring(5).strip();
                } else if (line.startsWith("EXPOSE ")) {
                    exposed.addAll(List.of(line.substring(7).strip().split("\\s+")));
                }
            }
            assertNotNull(from, path + ": FROM");
            assertNotNull(user, path + ": USER");
            assertNotNull(repository, path + ": a comment shows `docker build -f ... -t <image>:<tag> .`");
            return new Dockerfile(path, text, from, user, exposed, repository);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // YAML and tree helpers

    private static final class Yamls {

        static List<Map<String, Object>> load(Path file) {
            try {
                return loadAll(Files.readString(file));
            } catch (IOException | RuntimeException e) {
                return fail(file + " does not parse: " + e.getMessage());
            }
        }

        static List<Map<String, Object>> loadAll(String text) {
            List<Map<String, Object>> docs = new ArrayList<>();
            for (Object doc : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(text)) {
                if (doc != null) {
                    assertTrue(doc instanceof Map, "a YAML document is an object: " + doc);
                    docs.add((Map<String, Object>) doc);
                }
            }
            return docs;
        }
    }

    private static boolean isKustomization(String kind) {
        return "Kustomization".equals(kind) || "Component".equals(kind);
    }

    private static List<Path> yamlFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().toList();
        }
    }

    private static Object at(Object node, String... path) {
        Object current = node;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> m)) {
                return null;
            }
            current = m.get(key);
        }
        return current;
    }

    private static Map<String, Object> map(Object node) {
        return node instanceof Map<?, ?> m ? (Map<String, Object>) m : new LinkedHashMap<>();
    }

    private static List<Map<String, Object>> maps(Object node) {
        return node instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }

    private static List<String> strings(Object node) {
        return node instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
    }

    private static String str(Object node) {
        return node == null ? null : String.valueOf(node);
    }

    /** Order-insensitive form of a rendered object (maps sorted by key, lists by content). */
    private static Object canonical(Object node) {
        if (node instanceof Map<?, ?> m) {
            Map<String, Object> sorted = new TreeMap<>();
            m.forEach((k, v) -> sorted.put(String.valueOf(k), canonical(v)));
            return sorted;
        }
        if (node instanceof List<?> l) {
            return l.stream().map(DeploymentManifestsTest::canonical).sorted(Comparator.comparing(String::valueOf))
                    .toList();
        }
        return node;
    }

    /** A Kubernetes quantity (cpu {@code 500m}, memory {@code 768Mi}) as a number. */
    private static BigDecimal quantity(Object value) {
        Matcher m = Pattern.compile("([0-9.]+)([a-zA-Z]*)").matcher(String.valueOf(value));
        assertTrue(m.matches(), "quantity " + value);
        BigDecimal number = new BigDecimal(m.group(1));
        long factor = switch (m.group(2)) {
            case "" -> 1;
            case "m" -> -1000;
            case "k" -> 1000L;
            case "M" -> 1000L * 1000;
            case "G" -> 1000L * 1000 * 1000;
            case "Ki" -> 1024L;
            case "Mi" -> 1024L * 1024;
            case "Gi" -> 1024L * 1024 * 1024;
            default -> fail("unit of " + value);
        };
        return factor < 0 ? number.divide(BigDecimal.valueOf(-factor)) : number.multiply(BigDecimal.valueOf(factor));
    }

    /** A Quarkus duration: ISO-8601, a number of seconds, or a number with ms/s/m/h/d. */
    private static Duration duration(String value) {
        String v = value.strip();
        if (v.toUpperCase(Locale.ROOT).startsWith("P")) {
            return Duration.parse(v);
        }
        Matcher m = Pattern.compile("(\\d+)(ms|s|m|h|d)?").matcher(v.toLowerCase(Locale.ROOT));
        assertTrue(m.matches(), "duration " + value);
        long n = Long.parseLong(m.group(1));
        return switch (Objects.toString(m.group(2), "s")) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofSeconds(n);
        };
    }

    private static Map<String, String> javaStringConstants(Path source) throws IOException {
        Map<String, String> constants = new LinkedHashMap<>();
        Matcher m = Pattern.compile("static final String (\\w+) = \"([^\"]*)\";").matcher(Files.readString(source));
        while (m.find()) {
            constants.put(m.group(1), m.group(2));
        }
        return constants;
    }

    private static String pomProperty(String name) throws IOException {
        Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(
                Files.readString(PROJECT.resolve("pom.xml")));
        assertTrue(m.find(), "pom.xml property " + name);
        return m.group(1).strip();
    }

    private static Optional<Path> onPath(String program) {
        return Stream.of(Objects.toString(System.getenv("PATH"), "").split(java.io.File.pathSeparator))
                .filter(s -> !s.isEmpty()).map(s -> Path.of(s, program)).filter(Files::isExecutable).findFirst();
    }

    /** kubectl, when it is on the PATH and its Kustomize knows components (v4+); checked once. */
    private static synchronized Optional<Path> kubectl() throws IOException, InterruptedException {
        if (kubectl == null) {
            kubectl = Optional.empty();
            Optional<Path> found = onPath("kubectl");
            if (found.isPresent()) {
                Matcher version = Pattern.compile("Kustomize Version: v(\\d+)")
                        .matcher(run(found.get().toString(), "version", "--client"));
                if (version.find() && Integer.parseInt(version.group(1)) >= 4) {
                    kubectl = found;
                }
            }
        }
        return kubectl;
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
        byte[] out = process.getInputStream().readAllBytes();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), String.join(" ", command) + " timed out");
        assertEquals(0, process.exitValue(), String.join(" ", command) + " failed: " + err);
        return new String(out, StandardCharsets.UTF_8);
    }

    /** Rendered objects by kind/namespace/name, each in an order-insensitive form, to compare two renderers. */
    private static Map<String, Object> byId(List<Map<String, Object>> docs) {
        Map<String, Object> objects = new TreeMap<>();
        for (Map<String, Object> doc : docs) {
            objects.put(doc.get("kind") + " " + at(doc, "metadata", "namespace") + "/" + at(doc, "metadata", "name"),
                    canonical(doc));
        }
        return objects;
    }
}
