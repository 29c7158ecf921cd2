package io.webhookkit.core.internal.presets;

import io.webhookkit.core.provider.Locator;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderKey;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import io.webhookkit.core.signature.HmacAlgorithm;
import io.webhookkit.core.signature.HmacSignatureScheme;
import java.util.List;

/**
 * Meta (Facebook, Instagram, WhatsApp, Messenger): {@code X-Hub-Signature-256: sha256=<hex HMAC-
 * SHA256 of the body>} keyed with the app secret; the subscription check {@code GET
 * ?hub.mode=subscribe&hub.verify_token=…&hub.challenge=…} is answered when the token equals the
 * {@code verify-token} key (required). Meta sends no delivery id: the body's SHA-256 is used; event
 * type {@code object}.
 *
 * @see <a href="https://developers.facebook.com/docs/graph-api/webhooks/getting-started">Meta:
 *     webhooks, getting started</a>
 */
public final class MetaProvider implements Provider {
  private static final ProviderKey VERIFY_TOKEN =
      new ProviderKey(
          "verify-token",
          "The token Meta sends in its subscription check (hub.verify_token). Required.");

  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public MetaProvider() {}

  @Override
  public String name() {
    return "meta";
  }

  @Override
  public List<ProviderKey> keys() {
    return List.of(VERIFY_TOKEN);
  }

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    String verifyToken = settings.require("verify-token");
    return ProviderRules.builder()
        .signatureScheme(
            HmacSignatureScheme.hubSignature(
                "X-Hub-Signature-256", HmacAlgorithm.SHA256, settings.secrets()))
        .deliveryId(Locator.bodySha256())
        .eventType(Locator.json("object"))
        .handshake(Handshakes.metaSubscription(verifyToken))
        .build();
  }
}
