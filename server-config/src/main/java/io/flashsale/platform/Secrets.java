package io.flashsale.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The development secrets, kept outside the repository in {@code <work>/secrets}: one file per MicroProfile Config
 * property, read by Payara's directory config source. Generated once and reused, so tokens and the admin
 * password survive a restart. Anything set in the environment wins (its config ordinal is higher) and is not
 * written to disk.
 */
public final class Secrets {

    public static final String SIGNING_KEY = "flashsale.auth.signing-key";
    public static final String PUBLIC_KEY = "mp.jwt.verify.publickey";
    public static final String ADMIN_USERNAME = "seckill.admin.username";
    public static final String ADMIN_PASSWORD = "seckill.admin.password";
    public static final String PAYMENT_CALLBACK_SECRET = "flashsale.payment.callback-secret";
    /** The embedded MariaDB's application user's password (an external database's comes from the environment). */
    public static final String DATABASE_PASSWORD = "flashsale.db.password";
    /** The embedded Redis's password, read by the application as MicroProfile Config. */
    public static final String REDIS_PASSWORD = "flashsale.redis.password";
    /** The embedded Kafka broker's password for the application's SASL user, read by it as MicroProfile Config. */
    public static final String KAFKA_PASSWORD = "flashsale.kafka.password";
    /** Payara's {@code admin} user (admin console, admin REST API, asadmin). */
    public static final String PAYARA_ADMIN_PASSWORD = "flashsale.payara.admin-password";

    private final Path directory;

    public Secrets(Path directory) {
        this.directory = directory;
    }

    public record AdminCredentials(String username, String password) {

        @Override
        public String toString() {
            return "AdminCredentials[" + username + ", password hidden]";
        }
    }

    public Path directory() {
        return directory;
    }

    /** Creates what is missing: an RSA key pair for tokens and, unless the environment names one, an admin. */
    public void prepare() {
        try {
            Files.createDirectories(directory);
            restrict(directory, "rwx------");
            if (fromEnvironment(SIGNING_KEY).isEmpty()
                    && (!Files.exists(file(SIGNING_KEY)) || !Files.exists(file(PUBLIC_KEY)))) {
                KeyPair pair = newKeyPair();
                write(SIGNING_KEY, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
                write(PUBLIC_KEY, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            }
            if (fromEnvironment(ADMIN_USERNAME).isEmpty() && !Files.exists(file(ADMIN_USERNAME))) {
                write(ADMIN_USERNAME, "admin");
            }
            if (fromEnvironment(ADMIN_PASSWORD).isEmpty() && !Files.exists(file(ADMIN_PASSWORD))) {
                write(ADMIN_PASSWORD, randomPassword());
            }
            for (String secret : new String[] {PAYMENT_CALLBACK_SECRET, DATABASE_PASSWORD, REDIS_PASSWORD,
                    KAFKA_PASSWORD, PAYARA_ADMIN_PASSWORD}) {
                if (fromEnvironment(secret).isEmpty() && !Files.exists(file(secret))) {
                    write(secret, randomSecret(32));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first administrator as the application will create it (environment first, then the generated files). */
    public AdminCredentials admin() {
        return new AdminCredentials(value(ADMIN_USERNAME), value(ADMIN_PASSWORD));
    }

    public String databasePassword() {
        return value(DATABASE_PASSWORD);
    }

    public String redisPassword() {
        return value(REDIS_PASSWORD);
    }

    public String kafkaPassword() {
        return value(KAFKA_PASSWORD);
    }

    public String payaraAdminPassword() {
        return value(PAYARA_ADMIN_PASSWORD);
    }

    /** Where the run command tells the operator to find the admin console's password. */
    public Path payaraAdminPasswordFile() {
        return file(PAYARA_ADMIN_PASSWORD);
    }

    /** The key the payment provider signs its callbacks with (shared with the provider, never printed). */
    public String paymentCallbackSecret() {
        return value(PAYMENT_CALLBACK_SECRET);
    }

    /** Where the run command tells the user to look; the password itself is never printed. */
    public Path adminPasswordFile() {
        return file(ADMIN_PASSWORD);
    }

    public boolean adminFromEnvironment() {
        return fromEnvironment(ADMIN_PASSWORD).isPresent();
    }

    private String value(String property) {
        return fromEnvironment(property).orElseGet(() -> {
            try {
                return Files.readString(file(property), StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static Optional<String> fromEnvironment(String property) {
        String value = System.getenv(property.toUpperCase().replaceAll("[^A-Z0-9]", "_"));
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    private Path file(String property) {
        return directory.resolve(property);
    }

    private void write(String property, String value) throws IOException {
        Path file = file(property);
        Files.writeString(file, value, StandardCharsets.UTF_8);
        restrict(file, "rw-------");
    }

    private static void restrict(Path path, String permissions) throws IOException {
        if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        }
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** DER bytes as PEM text of the given type ("PUBLIC KEY", "CERTIFICATE"...). */
    public static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static String randomPassword() {
        return randomSecret(18);
    }

    /** {@code bytes} random bytes, URL-safe base64: a generated password or key. */
    public static String randomSecret(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
