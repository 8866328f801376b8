package io.flashsale.it.support;

import io.flashsale.platform.PlatformSettings;
import io.flashsale.platform.Secrets;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * After every test class (registered for all of them in {@code META-INF/services}): no password any test used, no
 * service credential and no bearer token is in Payara's log. A class whose requests leaked one fails here.
 */
public class NothingSecretLogged implements AfterAllCallback {

    private static final Set<String> PASSWORDS = ConcurrentHashMap.newKeySet();

    /** A password a test sent to the server. */
    public static String remember(String password) {
        PASSWORDS.add(password);
        return password;
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (System.getProperty("flashsale.payara.home") == null) {
            return; // no platform in this JVM
        }
        PlatformSettings settings = PlatformSession.platform().settings();
        for (Path serverLog : PlatformSession.platform().domain().serverLogs()) {
            checkNothingSecretIn(serverLog, settings);
        }
    }

    private static void checkNothingSecretIn(Path serverLog, PlatformSettings settings) throws IOException {
        Secrets secrets = settings.secrets();
        String log = Files.exists(serverLog) ? Files.readString(serverLog) : "";
        for (String secret : List.of(secrets.admin().password(), secrets.payaraAdminPassword(),
                secrets.paymentCallbackSecret(), settings.databasePassword(), settings.redisPassword(),
                settings.kafkaPassword())) {
            if (log.contains(secret)) {
                throw new AssertionError("a service credential or the admin's password is in " + serverLog);
            }
        }
        for (String password : PASSWORDS) {
            if (log.contains(password)) {
                throw new AssertionError("a password sent by a test is in " + serverLog);
            }
        }
        if (log.contains("eyJ")) {
            throw new AssertionError("a bearer token (eyJ...) is in " + serverLog);
        }
    }
}
