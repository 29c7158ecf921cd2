package io.webhookkit.core.internal.presets;

import io.webhookkit.core.provider.Locator;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderKey;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import io.webhookkit.core.signature.HmacSignatureScheme;
import io.webhookkit.core.signature.SignatureEncoding;
import io.webhookkit.core.signature.SignedContent;
import io.webhookkit.core.signature.TimestampFormat;
import java.util.List;
import java.util.Locale;

/**
 * HubSpot (signature v3): {@code X-HubSpot-Signature-v3}, the base64 HMAC-SHA256 (app client
 * secret) of method, URL, body and {@code X-HubSpot-Request-Timestamp} (milliseconds) concatenated,
 * with the URL's reserved characters decoded as HubSpot does. The URL is {@code public-url} when
 * set, else rebuilt from the request. HubSpot batches events in a JSON array and sends no delivery
 * id: the body's SHA-256 is used.
 *
 * @see <a
 *     href="https://developers.hubspot.com/docs/apps/legacy-apps/authentication/validating-requests">HubSpot:
 *     validating requests</a>
 */
public final class HubSpotProvider implements Provider {
  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public HubSpotProvider() {}

  @Override
  public String name() {
    return "hubspot";
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
                .header("X-HubSpot-Signature-v3")
                .encoding(SignatureEncoding.BASE64)
                .content(SignedContent.parse("{method}{url}{body}{timestamp}"))
                .timestampHeader("X-HubSpot-Request-Timestamp")
                .timestampFormat(TimestampFormat.MILLIS)
                .urlForm(HubSpotProvider::decodeReserved)
                .secrets(settings.secrets())
                .build())
        .publicUrl(settings.publicUrl())
        .deliveryId(Locator.bodySha256())
        .build();
  }

  private static final String[][] DECODED = {
    {"%3A", ":"}, {"%2F", "/"}, {"%3F", "?"}, {"%40", "@"}, {"%21", "!"}, {"%24", "$"},
    {"%27", "'"}, {"%28", "("}, {"%29", ")"}, {"%2A", "*"}, {"%2C", ","}, {"%3B", ";"}
  };

  /** HubSpot signs the URL with these percent-escapes decoded (either case of hex digit). */
  static String decodeReserved(String url) {
    if (url.indexOf('%') < 0) {
      return url;
    }
    String out = url;
    for (String[] pair : DECODED) {
      out = out.replace(pair[0], pair[1]).replace(pair[0].toLowerCase(Locale.ROOT), pair[1]);
    }
    return out;
  }
}
