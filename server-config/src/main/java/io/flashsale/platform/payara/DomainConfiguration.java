package io.flashsale.platform.payara;

import io.flashsale.platform.PlatformSettings;

import java.util.ArrayList;
import java.util.List;

/** The domain as code: every asadmin command that turns a fresh Payara domain into this platform's server. */
public final class DomainConfiguration {

    public static final String JDBC_RESOURCE = "jdbc/flashsale";
    private static final String POOL = "flashsale-pool";
    private static final String CONFIG = "configs.config.server-config.";

    private DomainConfiguration() {
    }

    public static List<String> commands(PlatformSettings settings) {
        List<String> commands = new ArrayList<>();
        commands.addAll(jdbc(settings.database()));
        commands.addAll(jvmOptions(settings));
        commands.addAll(monitoring());
        commands.addAll(network());
        return commands;
    }

    static List<String> jdbc(PlatformSettings.DatabaseEndpoint db) {
        String properties = String.join(":",
                "serverName=" + Asadmin.escape(db.host()),
                "portNumber=" + db.port(),
                "databaseName=" + Asadmin.escape(db.name()),
                "user=" + Asadmin.escape(db.user()),
                "password=" + Asadmin.escape(db.password()),
                "useSSL=false",
                "allowPublicKeyRetrieval=true",
                "connectTimeout=2000",
                "socketTimeout=30000",
                "tcpKeepAlive=true",
                "rewriteBatchedStatements=true",
                "cachePrepStmts=true",
                "prepStmtCacheSize=250",
                "useLocalSessionState=true",
                "characterEncoding=UTF-8");
        return List.of(
                "create-jdbc-connection-pool --datasourceclassname=com.mysql.cj.jdbc.MysqlDataSource"
                        + " --restype=javax.sql.DataSource --steadypoolsize=8 --maxpoolsize=64 --maxwait=5000"
                        + " --isconnectvalidatereq=true --validationmethod=custom-validation"
                        + " --validationclassname=org.glassfish.api.jdbc.validation.MySQLConnectionValidation"
                        + " --failconnection=true --statementtimeout=30"
                        + " --property " + properties + " " + POOL,
                "create-jdbc-resource --connectionpoolid=" + POOL + " " + JDBC_RESOURCE);
    }

    static List<String> jvmOptions(PlatformSettings settings) {
        return List.of(
                "delete-jvm-options -Xmx512m",
                "create-jvm-options -Xmx2g",
                "create-jvm-options -Xms1g",
                // SmallRye's jars carry an empty beans.xml, which CDI 4 reads as "annotated"; they need "all".
                "create-jvm-options -Dfish.payara.deployment.emptyBeansXmlModeALL=true",
                "create-jvm-options -Dflashsale.redis.host=" + settings.redis().host(),
                "create-jvm-options -Dflashsale.redis.port=" + settings.redis().port(),
                "create-jvm-options -Dmp.messaging.connector.smallrye-kafka.bootstrap.servers="
                        + Asadmin.escape(settings.kafka().bootstrapServers()));
    }

    /** What the admin console's Monitoring Data pages show: JDBC pool, EJB container, HTTP service, thread pools. */
    static List<String> monitoring() {
        List<String> commands = new ArrayList<>();
        for (String module : List.of("jdbc-connection-pool", "connector-connection-pool", "ejb-container",
                "http-service", "thread-pool", "web-container", "jvm", "transaction-service")) {
            commands.add("set " + CONFIG + "monitoring-service.module-monitoring-levels." + module + "=HIGH");
        }
        return commands;
    }

    /** Loopback only; a bigger HTTP worker pool for flash-sale stampedes. */
    static List<String> network() {
        String listeners = CONFIG + "network-config.network-listeners.network-listener.";
        return List.of(
                "set " + listeners + "http-listener-1.address=127.0.0.1",
                "set " + listeners + "http-listener-2.address=127.0.0.1",
                "set " + listeners + "admin-listener.address=127.0.0.1",
                "set " + CONFIG + "thread-pools.thread-pool.http-thread-pool.max-thread-pool-size=256",
                "set " + CONFIG + "thread-pools.thread-pool.http-thread-pool.min-thread-pool-size=16");
    }
}
