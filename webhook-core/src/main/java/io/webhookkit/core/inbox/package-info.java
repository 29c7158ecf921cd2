/**
 * The durable inbox behind {@code processing=deferred} and {@code auto}: the SPI a store implements
 * beside {@link io.webhookkit.core.idempotency.IdempotencyStore} ({@link DeliveryInbox}), what it
 * holds ({@link InboxEntry}, {@link DeliveryState}), and the retry schedule workers follow ({@link
 * RetryPolicy}).
 */
@NullMarked
package io.webhookkit.core.inbox;

import org.jspecify.annotations.NullMarked;
