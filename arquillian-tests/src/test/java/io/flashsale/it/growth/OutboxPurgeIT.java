package io.flashsale.it.growth;

import io.flashsale.it.support.ScratchDatabase;
import io.flashsale.shared.infrastructure.messaging.OutboxRelayer;
import io.flashsale.shared.infrastructure.persistence.SchemaMigration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The outboxes' purge on a migrated MariaDB of its own: rows published before the retention go, in batches, oldest
 * first; rows published since and rows not yet published (which the relay still has to send) stay, in both outboxes.
 */
class OutboxPurgeIT {

    private static ScratchDatabase database;

    @BeforeAll
    static void startDatabase() throws Exception {
        database = ScratchDatabase.start("outboxes", 13309);
        SchemaMigration.migrate(database.dataSource());
    }

    @AfterAll
    static void stopDatabase() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void onlyRowsPublishedBeforeTheRetentionAreDeleted() throws Exception {
        Instant now = Instant.now();
        for (String table : List.of("product_outbox", "seckill_outbox")) {
            int old = OutboxRelayer.PURGE_BATCH * 2 + 17; // more than one batch
            insert(table, 1, old, now.minus(Duration.ofDays(3)), now.minus(Duration.ofDays(2)));
            insert(table, 100_001, 5, now.minus(Duration.ofDays(3)), null); // never published: still to be sent
            insert(table, 200_001, 7, now.minus(Duration.ofHours(2)), now.minus(Duration.ofHours(1)));

            AtomicInteger statements = new AtomicInteger();
            OutboxRelayer.purge(before -> {
                statements.incrementAndGet();
                return OutboxRelayer.purgeSent(database.dataSource(), table, before);
            }, Duration.ofHours(24), table);

            assertEquals(3, statements.get(), table + ": two full batches, then a short one");
            assertEquals(List.of(5L, 7L), counts(table), table + ": pending rows and the last day's stay");
        }
    }

    private static void insert(String table, long firstId, int rows, Instant occurred, Instant published)
            throws SQLException {
        try (Connection connection = database.dataSource().getConnection(); PreparedStatement insert =
                connection.prepareStatement("INSERT INTO " + table + " (ID, event_id, event_type, message_key,"
                        + " occurred_at, PAYLOAD, published_at) VALUES (?, ?, 'test', 'k', ?, '{}', ?)")) {
            for (int i = 0; i < rows; i++) {
                insert.setLong(1, firstId + i);
                insert.setString(2, UUID.randomUUID().toString());
                insert.setTimestamp(3, Timestamp.from(occurred));
                insert.setTimestamp(4, published == null ? null : Timestamp.from(published));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Rows not yet published, and rows published, left in {@code table}. */
    private static List<Long> counts(String table) throws SQLException {
        List<Long> counts = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection();
             ResultSet row = connection.createStatement().executeQuery("SELECT SUM(published_at IS NULL),"
                     + " SUM(published_at IS NOT NULL) FROM " + table)) {
            row.next();
            counts.add(row.getLong(1));
            counts.add(row.getLong(2));
        }
        return counts;
    }
}
