package io.webhookkit.core.forward;

import io.webhookkit.core.EndpointConfig;

/**
 * Makes the forwarder of a {@code processing=forward} endpoint from its keys when the application
 * gives none in code; found with {@link java.util.ServiceLoader} (webhook-kafka registers one), so
 * that the servlet filter and JAX-RS need keys only.
 */
public interface WebhookForwarderProvider {
  /**
   * The forwarder of one endpoint.
   *
   * @param endpoint the endpoint, with its {@link EndpointConfig#forwardSettings()}
   * @throws io.webhookkit.core.WebhookConfigurationException naming the endpoint and the key when
   *     the settings cannot make a client
   */
  WebhookForwarder create(EndpointConfig endpoint);
}
