-- Reservations that ended (released, expired, settled) are deleted after a retention period, oldest first.
CREATE INDEX `ix_reservation_released` ON `stock_reservation` (`released_at`);
