package io.webhookkit.core.provider;

import java.time.Duration;
import java.util.List;

/**
 * A provider preset, looked up by {@link #name()} (the {@code provider} key). Implementations are
 * stateless and registered through {@link java.util.ServiceLoader}; {@link #rules} is called once
 * per endpoint at start-up and may throw {@link io.webhookkit.core.WebhookConfigurationException}
 * (through {@link ProviderSettings#invalid}) for settings it cannot use.
 */
public interface Provider {

  /** The preset name, lower case, e.g. {@code github}. */
  String name();

  /** The rules for one endpoint, built from its secrets and provider-specific keys. */
  ProviderRules rules(ProviderSettings settings);

  /**
   * The keys this preset reads beside the core's (none by default). {@link #rules} may read only
   * these; an endpoint may give only these and the core's.
   */
  default List<ProviderKey> keys() {
    return List.of();
  }

  /**
   * Whether an endpoint of this preset is configured with {@code secrets} (true by default). False
   * for presets that verify with keys fetched from the provider (AWS SNS, Google Pub/Sub): then
   * {@code secrets} given is a start-up error.
   */
  default boolean usesSecrets() {
    return true;
  }

  /**
   * The 2xx status a deferred delivery is acknowledged with: 202 unless the provider asks for
   * another (Slack and Zoom 200).
   */
  default int ackStatus() {
    return 202;
  }

  /**
   * How long {@code processing=auto} may keep the provider waiting for the handler: about 80 % of
   * the provider's timeout (8 s unless the preset knows a shorter one: Slack 2.4 s, Shopify 4 s).
   */
  default Duration deadline() {
    return Duration.ofSeconds(8);
  }
}
