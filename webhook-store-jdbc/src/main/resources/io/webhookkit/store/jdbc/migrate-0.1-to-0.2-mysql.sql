-- webhook-kit 0.1 -> 0.2: the deferred inbox's columns and body table. Additive: 0.1's sync
-- claims keep working during a rolling upgrade. Run once, before the first 0.2 instance starts.
ALTER TABLE webhook_deliveries ADD COLUMN endpoint VARCHAR(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL;
ALTER TABLE webhook_deliveries ADD COLUMN event_type VARCHAR(200) NULL;
ALTER TABLE webhook_deliveries ADD COLUMN attempts INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE webhook_deliveries ADD COLUMN next_attempt_at BIGINT NULL;
ALTER TABLE webhook_deliveries ADD COLUMN lease_until BIGINT NULL;
ALTER TABLE webhook_deliveries ADD COLUMN received_at BIGINT NULL;
ALTER TABLE webhook_deliveries ADD COLUMN last_error VARCHAR(1000) NULL;
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (endpoint, state, next_attempt_at);
CREATE TABLE IF NOT EXISTS webhook_deliveries_body (
  delivery_key VARCHAR(330) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL PRIMARY KEY,
  metadata     MEDIUMTEXT   CHARACTER SET utf8mb4 NOT NULL,
  body         LONGBLOB     NOT NULL
) ENGINE=InnoDB;
