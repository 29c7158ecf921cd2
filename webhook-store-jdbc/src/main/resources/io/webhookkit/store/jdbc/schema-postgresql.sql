CREATE TABLE IF NOT EXISTS webhook_deliveries (
  delivery_key VARCHAR(330) NOT NULL PRIMARY KEY,
  fingerprint  VARCHAR(64)  NOT NULL,
  state        CHAR(1)      NOT NULL,
  owner_token  VARCHAR(64)  NOT NULL,
  status       INTEGER      NOT NULL,
  expires_at   BIGINT       NOT NULL
);
CREATE INDEX IF NOT EXISTS webhook_deliveries_expires_at ON webhook_deliveries (expires_at);
