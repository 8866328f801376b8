package io.flashsale.shared.infrastructure.persistence;

import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;
import org.flywaydb.core.api.output.MigrateResult;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Logger;

/**
 * Brings the database to the schema this release expects ({@link SchemaMigration}) before a persistence unit logs in:
 * every unit names this class as its {@code eclipselink.session-event-listener}, so no entity is read or written
 * against an older schema, whichever unit or instance starts first. The first login in a JVM migrates; Flyway's lock
 * in the database keeps two instances from migrating at once.
 */
public class MigrateBeforeLogin extends SessionEventAdapter {

    public static final String DATA_SOURCE = "jdbc/flashsale";
    private static final Logger LOG = Logger.getLogger(MigrateBeforeLogin.class.getName());
    private static volatile boolean migrated;

    @Override
    public void preLogin(SessionEvent event) {
        migrateOnce();
    }

    private static synchronized void migrateOnce() {
        if (migrated) {
            return;
        }
        // on a thread of its own: the caller may be inside a JTA transaction, which would enlist Flyway's connection
        // and refuse its own commits
        CompletableFuture.runAsync(() -> {
            try {
                MigrateResult result = SchemaMigration.migrate((DataSource) new InitialContext().lookup(DATA_SOURCE));
                LOG.info(() -> "database schema at version " + result.targetSchemaVersion + " ("
                        + result.migrationsExecuted + " migrations applied now)");
            } catch (NamingException e) {
                throw new IllegalStateException("no data source " + DATA_SOURCE, e);
            }
        }).join();
        migrated = true;
    }
}
