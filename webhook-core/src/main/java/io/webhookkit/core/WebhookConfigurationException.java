package io.webhookkit.core;

/**
 * A configuration error found at start-up: names the endpoint and the key, never a secret's value.
 */
public class WebhookConfigurationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The endpoint name. */
  private final String endpoint;

  /** The key. */
  private final String key;

  /**
   * An error for one key of one endpoint.
   *
   * @param endpoint the endpoint name
   * @param key the configuration key
   * @param problem what is wrong, e.g. {@code is required}; must not contain a secret
   */
  public WebhookConfigurationException(String endpoint, String key, String problem) {
    super("Webhook endpoint '" + endpoint + "', key '" + key + "': " + problem);
    this.endpoint = endpoint;
    this.key = key;
  }

  /**
   * An error for a key that belongs to no single endpoint (e.g. {@code webhook.idempotency.store}).
   *
   * @param key the full configuration key
   * @param problem what is wrong; must not contain a secret
   */
  public WebhookConfigurationException(String key, String problem) {
    super("Webhook configuration, key '" + key + "': " + problem);
    this.endpoint = "";
    this.key = key;
  }

  /**
   * The error every adapter raises at start-up when a {@code @WebhookEndpoint} names an endpoint
   * that has no configuration.
   *
   * @param endpoint the name the annotation gives
   * @param where the handler that carries it, e.g. {@code GitHubHooks.onEvent}
   */
  public static WebhookConfigurationException unconfiguredEndpoint(String endpoint, String where) {
    return new WebhookConfigurationException(
        endpoint,
        "provider",
        "is used by @WebhookEndpoint on "
            + where
            + " but webhook.endpoints."
            + endpoint
            + " is not configured");
  }

  /** The endpoint name, or empty for a key shared by all endpoints. */
  public String endpoint() {
    return endpoint;
  }

  /** The configuration key. */
  public String key() {
    return key;
  }
}
