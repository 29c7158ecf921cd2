/** The JDBC idempotency store: {@link io.webhookkit.store.jdbc.JdbcIdempotencyStore}. */
@NullMarked
package io.webhookkit.store.jdbc;

import org.jspecify.annotations.NullMarked;
