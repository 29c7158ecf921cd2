/**
 * Idempotency: the store SPI that makes each delivery be processed once across instances, and an
 * in-memory store for a single instance.
 */
@NullMarked
package io.webhookkit.core.idempotency;

import org.jspecify.annotations.NullMarked;
