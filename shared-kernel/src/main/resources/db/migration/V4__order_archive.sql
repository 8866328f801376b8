-- Orders of sales settled long ago move to an archive table, so that the table the purchase path writes to and the
-- periodic jobs read stays the size of the sales of the last weeks. Archived orders are final (paid, cancelled or
-- rejected) and are still read by their owners; only the primary key and the sale's index are kept.
CREATE TABLE `seckill_order_archive` LIKE `seckill_order`;
ALTER TABLE `seckill_order_archive` DROP INDEX `uk_order_activity_buyer`, DROP INDEX `ix_order_status_created`,
    DROP INDEX `ix_order_cache_release`;
ALTER TABLE `seckill_activity` ADD COLUMN `archived_at` datetime(6) DEFAULT NULL;
CREATE INDEX `ix_activity_to_archive` ON `seckill_activity` (`archived_at`, `settled_at`);
