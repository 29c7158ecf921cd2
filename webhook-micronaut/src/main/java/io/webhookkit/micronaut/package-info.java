/**
 * webhook-kit for Micronaut 4: {@link io.webhookkit.micronaut.WebhookEndpoint} on controllers, a
 * server filter that reads the body off the event loop, configuration from {@code
 * webhook.endpoints.<name>.*}, and the idempotency store as a replaceable bean.
 */
@NullMarked
package io.webhookkit.micronaut;

import org.jspecify.annotations.NullMarked;
