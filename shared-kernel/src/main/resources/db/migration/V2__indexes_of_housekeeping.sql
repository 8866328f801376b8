-- Housekeeping asks every tick for the sales not settled that start soon (warm-up) and that have ended (settlement):
-- without these, both read the whole table of every sale ever held.
CREATE INDEX `ix_activity_unsettled_start` ON `seckill_activity` (`settled_at`, `starts_at`);
CREATE INDEX `ix_activity_unsettled_end` ON `seckill_activity` (`settled_at`, `ends_at`);
