package io.flashsale.platform.payara;

import io.flashsale.platform.Directories;
import io.flashsale.platform.Platform;
import io.flashsale.platform.PlatformSettings;
import io.flashsale.platform.dataservices.Ports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One Payara Server domain, created afresh from code on every start so no hand-made state survives. */
public final class PayaraDomain {

    public static final String NAME = "flashsale";
    public static final String APPLICATION = "flashsale";

    private final PlatformSettings settings;
    private final Path domainsDir;
    private final Path passwordFile;
    private final Asadmin asadmin;
    private boolean started;

    public PayaraDomain(PlatformSettings settings) {
        this.settings = settings;
        this.domainsDir = settings.workDir().resolve("domains");
        this.passwordFile = domainsDir.resolve(".asadmin-passwords");
        this.asadmin = new Asadmin(settings.payaraHome(), settings.adminPort(), passwordFile);
    }

    /**
     * Creates and configures the domain and leaves it running, every port on loopback only. The {@code admin} user
     * has the generated password of {@code work/secrets} (admin console, admin REST API, asadmin).
     */
    public void provision() {
        Ports.requireFree("Payara admin", settings.adminPort());
        Ports.requireFree("Payara HTTP", settings.httpPort());
        Directories.deleteRecursively(domainsDir.resolve(NAME));
        writePasswordFile();
        timed("create-domain", () -> asadmin.run("create-domain",
                "--adminport", Integer.toString(settings.adminPort()),
                "--instanceport", Integer.toString(settings.httpPort()), "--domaindir", domainsDir.toString(), NAME));
        installJdbcDriver();
        installVendorMetrics();
        DomainXml.edit(domainsDir.resolve(NAME).resolve("config/domain.xml"), DomainConfiguration.replacedJvmOptions(),
                DomainConfiguration.jvmOptions(settings), "127.0.0.1", DomainConfiguration.httpThreadPool(),
                DomainConfiguration.httpProtocol());
        timed("start-domain", this::start);
        timed("configure", () -> asadmin.runAll(DomainConfiguration.commands(settings)));
    }

    /** asadmin reads passwords from a file only; it lives next to the domain, readable by its owner alone. */
    private void writePasswordFile() {
        try {
            Files.createDirectories(domainsDir);
            Files.deleteIfExists(passwordFile);
            Files.createFile(passwordFile);
            if (passwordFile.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));
            }
            Files.writeString(passwordFile, "AS_ADMIN_PASSWORD=" + settings.secrets().payaraAdminPassword() + "\n"
                    + "AS_ADMIN_ALIASPASSWORD=" + settings.databasePassword() + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void timed(String step, Runnable action) {
        long t0 = System.nanoTime();
        action.run();
        Platform.log("  %s: %d ms", step, (System.nanoTime() - t0) / 1_000_000);
    }

    public void start() {
        asadmin.run("start-domain", "--domaindir", domainsDir.toString(), NAME);
        started = true;
    }

    public void stop() {
        if (started) {
            try {
                asadmin.run("stop-domain", "--domaindir", domainsDir.toString(), NAME);
            } catch (IllegalStateException e) {
                System.err.println("[flashsale] stopping Payara: " + e.getMessage());
            }
            started = false;
        }
    }

    public void deploy(Path ear) {
        if (!Files.isRegularFile(ear)) {
            throw new IllegalStateException(ear + " does not exist: build the project first");
        }
        asadmin.run("deploy", "--force=true", "--name", APPLICATION,
                "--properties", "emptyBeansXmlModeALL=true", ear.toString());
    }

    /** Sets monitoring module levels on the running server (they take effect at once, no restart). */
    public void setMonitoringLevels(Map<String, String> levels) {
        List<String> arguments = new ArrayList<>(List.of("set"));
        levels.forEach((module, level) -> arguments.add(
                "configs.config.server-config.monitoring-service.module-monitoring-levels." + module + "=" + level));
        asadmin.run(arguments.toArray(String[]::new));
    }

    public Path serverLog() {
        return domainsDir.resolve(NAME).resolve("logs/server.log");
    }

    /** metrics.xml: Payara reads it from the domain's config directory at start (see the file). */
    private void installVendorMetrics() {
        try (var in = PayaraDomain.class.getResourceAsStream("metrics.xml")) {
            Files.copy(in, domainsDir.resolve(NAME).resolve("config/metrics.xml"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void installJdbcDriver() {
        try {
            Path driver = Path.of(com.mysql.cj.jdbc.Driver.class.getProtectionDomain().getCodeSource().getLocation()
                    .toURI());
            Path lib = domainsDir.resolve(NAME).resolve("lib");
            Files.createDirectories(lib);
            Files.copy(driver, lib.resolve("mysql-connector-j.jar"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
