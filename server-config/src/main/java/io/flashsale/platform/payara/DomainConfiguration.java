package io.flashsale.platform.payara;

import io.flashsale.platform.PlatformSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The domain as code: the JVM options written before the first start, then every asadmin command that turns the
 * running fresh domain into this platform's server.
 */
public final class DomainConfiguration {

    public static final String JDBC_RESOURCE = "jdbc/flashsale";
    private static final String POOL = "flashsale-pool";

    /** The deployment group that runs the application when there are several instances, and its parts. */
    public static final String DEPLOYMENT_GROUP = "flashsale-group";
    /** The configuration the instances share: a copy of default-config, set up like the DAS's own. */
    public static final String INSTANCE_CONFIG = "flashsale-config";
    /** A CONFIG node on this machine, so the instances' directories live in the work directory, not Payara's. */
    public static final String NODE = "flashsale-node";

    private DomainConfiguration() {
    }

    /** The alias under which domain.xml refers to the database password (kept in the domain's keystore). */
    public static final String DATABASE_PASSWORD_ALIAS = "flashsale-db-password";

    /** The commands of {@code domain.asadmin} (and of the deployment group's files when there are instances). */
    public static List<String> commands(PlatformSettings settings) {
        PlatformSettings.DatabaseEndpoint db = settings.database();
        List<String> commands = new ArrayList<>(AsadminScript.commands("domain.asadmin", Map.ofEntries(
                Map.entry("databasePasswordAlias", DATABASE_PASSWORD_ALIAS),
                Map.entry("dbHost", Asadmin.escape(db.host())),
                Map.entry("dbPort", Integer.toString(db.port())),
                Map.entry("dbName", Asadmin.escape(db.name())),
                Map.entry("dbUser", Asadmin.escape(db.user())),
                // not in clear in domain.xml: the alias is resolved from the domain's password store
                Map.entry("dbPassword", Asadmin.escape("${ALIAS=" + DATABASE_PASSWORD_ALIAS + "}")),
                Map.entry("dbSslMode", db.sslMode()),
                Map.entry("dbSessionVariables", Asadmin.escape("innodb_lock_wait_timeout="
                        + db.lockWaitTimeoutSeconds())),
                Map.entry("pool", POOL),
                Map.entry("jdbcResource", JDBC_RESOURCE),
                Map.entry("secretsDir", settings.secrets().directory().toString()))));
        if (settings.instances().group()) {
            commands.addAll(deploymentGroup(settings));
        }
        return commands;
    }

    /**
     * The deployment group and its instances, created stopped; the application is deployed to the group and the
     * group started afterwards ({@link PayaraDomain}).
     */
    public static List<String> deploymentGroup(PlatformSettings settings) {
        List<String> commands = new ArrayList<>(AsadminScript.commands("deployment-group.asadmin", Map.of(
                "instanceConfig", INSTANCE_CONFIG,
                "secretsDir", settings.secrets().directory().toString(),
                "payaraHome", settings.payaraHome().toString(),
                "nodesDir", settings.workDir().resolve("nodes").toString(),
                "node", NODE,
                "group", DEPLOYMENT_GROUP,
                "jdbcResource", JDBC_RESOURCE)));
        for (int i = 1; i <= settings.instances().count(); i++) {
            commands.addAll(newInstance(settings.instances(), i));
        }
        return commands;
    }

    /** Instance {@code i} (from 1) of the group: the commands of {@code instance.asadmin}. */
    static List<String> newInstance(PlatformSettings.Instances instances, int i) {
        return AsadminScript.commands("instance.asadmin", Map.of(
                "name", instances.name(i),
                "node", NODE,
                "instanceConfig", INSTANCE_CONFIG,
                "portBase", Integer.toString(instances.portBase(i)),
                "group", DEPLOYMENT_GROUP));
    }

    /**
     * The Data Grid's members on this machine: the DAS on 4900, the instances from 5900 on (each takes the next free
     * port, in the order they start).
     */
    static String dataGridMembers(PlatformSettings.Instances instances) {
        List<String> members = new ArrayList<>(List.of("127.0.0.1:4900"));
        for (int i = 0; i < instances.count(); i++) {
            members.add("127.0.0.1:" + (5900 + i));
        }
        return String.join(",", members);
    }

