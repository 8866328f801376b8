package io.flashsale.platform.payara;

import io.flashsale.platform.PlatformSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The checked-in .asadmin files, filled in from the settings: the exact commands the domain is configured with. */
class DomainConfigurationTest {

    @TempDir
    Path dir;

    @AfterEach
    void clear() {
        System.clearProperty("flashsale.payara.home");
        System.clearProperty("flashsale.kafka.libs");
    }

    private PlatformSettings settings(Map<String, String> env) {
        System.setProperty("flashsale.payara.home", dir.toString());
        System.setProperty("flashsale.kafka.libs", dir.toString());
        return PlatformSettings.resolve(env);
    }

    @Test
    void oneServerGetsThePoolTheResourceAndTheSecretsWithEveryValueFilledIn() {
        PlatformSettings settings = settings(Map.of("FLASHSALE_WORK_DIR", dir.resolve("work").toString()));
        List<String> commands = DomainConfiguration.commands(settings);
        assertEquals(List.of(
                "create-password-alias flashsale-db-password",
                "create-jdbc-connection-pool --datasourceclassname=com.mysql.cj.jdbc.MysqlDataSource"
                        + " --restype=javax.sql.DataSource --steadypoolsize=8 --maxpoolsize=64 --maxwait=5000"
                        + " --isconnectvalidatereq=true --validateatmostonceperiod=2 --validationmethod=custom-validation"
                        + " --validationclassname=org.glassfish.api.jdbc.validation.MySQLConnectionValidation"
                        + " --failconnection=true --isolationlevel=read-committed --property serverName=127.0.0.1"
                        + ":portNumber=13306:databaseName=flashsale:user=flashsale"
                        + ":password=${ALIAS\\=flashsale-db-password}:sslMode=DISABLED:connectTimeout=2000"
                        + ":socketTimeout=30000:tcpKeepAlive=true:rewriteBatchedStatements=true:cachePrepStmts=true"
                        + ":prepStmtCacheSize=250:useLocalSessionState=true:characterEncoding=UTF-8"
                        + ":sessionVariables=innodb_lock_wait_timeout\\=3 flashsale-pool",
                "create-jdbc-resource --connectionpoolid=flashsale-pool jdbc/flashsale",
                "set-config-dir --directory=" + settings.secrets().directory()), commands);
    }

    @Test
    void aGroupGetsItsNodeGroupResourceAndInstances() {
        PlatformSettings settings = settings(Map.of("FLASHSALE_INSTANCES", "2",
                "FLASHSALE_WORK_DIR", dir.resolve("work").toString()));
        List<String> group = DomainConfiguration.deploymentGroup(settings);
        assertEquals(List.of(
                "set-config-dir --target=flashsale-config --directory=" + settings.secrets().directory(),
                "create-node-config --nodehost=127.0.0.1 --installdir=" + settings.payaraHome() + " --nodedir="
                        + settings.workDir().resolve("nodes") + " flashsale-node",
                "create-deployment-group flashsale-group",
                "create-resource-ref --target=flashsale-group jdbc/flashsale",
                "create-instance --node=flashsale-node --config=flashsale-config --portbase=28000 --checkports=true"
                        + " flashsale-1",
                "add-instance-to-deployment-group --instance=flashsale-1 --deploymentgroup=flashsale-group",
                "create-instance --node=flashsale-node --config=flashsale-config --portbase=28100 --checkports=true"
                        + " flashsale-2",
                "add-instance-to-deployment-group --instance=flashsale-2 --deploymentgroup=flashsale-group"), group);
        assertFalse(DomainConfiguration.commands(settings).stream().anyMatch(command -> command.contains("${")
                && !command.contains("${ALIAS")), "no placeholder left");
    }

    @Test
    void aPlaceholderWithoutAValueIsRefused() {
        assertThrows(IllegalStateException.class, () -> AsadminScript.commands("instance.asadmin", Map.of()));
    }
}
