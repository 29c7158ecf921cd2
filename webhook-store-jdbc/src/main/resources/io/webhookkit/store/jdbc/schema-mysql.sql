CREATE TABLE IF NOT EXISTS webhook_deliveries (
  delivery_key VARCHAR(330) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL PRIMARY KEY,
  fingerprint  VARCHAR(64)  NOT NULL,
  state        CHAR(1)      NOT NULL,
  owner_token  VARCHAR(64)  NOT NULL,
  status       INTEGER      NOT NULL,
  expires_at   BIGINT       NOT NULL,
  INDEX webhook_deliveries_expires_at (expires_at)
) ENGINE=InnoDB;
