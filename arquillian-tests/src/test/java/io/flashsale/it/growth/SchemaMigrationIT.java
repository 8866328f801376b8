package io.flashsale.it.growth;

import com.mysql.cj.jdbc.MysqlDataSource;
import io.flashsale.it.support.ScratchDatabase;
import io.flashsale.shared.infrastructure.persistence.SchemaMigration;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The application's schema migrations (Flyway, run before any persistence unit logs in) on a MariaDB of their own,
 * beside the suite's platform: an empty database gets every migration; a database left by the previous release (the
 * tables EclipseLink generated, with data, no migration history) is baselined and keeps its data; the indexes the
 * periodic queries need are the ones the optimizer can use for them ({@code EXPLAIN}).
 */
class SchemaMigrationIT {

    private static ScratchDatabase fresh;
    private static ScratchDatabase previousRelease;

    @BeforeAll
    static void startDatabases() throws Exception {
        fresh = ScratchDatabase.start("fresh", 13307);
        previousRelease = ScratchDatabase.start("previous", 13308);
    }

    @AfterAll
    static void stopDatabases() {
        for (ScratchDatabase db : new ScratchDatabase[] {fresh, previousRelease}) {
            if (db != null) {
                db.close();
            }
        }
    }

    @Test
    void anEmptyDatabaseGetsEveryMigrationAndASecondStartNone() {
        MysqlDataSource db = fresh.dataSource();
        MigrationInfo[] release = SchemaMigration.flyway(db).info().pending();
        assertTrue(release.length >= 2, "the baseline and the migrations after it");
        MigrateResult first = SchemaMigration.migrate(db);
        assertNull(first.initialSchemaVersion);
        assertEquals(release.length, first.migrationsExecuted, "every migration of the release applied");
        assertEquals(release[release.length - 1].getVersion().getVersion(), first.targetSchemaVersion);
        assertEquals(0, SchemaMigration.migrate(db).migrationsExecuted);
    }

    @Test
    void theDatabaseOfThePreviousReleaseIsBaselinedAndKeepsItsData() throws Exception {
        MysqlDataSource previous = previousRelease.dataSource();
        try (Connection connection = previous.getConnection(); Statement sql = connection.createStatement()) {
            for (String statement : baselineStatements()) {
                sql.execute(statement); // the schema EclipseLink generated before migrations existed
            }
            sql.execute("INSERT INTO product (NAME, PRICE, STOCK, VERSION) VALUES ('kept', 1.50, 7, 1)");
            sql.execute("INSERT INTO seckill_activity (ends_at, payment_window_seconds, per_user_limit, PRICE,"
                    + " product_id, REMAINING, reservation_id, starts_at, STOCK) VALUES (NOW(6), 900, 1, 1.00, 1, 3,"
                    + " 'r-1', NOW(6), 5)");
            for (String status : List.of("CONFIRMED", "PAID", "CANCELLED")) {
                sql.execute("INSERT INTO seckill_order (order_id, activity_id, created_at, PRICE, QUANTITY, STATUS,"
                        + " user_id) VALUES ('o-" + status + "', 1, NOW(6), 1.00, 1, '" + status + "', 1)");
            }
        }

        MigrateResult result = SchemaMigration.migrate(previous);

        MigrationInfo[] history = SchemaMigration.flyway(previous).info().applied();
        assertEquals("1", history[0].getVersion().getVersion());
        assertEquals("BASELINE", history[0].getType().name(), "the existing schema taken as version 1");
        assertEquals(history.length - 1, result.migrationsExecuted, "every migration after the baseline ran");
        assertEquals(history[history.length - 1].getVersion().getVersion(), result.targetSchemaVersion);
        try (Connection connection = previous.getConnection(); Statement sql = connection.createStatement()) {
            assertEquals("kept 7", single(sql, "SELECT CONCAT(NAME, ' ', STOCK) FROM product"));
            assertEquals("3", single(sql, "SELECT REMAINING FROM seckill_activity"));
            assertEquals("2", single(sql, "SELECT live_orders FROM seckill_activity"), "the live orders counted once");
            assertEquals("900", single(sql, "SELECT TIMESTAMPDIFF(SECOND, created_at, pay_by) FROM seckill_order"
                    + " WHERE order_id = 'o-CONFIRMED'"), "a confirmed order's deadline: taken at + the window");
            assertEquals("BASELINE", single(sql, "SELECT type FROM flyway_schema_history WHERE version = '1'"));
        }
    }

    @Test
    void periodicQueriesCanUseTheirIndexes() throws Exception {
        MysqlDataSource db = fresh.dataSource();
        SchemaMigration.migrate(db);
        try (Connection connection = db.getConnection(); Statement sql = connection.createStatement()) {
            // as EclipseLink sends them (JpaActivityRepository): sales to warm, and ended sales to settle
            assertTrue(possibleKeys(sql, "SELECT ID FROM seckill_activity WHERE ((settled_at IS NULL)"
                    + " AND (starts_at < NOW(6)))").contains("ix_activity_unsettled_start"));
            assertTrue(possibleKeys(sql, "SELECT ID FROM seckill_activity WHERE ((settled_at IS NULL)"
                    + " AND (ends_at <= NOW(6)))").contains("ix_activity_unsettled_end"));
            // the unpaid sweep: confirmed orders past their deadline, the longest due first
            assertTrue(possibleKeys(sql, "SELECT order_id FROM seckill_order WHERE ((STATUS = 'CONFIRMED')"
                    + " AND (pay_by < NOW(6))) ORDER BY pay_by LIMIT 500").contains("ix_order_status_pay_by"));
            // the next settled sale whose orders go to the archive
            assertTrue(possibleKeys(sql, "SELECT ID FROM seckill_activity WHERE ((archived_at IS NULL)"
                    + " AND (settled_at < NOW(6))) ORDER BY settled_at LIMIT 1").contains("ix_activity_to_archive"));
            // orders whose Redis hold is still to be released; a sale's orders by status (settlement, the sweep)
            assertTrue(possibleKeys(sql, "SELECT order_id FROM seckill_order WHERE (cache_release_pending = 1)"
                    + " LIMIT 200").contains("ix_order_cache_release"));
            assertTrue(possibleKeys(sql, "SELECT COUNT(order_id) FROM seckill_order WHERE ((activity_id = 1)"
                    + " AND (STATUS = 'CONFIRMED'))").contains("ix_order_activity"));
            // which of the ended sales still await payments (the settlement check, all of them at once)
            assertTrue(possibleKeys(sql, "SELECT DISTINCT activity_id FROM seckill_order WHERE ((activity_id IN"
                    + " (1, 2, 3)) AND (STATUS = 'CONFIRMED'))").contains("ix_order_activity"));
        }
    }

    private static String possibleKeys(Statement sql, String query) throws SQLException {
        try (ResultSet plan = sql.executeQuery("EXPLAIN " + query)) {
            plan.next();
            String keys = plan.getString("possible_keys");
            return keys == null ? "" : keys;
        }
    }

    private static String single(Statement sql, String query) throws SQLException {
        try (ResultSet row = sql.executeQuery(query)) {
            assertTrue(row.next(), query);
            return row.getString(1);
        }
    }

    private static List<String> baselineStatements() throws IOException {
        try (InputStream in = SchemaMigration.class.getResourceAsStream("/db/migration/V1__baseline.sql")) {
            String script = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "");
            return List.of(script.split(";\\s*\\n")).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        }
    }
}
