package io.flashsale.it.support;

import io.flashsale.platform.Platform;
import io.flashsale.platform.PlatformSettings;
import org.junit.platform.launcher.LauncherSession;

import java.net.MalformedURLException;
import java.net.URL;
import java.time.Duration;
import java.util.List;

import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts the real platform once per test JVM, before any test class: MariaDB, Redis, Kafka and a freshly
 * provisioned Payara domain (the same code as the run command). Arquillian then deploys into that domain, once
 * ({@link SuiteDeployment}). With a deployment group ({@code FLASHSALE_INSTANCES} above 1), which Arquillian's Payara
 * adapter cannot target, the EAR is deployed to the group here, as the run command does, and the test classes of that
 * run are plain HTTP clients.
 */
public class PlatformSession implements LauncherSessionListener {

    private static Platform platform;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (platform == null && System.getProperty("flashsale.payara.home") != null) {
            platform = new Platform(PlatformSettings.resolve());
            platform.resetData(); // every test run starts from empty databases and topics
            Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "platform-stop"));
            platform.start();
            if (platform.settings().instances().group()) {
                platform.deploy();
                platform.awaitReady(Duration.ofMinutes(5));
            }
            // arquillian.xml deploys with the admin user's generated password
            System.setProperty("flashsale.payara.admin-password",
                    platform.settings().secrets().payaraAdminPassword());
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (platform != null) {
            platform.close();
            platform = null;
        }
    }

    /** Every server that runs the application: the DAS, or each instance of the deployment group. */
    public static List<Http> servers() {
        return platform().settings().httpBaseUrls().stream().map(Http::new).toList();
    }

    /** Where the HTTP test classes reach the application (the one deployment the suite shares). */
    public static URL serverUrl() {
        try {
            return new URL(platform().settings().httpBaseUrl() + "/");
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Platform platform() {
        if (platform == null) {
            throw new IllegalStateException("the platform is not running in this JVM");
        }
        return platform;
    }
}
