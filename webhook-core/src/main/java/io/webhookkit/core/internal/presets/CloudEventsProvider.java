package io.webhookkit.core.internal.presets;

import io.webhookkit.core.provider.Locator;
import io.webhookkit.core.provider.PayloadFormat;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderKey;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import java.util.List;

/**
 * CloudEvents over HTTP web hooks: the sender's token in {@code Authorization: Bearer …} ({@code
 * signature.header} to change the header) or the {@code access_token} query parameter; the {@code
 * OPTIONS} abuse-protection request is answered with {@code WebHook-Allowed-Origin} for the origins
 * in {@code allowed-origins} (any origin when it is not set). Delivery id {@code ce-id} (binary
 * mode) or {@code id} (structured mode); event type {@code ce-type} or {@code type}.
 *
 * @see <a
 *     href="https://github.com/cloudevents/spec/blob/main/cloudevents/http-webhook.md">CloudEvents:
 *     HTTP 1.1 web hooks</a>
 */
public final class CloudEventsProvider implements Provider {
  private static final ProviderKey ALLOWED_ORIGINS =
      new ProviderKey(
          "allowed-origins",
          "The origins granted in the OPTIONS abuse-protection check, comma-separated. Default:"
              + " any origin.");

  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public CloudEventsProvider() {}

  @Override
  public String name() {
    return "cloudevents";
  }

  @Override
  public List<ProviderKey> keys() {
    return List.of(ProviderKey.TOKEN_HEADER, ALLOWED_ORIGINS);
  }

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    return ProviderRules.builder()
        .signatureScheme(settings.bearerToken("access_token"))
        .payloadFormat(PayloadFormat.BY_CONTENT_TYPE)
        .deliveryId(Locator.header("ce-id"), Locator.json("id"))
        .eventType(Locator.header("ce-type"), Locator.json("type"))
        .handshake(Handshakes.cloudEventsValidation(allowedOrigins(settings)))
        .build();
  }

  private static List<String> allowedOrigins(ProviderSettings settings) {
    return settings.list("allowed-origins");
  }
}
