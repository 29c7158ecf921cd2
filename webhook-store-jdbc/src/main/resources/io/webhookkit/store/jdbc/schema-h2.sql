CREATE TABLE IF NOT EXISTS webhook_deliveries (
  delivery_key    VARCHAR(330)  NOT NULL PRIMARY KEY,
  fingerprint     VARCHAR(64)   NOT NULL,
  state           CHAR(1)       NOT NULL,
  owner_token     VARCHAR(64)   NOT NULL,
  status          INTEGER       NOT NULL,
  expires_at      BIGINT        NOT NULL,
  endpoint        VARCHAR(64)   NULL,
  event_type      VARCHAR(200)  NULL,
  attempts        INTEGER       DEFAULT 0 NOT NULL,
  next_attempt_at BIGINT        NULL,
  lease_until     BIGINT        NULL,
  received_at     BIGINT        NULL,
  last_error      VARCHAR(1000) NULL
);
CREATE INDEX IF NOT EXISTS webhook_deliveries_expires_at ON webhook_deliveries (expires_at);
CREATE INDEX IF NOT EXISTS webhook_deliveries_due ON webhook_deliveries (endpoint, state, next_attempt_at);
CREATE TABLE IF NOT EXISTS webhook_deliveries_body (
  delivery_key VARCHAR(330) NOT NULL PRIMARY KEY,
  metadata     CHARACTER LARGE OBJECT NOT NULL,
  body         BLOB NOT NULL
);
