package dev.cdrgateway.vobiz;

import dev.cdrgateway.domain.access.TenantId;

import dev.cdrgateway.vobiz.VobizCredentials;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Upstream credentials of every tenant, held as an immutable in-memory snapshot so lookups on the request path
 * never touch the disk. The snapshot is built from {@code gateway.tenants.*} (inline tokens from environment
 * variables, or token files) overlaid with {@code gateway.credentials-dir}, and rebuilt every
 * {@code gateway.credentials-refresh} on a worker thread: rotating a Kubernetes Secret rotates the credentials
 * without a restart. Only tenant and customer ids are ever logged.
 */
@ApplicationScoped
public class CredentialStore implements TenantCredentialResolver {

    private static final Logger LOG = Logger.getLogger(CredentialStore.class);
    private static final String PARTNER_ID = ".partner.auth-id";
    private static final String PARTNER_TOKEN = ".partner.auth-token";
    private static final String CUSTOMER = ".customer.";
    private static final String TOKEN = ".auth-token";

    private final VobizConfig config;
    private volatile Snapshot snapshot = new Snapshot(Map.of(), Map.of());

    CredentialStore(VobizConfig config) {
        this.config = config;
    }

    /** Two maps: tenant → partner pair, and {@code tenant/customer} → customer pair. */
    private record Snapshot(Map<String, VobizCredentials> partners, Map<String, VobizCredentials> customers) {
    }

    void start(@Observes StartupEvent event, Vertx vertx) {
        reload();
        long periodMs = config.credentialsRefresh().toMillis();
        if (periodMs > 0) {
            vertx.setPeriodic(periodMs, id -> vertx.executeBlocking(() -> {
                reload();
                return null;
            }, false));
        }
    }

    @Override
    public Optional<VobizCredentials> partner(TenantId tenant) {
        return Optional.ofNullable(snapshot.partners().get(tenant.value()));
    }

    @Override
    public Optional<VobizCredentials> customer(TenantId tenant, String customerId) {
        return Optional.ofNullable(snapshot.customers().get(tenant.value() + "/" + customerId));
    }

    /** Number of tenants with partner credentials loaded (for readiness). */
    public int tenantsWithPartnerCredentials() {
        return snapshot.partners().size();
    }

    /** Re-reads configuration and credential files; blocking, call off the event loop. */
    public synchronized void reload() {
        Map<String, String> partnerIds = new HashMap<>();
        Map<String, String> partnerTokens = new HashMap<>();
        Map<String, String> customerTokens = new HashMap<>();
        config.tenants().forEach((tenant, t) -> {
            partnerIds.put(tenant, t.partner().authId());
            token(t.partner().secret()).ifPresent(v -> partnerTokens.put(tenant, v));
            t.customers().forEach((customer, secret) ->
                    token(secret).ifPresent(v -> customerTokens.put(tenant + "/" + customer, v)));
        });
        config.credentialsDir().ifPresent(dir -> readDirectory(dir, partnerIds, partnerTokens, customerTokens));

        Map<String, VobizCredentials> partners = new HashMap<>();
        partnerIds.forEach((tenant, authId) -> {
            String token = partnerTokens.get(tenant);
            if (authId != null && !authId.isBlank() && token != null) {
                partners.put(tenant, new VobizCredentials(authId.strip(), token, new TenantId(tenant)));
            }
        });
        Map<String, VobizCredentials> customers = new HashMap<>();
        customerTokens.forEach((key, token) -> customers.put(key, new VobizCredentials(
                key.substring(key.indexOf('/') + 1), token, new TenantId(key.substring(0, key.indexOf('/'))))));
        Snapshot next = new Snapshot(Map.copyOf(partners), Map.copyOf(customers));
        if (!next.equals(snapshot)) {
            LOG.infof("Upstream credentials loaded: partner credentials for tenants %s, %d customer credential(s)",
                    new TreeSet<>(partners.keySet()), customers.size());
        }
        snapshot = next;
    }

    private static void readDirectory(Path dir, Map<String, String> partnerIds, Map<String, String> partnerTokens,
                                      Map<String, String> customerTokens) {
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(f -> !f.getFileName().toString().startsWith(".") && Files.isRegularFile(f)).toList();
        } catch (IOException e) {
            LOG.warnf("Credentials directory %s cannot be listed (%s); keeping configuration only", dir,
                    e.getClass().getSimpleName());
            return;
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            Optional<String> value = read(file);
            if (value.isEmpty()) {
                continue;
            }
            if (name.endsWith(PARTNER_ID)) {
                partnerIds.put(name.substring(0, name.length() - PARTNER_ID.length()), value.get());
            } else if (name.endsWith(PARTNER_TOKEN)) {
                partnerTokens.put(name.substring(0, name.length() - PARTNER_TOKEN.length()), value.get());
            } else if (name.contains(CUSTOMER) && name.endsWith(TOKEN)) {
                String tenant = name.substring(0, name.indexOf(CUSTOMER));
                String customer = name.substring(name.indexOf(CUSTOMER) + CUSTOMER.length(), name.length() - TOKEN.length());
                customerTokens.put(tenant + "/" + customer, value.get());
            } else {
                LOG.debugf("Ignoring unrecognised credentials file %s", name);
            }
        }
    }

    private static Optional<String> token(VobizConfig.Secret secret) {
        Optional<String> inline = secret.authToken().map(String::strip).filter(s -> !s.isEmpty());
        return inline.isPresent() ? inline : secret.authTokenFile().flatMap(CredentialStore::read);
    }

    private static Optional<String> read(Path file) {
        try {
            String value = Files.readString(file, StandardCharsets.UTF_8).strip();
            return value.isEmpty() ? Optional.empty() : Optional.of(value);
        } catch (IOException e) {
            LOG.warnf("Credentials file %s cannot be read (%s); ignoring it", file.getFileName(),
                    e.getClass().getSimpleName());
            return Optional.empty();
        }
    }
}
