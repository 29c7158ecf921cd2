package io.webhookkit.core.internal.presets;

import io.webhookkit.core.internal.keys.AdobeIoScheme;
import io.webhookkit.core.provider.Locator;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderKey;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import java.time.Duration;
import java.util.List;

/**
 * Adobe I/O Events webhooks: two RSA signatures of the body by keys fetched only from {@code
 * https://static.adobeioevents.com} (see {@link AdobeIoScheme}); every event must be addressed to
 * the endpoint's {@code client-id} (required: the project's client id / API key). Delivery id
 * {@code x-adobe-event-id}, else the JSON {@code event_id}, else the body's SHA-256 (a batch);
 * event type {@code type}. The registration's challenge ({@code GET ?challenge=…}) is echoed. Adobe
 * retries only 429 and 5xx and waits 10 s: a missing key answers 503 so nothing is dropped.
 *
 * @see <a href="https://developer.adobe.com/events/docs/guides/">Adobe I/O Events: webhooks</a>
 */
public final class AdobeIoProvider implements Provider {
  private static final ProviderKey CLIENT_ID =
      new ProviderKey(
          "client-id",
          "The Adobe Developer Console project's client id (API key): each event's"
              + " recipient_client_id must be it. Required.");

  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public AdobeIoProvider() {}

  @Override
  public String name() {
    return "adobe-io";
  }

  @Override
  public List<ProviderKey> keys() {
    return List.of(CLIENT_ID);
  }

  @Override
  public boolean usesSecrets() {
    return false;
  }

  @Override
  public Duration deadline() {
    return Duration.ofSeconds(8);
  }

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    return ProviderRules.builder()
        .signatureScheme(new AdobeIoScheme(settings.require("client-id"), settings.remoteKeys()))
        .deliveryId(
            Locator.header("x-adobe-event-id"), Locator.json("event_id"), Locator.bodySha256())
        .eventType(Locator.json("type"))
        .handshake(Handshakes.challengeEcho())
        .build();
  }
}
