package io.webhookkit.core.internal.presets;

import io.webhookkit.core.provider.Locator;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderKey;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import io.webhookkit.core.signature.HmacAlgorithm;
import io.webhookkit.core.signature.HmacSignatureScheme;
import io.webhookkit.core.signature.SignatureEncoding;
import io.webhookkit.core.signature.SignedContent;
import java.util.List;

/**
 * Trello: {@code X-Trello-Webhook}, the base64 HMAC-SHA1 of the body followed by the webhook's
 * {@code callbackURL} (set {@code public-url} to it), keyed with the application's secret; the
 * {@code HEAD} Trello sends when the webhook is created is answered 200; delivery id and event type
 * from the body's {@code action.id} and {@code action.type}.
 *
 * @see <a href="https://developer.atlassian.com/cloud/trello/guides/rest-api/webhooks/">Trello:
 *     webhooks</a>
 */
public final class TrelloProvider implements Provider {
  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public TrelloProvider() {}

  @Override
  public String name() {
    return "trello";
  }

  @Override
  public List<ProviderKey> keys() {
    return List.of(ProviderKey.PUBLIC_URL);
  }

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    return ProviderRules.builder()
        .signatureScheme(
            HmacSignatureScheme.builder()
                .header("X-Trello-Webhook")
                .algorithm(HmacAlgorithm.SHA1)
                .encoding(SignatureEncoding.BASE64)
                .content(SignedContent.parse("{body}{url}"))
                .secrets(settings.secrets())
                .build())
        .publicUrl(settings.publicUrl())
        .deliveryId(Locator.json("action.id"))
        .eventType(Locator.json("action.type"))
        .handshake(Handshakes.headCheck())
        .build();
  }
}
