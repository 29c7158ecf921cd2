CREATE TABLE IF NOT EXISTS webhook_deliveries (
  delivery_key    VARCHAR(330) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL PRIMARY KEY,
  fingerprint     VARCHAR(64)   NOT NULL,
  state           CHAR(1)       NOT NULL,
  owner_token     VARCHAR(64)   NOT NULL,
  status          INTEGER       NOT NULL,
  expires_at      BIGINT        NOT NULL,
  endpoint        VARCHAR(64)   CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
  event_type      VARCHAR(200)  NULL,
  attempts        INTEGER       DEFAULT 0 NOT NULL,
  next_attempt_at BIGINT        NULL,
  lease_until     BIGINT        NULL,
  received_at     BIGINT        NULL,
  last_error      VARCHAR(1000) NULL,
  INDEX webhook_deliveries_expires_at (expires_at),
  INDEX webhook_deliveries_due (endpoint, state, next_attempt_at)
) ENGINE=InnoDB;
CREATE TABLE IF NOT EXISTS webhook_deliveries_body (
  delivery_key VARCHAR(330) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL PRIMARY KEY,
  metadata     MEDIUMTEXT   CHARACTER SET utf8mb4 NOT NULL,
  body         LONGBLOB     NOT NULL
) ENGINE=InnoDB;
