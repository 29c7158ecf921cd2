package io.webhookkit.core.provider;

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
}
