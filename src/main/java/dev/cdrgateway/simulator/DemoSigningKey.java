package dev.cdrgateway.simulator;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The dev/demo mode token signing key: an RSA key pair generated once per process, so no signing key is ever
 * committed or reused across runs. Its public half is handed to Quarkus OIDC by {@link DemoKeyConfigSource},
 * its private half signs the tokens {@link DemoTokens} prints.
 */
final class DemoSigningKey {

    private DemoSigningKey() {
    }

    private static final class Holder {
        static final KeyPair KEYS = generate();

        private static KeyPair generate() {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                return generator.generateKeyPair();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("RSA unavailable", e);
            }
        }
    }

    static KeyPair keys() {
        return Holder.KEYS;
    }

    /** The public key as Quarkus OIDC's {@code public-key} expects it: base64 of the X.509 encoding. */
    static String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(keys().getPublic().getEncoded());
    }
}
