package io.webhookkit.servlet;

import io.webhookkit.core.ConfigSource;
import io.webhookkit.core.EndpointConfig;
import io.webhookkit.core.WebhookGuard;
import io.webhookkit.test.ConformanceEndpoints;
import io.webhookkit.test.RemoteKeyPresets;

/**
 * The filters of the conformance kit's remote-key presets, made in code the way an application
 * gives a filter a ready guard ({@link WebhookFilter#WebhookFilter(WebhookGuard)}): the endpoint's
 * keys, then its key hosts moved to the kit's local HTTPS server (never by a configuration key).
 */
final class RemoteKeyFilters {
  private RemoteKeyFilters() {}

  /** Whether this conformance endpoint is one of them. */
  static boolean remote(String endpoint) {
    return ConformanceEndpoints.REMOTE_KEY_PRESETS.contains(endpoint);
  }

  /** The filter of one of them. */
  static WebhookFilter filter(String endpoint) {
    EndpointConfig.Builder builder =
        EndpointConfig.builder(
            endpoint, ConfigSource.of(ConformanceEndpoints.all().get(endpoint)), name -> null);
    RemoteKeyPresets.customize(endpoint, builder);
    return new WebhookFilter(WebhookGuard.builder(builder.build()).build());
  }
}
