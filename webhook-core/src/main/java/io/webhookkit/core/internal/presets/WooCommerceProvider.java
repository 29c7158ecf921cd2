package io.webhookkit.core.internal.presets;

import io.webhookkit.core.WebhookRequest;
import io.webhookkit.core.provider.HandshakeAnswer;
import io.webhookkit.core.provider.HandshakeResponder;
import io.webhookkit.core.provider.Locator;
import io.webhookkit.core.provider.Payload;
import io.webhookkit.core.provider.PayloadFormat;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import io.webhookkit.core.signature.HmacSignatureScheme;
import io.webhookkit.core.signature.SignatureEncoding;
import java.util.Map;
import java.util.Optional;

/**
 * WooCommerce: {@code X-WC-Webhook-Signature: <base64 HMAC-SHA256 of the body>} keyed with the
 * webhook's secret; event type {@code X-WC-Webhook-Topic} (e.g. {@code order.created}).
 *
 * <p>The delivery id is the body's SHA-256, not {@code X-WC-Webhook-Delivery-ID}: WooCommerce makes
 * that one from the webhook id and the current second ({@code wp_hash($id . strtotime('now'))}), so
 * two events of one webhook in the same second share it, and the second would be refused as a
 * conflict. WooCommerce does not retry a failed delivery (it disables the webhook after more than
 * five failures in a row).
 *
 * <p>When a webhook is created, WooCommerce sends an unsigned ping, a {@code POST} whose body is
 * {@code webhook_id=<n>}, and keeps the webhook only if it is answered exactly {@code 200}: that
 * ping is answered {@code 200} with an empty body and never reaches the handler.
 *
 * @see <a
 *     href="https://github.com/woocommerce/woocommerce/blob/trunk/plugins/woocommerce/includes/class-wc-webhook.php">WooCommerce:
 *     WC_Webhook (deliver, generate_signature, deliver_ping)</a>
 */
public final class WooCommerceProvider implements Provider {
  private static final Optional<HandshakeAnswer> PONG =
      Optional.of(new HandshakeAnswer(200, "text/plain", new byte[0], Map.of()));

  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public WooCommerceProvider() {}

  @Override
  public String name() {
    return "woocommerce";
  }

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    return ProviderRules.builder()
        .signatureScheme(
            HmacSignatureScheme.builder()
                .header("X-WC-Webhook-Signature")
                .encoding(SignatureEncoding.BASE64)
                .secrets(settings.secrets())
                .build())
        .payloadFormat(PayloadFormat.JSON)
        .deliveryId(Locator.bodySha256())
        .eventType(Locator.header("X-WC-Webhook-Topic"))
        .attribute("source", Locator.header("X-WC-Webhook-Source"))
        .handshake(new CreationPing())
        .build();
  }

  /** The unsigned {@code webhook_id=<n>} ping sent when a webhook is created. */
  private static final class CreationPing implements HandshakeResponder {
    @Override
    public Optional<HandshakeAnswer> answer(WebhookRequest request, Payload payload) {
      return request.method().equals("POST")
              && request.header("x-wc-webhook-signature").isEmpty()
              && isPing(request.body())
          ? PONG
          : Optional.empty();
    }

    @Override
    public boolean requiresSignature() {
      return false;
    }

    /** {@code webhook_id=} and 1 to 20 digits, nothing else. */
    private static boolean isPing(byte[] body) {
      byte[] prefix = {'w', 'e', 'b', 'h', 'o', 'o', 'k', '_', 'i', 'd', '='};
      if (body.length <= prefix.length || body.length > prefix.length + 20) {
        return false;
      }
      for (int i = 0; i < body.length; i++) {
        byte b = body[i];
        if (i < prefix.length ? b != prefix[i] : b < '0' || b > '9') {
          return false;
        }
      }
      return true;
    }
  }
}
