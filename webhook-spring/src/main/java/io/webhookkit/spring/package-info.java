/**
 * Spring MVC and Spring Boot: {@link io.webhookkit.spring.WebhookEndpoint} on controllers,
 * auto-configured from {@code webhook.endpoints.<name>.*}.
 */
@NullMarked
package io.webhookkit.spring;

import org.jspecify.annotations.NullMarked;
