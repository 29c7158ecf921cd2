package io.webhookkit.core.internal.presets;

import io.webhookkit.core.provider.Locator;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import io.webhookkit.core.signature.HmacSignatureScheme;
import io.webhookkit.core.signature.SignedContent;
import java.time.Duration;

/**
 * Zoom: {@code x-zm-signature: v0=<hex HMAC-SHA256 of v0:timestamp:body>} with {@code x-zm-request-
 * timestamp} (the secret token); delivery id {@code x-zm-trackingid}, else the body's SHA-256;
 * event type {@code event}. Answers {@code endpoint.url_validation} after its signature verified.
 *
 * @see <a href="https://developers.zoom.us/docs/api/webhooks/">Zoom: using webhooks</a>
 */
public final class ZoomProvider implements Provider {
  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public ZoomProvider() {}

  @Override
  public String name() {
    return "zoom";
  }

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    return ProviderRules.builder()
        .signatureScheme(
            HmacSignatureScheme.builder()
                .header("x-zm-signature")
                .prefix("v0=")
                .content(SignedContent.parse("v0:{timestamp}:{body}"))
                .timestampHeader("x-zm-request-timestamp")
                .secrets(settings.secrets())
                .build())
        .deliveryId(Locator.header("x-zm-trackingid"), Locator.bodySha256())
        .eventType(Locator.json("event"))
        .handshake(Handshakes.zoom(settings.secrets()))
        .build();
  }

  /** Zoom expects 200 (its docs: "respond with a 200 OK"). */
  @Override
  public int ackStatus() {
    return 200;
  }

  /** About 80 % of Zoom's timeout (3 s). */
  @Override
  public Duration deadline() {
    return Duration.ofMillis(2400);
  }
}
