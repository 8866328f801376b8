package io.flashsale.shared.infrastructure.persistence;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;

/**
 * The database schema as Flyway migrations ({@code db/migration} of this jar). A database created before migrations
 * existed (by EclipseLink's DDL generation, the schema of {@code V1}) is baselined at version 1 and gets the later
 * migrations only. Run when the application starts ({@link MigrateBeforeLogin}).
 */
public final class SchemaMigration {

    private SchemaMigration() {
    }

    /** Migrates the database behind {@code dataSource} to the newest migration of this jar. */
    public static MigrateResult migrate(DataSource dataSource) {
        return flyway(dataSource).migrate();
    }

    /** Flyway as the application runs it on {@code dataSource} (its {@code info()} says what is applied, what not). */
    public static Flyway flyway(DataSource dataSource) {
        return Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .baselineOnMigrate(true)
                .baselineVersion("1")
                .baselineDescription("schema created by EclipseLink before migrations")
                .load();
    }
}
