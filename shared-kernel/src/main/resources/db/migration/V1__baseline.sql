-- The schema as EclipseLink's create-or-extend-tables left it (release 1.1.0), taken as the baseline: a database
-- created before migrations existed is marked at this version without running it (baselineOnMigrate).

CREATE TABLE IF NOT EXISTS `app_user` (
  `ID` bigint(20) NOT NULL AUTO_INCREMENT,
  `created_at` datetime(6) DEFAULT NULL,
  `disabled_at` datetime(6) DEFAULT NULL,
  `password_hash` varchar(512) NOT NULL,
  `ROLE` varchar(16) NOT NULL,
  `token_version` int(11) NOT NULL,
  `USERNAME` varchar(64) NOT NULL,
  PRIMARY KEY (`ID`),
  UNIQUE KEY `USERNAME` (`USERNAME`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE IF NOT EXISTS `customer_holding` (
  `customer_id` bigint(20) NOT NULL,
  `held_units` int(11) NOT NULL,
  PRIMARY KEY (`customer_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE IF NOT EXISTS `id_block` (
  `SEQ_NAME` varchar(50) NOT NULL,
  `SEQ_COUNT` decimal(38,0) DEFAULT NULL,
  PRIMARY KEY (`SEQ_NAME`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE IF NOT EXISTS `payment_callback` (
  `signature` varchar(64) NOT NULL,
  `order_id` varchar(36) NOT NULL,
  `received_at` datetime(6) DEFAULT NULL,
  PRIMARY KEY (`signature`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE IF NOT EXISTS `product` (
  `ID` bigint(20) NOT NULL AUTO_INCREMENT,
  `created_at` datetime(6) DEFAULT NULL,
  `DESCRIPTION` varchar(2000) DEFAULT NULL,
  `NAME` varchar(200) NOT NULL,
  `PRICE` decimal(19,2) NOT NULL,
  `STOCK` int(11) NOT NULL,
  `VERSION` bigint(20) DEFAULT NULL,
  PRIMARY KEY (`ID`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE IF NOT EXISTS `product_outbox` (
  `ID` bigint(20) NOT NULL,
  `event_id` varchar(36) NOT NULL,
  `event_type` varchar(64) NOT NULL,
  `message_key` varchar(64) NOT NULL,
  `occurred_at` datetime(6) DEFAULT NULL,
  `PAYLOAD` longtext NOT NULL,
  `published_at` datetime(6) DEFAULT NULL,
  PRIMARY KEY (`ID`),
  UNIQUE KEY `event_id` (`event_id`),
  KEY `ix_outbox_pending` (`published_at`,`ID`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE IF NOT EXISTS `seckill_activity` (
  `ID` bigint(20) NOT NULL AUTO_INCREMENT,
  `created_at` datetime(6) DEFAULT NULL,
  `ends_at` datetime(6) DEFAULT NULL,
  `payment_window_seconds` int(11) NOT NULL,
  `per_user_limit` int(11) NOT NULL,
  `PRICE` decimal(19,2) NOT NULL,
  `product_id` bigint(20) NOT NULL,
  `REMAINING` int(11) NOT NULL,
  `reservation_id` varchar(36) NOT NULL,
  `settled_at` datetime(6) DEFAULT NULL,
  `starts_at` datetime(6) DEFAULT NULL,
  `STOCK` int(11) NOT NULL,
  `warmed_at` datetime(6) DEFAULT NULL,
  PRIMARY KEY (`ID`),
  UNIQUE KEY `reservation_id` (`reservation_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE IF NOT EXISTS `seckill_job_lease` (
  `JOB` varchar(64) NOT NULL,
  `HOLDER` varchar(64) NOT NULL,
  `lease_until` datetime(6) DEFAULT NULL,
  PRIMARY KEY (`JOB`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE IF NOT EXISTS `seckill_order` (
  `order_id` varchar(36) NOT NULL,
  `activity_id` bigint(20) NOT NULL,
  `cache_release_pending` tinyint(1) NOT NULL DEFAULT 0,
  `cancelled_at` datetime(6) DEFAULT NULL,
  `confirmed_at` datetime(6) DEFAULT NULL,
  `created_at` datetime(6) DEFAULT NULL,
  `live_buyer` bigint(20) DEFAULT NULL,
  `paid_at` datetime(6) DEFAULT NULL,
  `payment_reference` varchar(64) DEFAULT NULL,
  `PRICE` decimal(19,2) NOT NULL,
  `QUANTITY` int(11) NOT NULL,
  `rejected_at` datetime(6) DEFAULT NULL,
  `rejection_reason` varchar(32) DEFAULT NULL,
  `STATUS` varchar(16) NOT NULL,
  `user_id` bigint(20) NOT NULL,
  `VERSION` bigint(20) DEFAULT NULL,
  PRIMARY KEY (`order_id`),
  UNIQUE KEY `uk_order_activity_buyer` (`activity_id`,`live_buyer`),
  KEY `ix_order_status_created` (`STATUS`,`created_at`),
  KEY `ix_order_activity` (`activity_id`,`STATUS`),
  KEY `ix_order_cache_release` (`cache_release_pending`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE IF NOT EXISTS `seckill_outbox` (
  `ID` bigint(20) NOT NULL,
  `event_id` varchar(36) NOT NULL,
  `event_type` varchar(64) NOT NULL,
  `message_key` varchar(64) NOT NULL,
  `occurred_at` datetime(6) DEFAULT NULL,
  `PAYLOAD` longtext NOT NULL,
  `published_at` datetime(6) DEFAULT NULL,
  PRIMARY KEY (`ID`),
  UNIQUE KEY `event_id` (`event_id`),
  KEY `ix_seckill_outbox_pending` (`published_at`,`ID`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

CREATE TABLE IF NOT EXISTS `stock_reservation` (
  `order_id` varchar(64) NOT NULL,
  `created_at` datetime(6) DEFAULT NULL,
  `customer_id` bigint(20) DEFAULT NULL,
  `expires_at` datetime(6) DEFAULT NULL,
  `product_id` bigint(20) NOT NULL,
  `QUANTITY` int(11) NOT NULL,
  `released_at` datetime(6) DEFAULT NULL,
  `STATUS` varchar(16) NOT NULL,
  `STRATEGY` varchar(16) NOT NULL,
  PRIMARY KEY (`order_id`),
  KEY `ix_reservation_product` (`product_id`),
  KEY `ix_reservation_expiry` (`STATUS`,`expires_at`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;


-- the counters of the outboxes' @TableGenerator (EclipseLink created these rows along with the tables)
INSERT IGNORE INTO `id_block` (`SEQ_NAME`, `SEQ_COUNT`) VALUES ('product_outbox', 0), ('seckill_outbox', 0);
