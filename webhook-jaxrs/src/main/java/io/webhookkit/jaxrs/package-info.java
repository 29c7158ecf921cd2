/**
 * webhook-kit for Jakarta REST with CDI: {@link io.webhookkit.jaxrs.WebhookEndpoint} binds the
 * request and response filters to resources, the verified event is injectable and fired as a CDI
 * event, and the configuration comes from a CDI producer, MicroProfile Config or {@code
 * webhook.properties}.
 */
@NullMarked
package io.webhookkit.jaxrs;

import org.jspecify.annotations.NullMarked;
