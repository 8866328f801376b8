-- An order's payment deadline, stored: the unpaid sweep reads exactly the confirmed orders past it from one index
-- range, instead of joining every sale to its orders (whose cut-off depended on the sale).
ALTER TABLE `seckill_order` ADD COLUMN `pay_by` datetime(6) DEFAULT NULL;
UPDATE `seckill_order` o JOIN `seckill_activity` a ON a.`ID` = o.`activity_id`
    SET o.`pay_by` = TIMESTAMPADD(SECOND, a.`payment_window_seconds`, o.`created_at`)
    WHERE o.`STATUS` = 'CONFIRMED';
CREATE INDEX `ix_order_status_pay_by` ON `seckill_order` (`STATUS`, `pay_by`);
ALTER TABLE `seckill_order_archive` ADD COLUMN `pay_by` datetime(6) DEFAULT NULL;
