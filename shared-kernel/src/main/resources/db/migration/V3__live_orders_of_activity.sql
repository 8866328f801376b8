-- The periodic reconciliation compares counters instead of reading every order of a sale: the activity row keeps
-- the number of its live (confirmed or paid) orders next to its remaining units, in the same statements.
ALTER TABLE `seckill_activity` ADD COLUMN `live_orders` int(11) NOT NULL DEFAULT 0;
UPDATE `seckill_activity` a SET `live_orders` = (SELECT COUNT(*) FROM `seckill_order` o
    WHERE o.`activity_id` = a.`ID` AND o.`STATUS` IN ('CONFIRMED', 'PAID'));
