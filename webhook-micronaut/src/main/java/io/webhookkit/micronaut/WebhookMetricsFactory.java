package io.webhookkit.micronaut;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.webhookkit.core.WebhookListener;
import io.webhookkit.core.metrics.WebhookMeters;
import jakarta.inject.Singleton;

/**
 * With {@code micronaut-micrometer}: the kit's meters ({@code webhook.attempts}, {@code
 * webhook.secret.matches}; see {@link WebhookMeters}) in the application's registry.
 */
@Factory
@Requires(classes = MeterRegistry.class)
final class WebhookMetricsFactory {
  @Singleton
  @Requires(beans = MeterRegistry.class)
  WebhookListener webhookMeters(MeterRegistry registry) {
    return new WebhookMeters(registry);
  }
}
