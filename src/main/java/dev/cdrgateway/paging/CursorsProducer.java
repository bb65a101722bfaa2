package dev.cdrgateway.paging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/** Makes the cursor signer from {@code gateway.cursor-secret}, or a random key when none is configured. */
@ApplicationScoped
public class CursorsProducer {

    private static final Logger LOG = Logger.getLogger(CursorsProducer.class);

    @Produces
    @ApplicationScoped
    Cursors cursors(PagingConfig config) {
        if (config.cursorSecret().isPresent()) {
            byte[] secret = config.cursorSecret().get().getBytes(StandardCharsets.UTF_8);
            if (secret.length < 16) {
                throw new IllegalStateException("gateway.cursor-secret must be at least 16 bytes long");
            }
            return new Cursors(secret);
        }
        LOG.warn("gateway.cursor-secret is not set: using a random key, so cursors will not survive a restart or "
                + "work across replicas");
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return new Cursors(secret);
    }
}
