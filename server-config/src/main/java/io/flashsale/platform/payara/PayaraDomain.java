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
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** One Payara Server domain, created afresh from code on every start so no hand-made state survives. */
public final class PayaraDomain {

    public static final String NAME = "flashsale";
    public static final String APPLICATION = "flashsale";

    private final PlatformSettings settings;
    private final Path domainsDir;
    private final Path passwordFile;
    private final Asadmin asadmin;
    private boolean started;
    private boolean groupStarted;

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
        if (settings.instances().group()) {
            for (int i = 1; i <= settings.instances().count(); i++) {
                Ports.requireFree("Payara instance " + settings.instances().name(i) + " HTTP",
                        settings.instances().httpPort(i));
            }
            Directories.deleteRecursively(nodesDir());
        }
        Directories.deleteRecursively(domainsDir.resolve(NAME));
        writePasswordFile();
        timed("create-domain", () -> asadmin.run("create-domain",
                "--adminport", Integer.toString(settings.adminPort()),
                "--instanceport", Integer.toString(settings.httpPort()), "--domaindir", domainsDir.toString(), NAME));
        installJdbcDriver();
        installVendorMetrics();
        DomainXml.edit(domainsDir.resolve(NAME).resolve("config/domain.xml"), settings);
        if (settings.instances().group()) {
            installInstanceLogging();
        }
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
        if (groupStarted) {
            stopInstances();
            groupStarted = false;
        }
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
        if (!settings.instances().group()) {
            asadmin.run("deploy", "--force=true", "--name", APPLICATION,
                    "--properties", "emptyBeansXmlModeALL=true", ear.toString());
            return;
        }
        asadmin.run("deploy", "--force=true", "--name", APPLICATION, "--target", DomainConfiguration.DEPLOYMENT_GROUP,
                "--properties", "emptyBeansXmlModeALL=true", ear.toString());
        if (!groupStarted) {
            // the instances start in parallel, each loading the application it is given by the DAS
            groupStarted = true;
            asadmin.run("start-deployment-group", "--instanceTimeout", "300", "--timeout", "600",
                    DomainConfiguration.DEPLOYMENT_GROUP);
        }
    }

    /**
     * Each running instance by itself, in parallel, and killed if it does not stop. Not stop-deployment-group: with
     * one instance of the group dead (killed), the DAS waited for that one's "real death" for minutes.
     */
    private void stopInstances() {
        List<CompletableFuture<Void>> stops = new ArrayList<>();
        for (int i = 1; i <= settings.instances().count(); i++) {
            String name = settings.instances().name(i);
            instanceProcess(i).filter(ProcessHandle::isAlive).ifPresent(process -> stops.add(
                    CompletableFuture.runAsync(() -> {
                        try {
                            asadmin.run("stop-instance", "--timeout", "60", name);
                        } catch (IllegalStateException e) {
                            System.err.println("[flashsale] stopping " + name + ": " + e.getMessage());
                        }
                        process.destroyForcibly();
                    })));
        }
        stops.forEach(CompletableFuture::join);
    }

    /** The JVM of instance {@code i} (from 1), from the pid file Payara writes when it starts. */
    private Optional<ProcessHandle> instanceProcess(int instance) {
        Path pidFile = instanceDir(instance).resolve("config/pid");
        try {
            return Files.exists(pidFile) ? ProcessHandle.of(Long.parseLong(Files.readString(pidFile).strip()))
                    : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Adds instance {@code i} (from 1, beyond the configured count) to the running group and starts it; it serves
     * the deployed application once started. {@link #removeInstance} takes it away again.
     */
    public void addInstance(int instance) {
        asadmin.runAll(DomainConfiguration.newInstance(settings.instances(), instance));
        startInstance(instance);
    }

    public void removeInstance(int instance) {
        String name = settings.instances().name(instance);
        asadmin.run("stop-instance", "--timeout", "60", name);
        asadmin.run("remove-instance-from-deployment-group", "--instance", name,
                "--deploymentgroup", DomainConfiguration.DEPLOYMENT_GROUP);
        asadmin.run("delete-instance", name);
    }

    /** Starts instance {@code i} (from 1) of the deployment group again, as an operator would after it died. */
    public void startInstance(int instance) {
        asadmin.run("start-instance", "--timeout", "300", settings.instances().name(instance));
    }

    /** Where instance {@code i} (from 1) of the deployment group keeps its files: config, logs, applications. */
    public Path instanceDir(int instance) {
        return nodesDir().resolve(DomainConfiguration.NODE).resolve(settings.instances().name(instance));
    }

    private Path nodesDir() {
        return settings.workDir().resolve("nodes");
    }

    /** Sets monitoring module levels on the running server (they take effect at once, no restart). */
    public void setMonitoringLevels(Map<String, String> levels) {
        List<String> arguments = new ArrayList<>(List.of("set"));
        levels.forEach((module, level) -> arguments.add(
                "configs.config.server-config.monitoring-service.module-monitoring-levels." + module + "=" + level));
        asadmin.run(arguments.toArray(String[]::new));
    }

    /** The log of the server that runs the application (the first instance's with a deployment group). */
    public Path serverLog() {
        return serverLogs().get(settings.instances().group() ? 1 : 0);
    }

    /** The DAS's log, then each instance's. */
    public List<Path> serverLogs() {
        List<Path> logs = new ArrayList<>(List.of(domainsDir.resolve(NAME).resolve("logs/server.log")));
        if (settings.instances().group()) {
            for (int i = 1; i <= settings.instances().count(); i++) {
                logs.add(instanceDir(i).resolve("logs/server.log"));
            }
        }
        return logs;
    }

    /**
     * An instance reads its logging.properties from the domain's directory named after its configuration, which
     * {@code copy-config} would have filled; the configuration being copied in domain.xml, its file is copied here.
     */
    private void installInstanceLogging() {
        Path config = domainsDir.resolve(NAME).resolve("config");
        try {
            Files.createDirectories(config.resolve(DomainConfiguration.INSTANCE_CONFIG));
            Files.copy(config.resolve("default-logging.properties"),
                    config.resolve(DomainConfiguration.INSTANCE_CONFIG).resolve("logging.properties"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