    /** JVM options of the server, written into domain.xml before its first start (no escaping needed there). */
    public static List<String> jvmOptions(PlatformSettings settings) {
        List<String> options = new ArrayList<>(List.of(
                "-Xmx2g",
                "-Xms1g",
                // SmallRye's jars carry an empty beans.xml, which CDI 4 reads as "annotated"; they need "all".
                "-Dfish.payara.deployment.emptyBeansXmlModeALL=true",
                // Payara's MP-JWT parser calls Json.createReader per token; naming the provider skips a
                // ServiceLoader scan of the server's class path on every authenticated request
                "-Djakarta.json.provider=org.eclipse.parsson.JsonProviderImpl",
                // the Data Grid on its configured interface only (loopback), not on every address
                "-Dhazelcast.socket.bind.any=false",
                "-Dflashsale.redis.host=" + settings.redis().host(),
                "-Dflashsale.redis.port=" + settings.redis().port(),
                "-Dflashsale.redis.tls=" + settings.redis().tls(),
                "-Dmp.messaging.connector.smallrye-kafka.bootstrap.servers=" + settings.kafka().bootstrapServers(),
                // SASL: the JAAS line is composed in microprofile-config.properties from these and the password
                // (work/secrets for the embedded broker, FLASHSALE_KAFKA_PASSWORD in the environment otherwise)
                "-Dmp.messaging.connector.smallrye-kafka.security.protocol=" + settings.kafka().securityProtocol(),
                "-Dmp.messaging.connector.smallrye-kafka.sasl.mechanism=" + settings.kafka().saslMechanism(),
                "-Dflashsale.kafka.login-module=" + settings.kafka().loginModule(),
                "-Dflashsale.kafka.username=" + settings.kafka().username()));
        if (settings.redis().clustered()) {
            // domain.xml separates JVM options by element, so the list's commas need no escaping
            options.add("-Dflashsale.redis.cluster=" + settings.redis().cluster());
        }
        return options;
    }

    public static List<String> replacedJvmOptions() {
        return List.of("-Xmx512m");
    }

    /**
     * Monitoring levels, written into domain.xml before the first start: what the admin console's Monitoring Data
     * pages, the monitoring REST API (/monitoring/domain/server/...) and the vendor metrics in /metrics show. In
     * Payara 6 LOW shows nothing for these modules: their statistics providers register at HIGH, and a provider is
     * only switched on at its own level or above (only the JVM's register at LOW; upstream GlassFish issue 17259). So:
     * HIGH for the JDBC pool (connections used/free, waits), http-service (the HTTP listener's thread pool, connection
     * queue and request counts; the module named thread-pool covers managed executors only) and the EJB container
     * (bean pools, per-method times); LOW for the JVM; the rest off. Their cost under load is measured against all
     * OFF in docs/benchmarks.md.
     */
    public static Map<String, String> monitoringLevels() {
        return Map.of(
                "jdbc-connection-pool", "HIGH",
                "http-service", "HIGH",
                "ejb-container", "HIGH",
                "jvm", "LOW",
                "thread-pool", "OFF",
                "connector-connection-pool", "OFF",
                "transaction-service", "OFF",
                "web-container", "OFF");
    }

    /** The vendor metrics (metrics.xml) read the monitoring MBeans, which only exist with AMX on. */
    public static Map<String, String> amx() {
        return Map.of("enabled", "true");
    }

    /**
     * Admin-service properties. The admin console is a web application Payara deploys on its first request (that
     * request took over 10 s); ALWAYS loads it while the server starts instead.
     */
    public static Map<String, String> adminServiceProperties() {
        return Map.of("adminConsoleStartup", "ALWAYS");
    }

    /**
     * The HTTP worker pool, written into domain.xml before the first start (the pool is built at start). Fixed size
     * (min = max): Grizzly then uses its lock-free fixed pool; with min below max it uses a pool whose idle workers all
     * wait on one monitor (229 of 256 were blocked there under load). 32, not hundreds: no worker waits for Kafka (the
     * purchase answers asynchronously), and on 2 cores more runnable threads only add switching. Measured in
     * docs/benchmarks.md.
     */
    public static Map<String, String> httpThreadPool() {
        return Map.of("min-thread-pool-size", "32", "max-thread-pool-size", "32");
    }

    /**
     * {@code max-connections} is Grizzly's number of requests per keep-alive connection (default 250): a load
     * balancer's or client's connection is kept for as many requests as it sends. No {@code Server} and
     * {@code X-Powered-By} headers: they told anyone the exact Payara, Java and OS versions. Request headers up to
     * 16 KB (default 8 KB), so that an oversized bearer token reaches the application and gets its 401 problem;
     * beyond that the HTTP codec refuses the request with an empty 400 before any application code runs.
     */
    public static Map<String, String> httpProtocol() {
        return Map.of("max-connections", "-1", "server-header", "false", "xpowered-by", "false",
                "header-buffer-length-bytes", "16384");
    }
}
