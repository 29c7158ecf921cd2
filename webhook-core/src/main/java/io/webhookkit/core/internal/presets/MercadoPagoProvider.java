package io.webhookkit.core.internal.presets;

import io.webhookkit.core.Reason;
import io.webhookkit.core.Secret;
import io.webhookkit.core.WebhookRequest;
import io.webhookkit.core.internal.Hex;
import io.webhookkit.core.internal.Macs;
import io.webhookkit.core.provider.Locator;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import io.webhookkit.core.signature.SignatureScheme;
import io.webhookkit.core.signature.SignatureVerdict;
import io.webhookkit.core.signature.SigningInput;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Mercado Pago: {@code x-signature: ts=<ts>,v1=<hex>}, HMAC-SHA256 keyed with the application's
 * webhook secret over the manifest {@code id:<data.id>;request-id:<x-request-id>;ts:<ts>;} — {@code
 * data.id} from the notification URL's query (lower-cased when alphanumeric), parts that are absent
 * left out, {@code ts} exactly as sent. The kit holds {@code ts} to the window (read as
 * milliseconds when it has 13 digits or more, else seconds). Delivery id the notification's JSON
 * {@code id}; event type {@code action}, else {@code type}.
 *
 * @see <a
 *     href="https://www.mercadopago.com/developers/en/docs/your-integrations/notifications/webhooks">Mercado
 *     Pago: webhooks, validating the origin</a>
 */
public final class MercadoPagoProvider implements Provider {
  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public MercadoPagoProvider() {}

  @Override
  public String name() {
    return "mercadopago";
  }

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    return ProviderRules.builder()
        .signatureScheme(new ManifestScheme(settings.secrets()))
        .deliveryId(Locator.json("id"))
        .eventType(Locator.json("action"), Locator.json("type"))
        .build();
  }

  /** The manifest Mercado Pago signs. */
  static String manifest(@Nullable String dataId, @Nullable String requestId, String ts) {
    StringBuilder m = new StringBuilder();
    if (dataId != null && !dataId.isEmpty()) {
      m.append("id:")
          .append(dataId.matches("[A-Za-z0-9]+") ? dataId.toLowerCase(Locale.ROOT) : dataId)
          .append(';');
    }
    if (requestId != null && !requestId.isEmpty()) {
      m.append("request-id:").append(requestId).append(';');
    }
    return m.append("ts:").append(ts).append(';').toString();
  }

  static byte[] hmac(Secret secret, String manifest) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.reveal().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(manifest.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has HmacSHA256", e);
    }
  }

  /** The manifest scheme. Thread-safe. */
  private static final class ManifestScheme implements SignatureScheme {
    private final List<Secret> secrets;

    ManifestScheme(List<Secret> secrets) {
      this.secrets = List.copyOf(secrets);
    }

    @Override
    public boolean signsTimestamp() {
      return true;
    }

    @Override
    public boolean coversBody() {
      return false; // the manifest: the query's data.id, the request id and the timestamp
    }

    @Override
    public SignatureVerdict verify(WebhookRequest request) {
      Optional<String> header = request.header("x-signature");
      if (header.isEmpty()) {
        return SignatureVerdict.failed(
            Reason.SIGNATURE_MISSING, "The request has no x-signature header.");
      }
      String ts = null;
      byte[] given = null;
      for (String part : header.get().split(",", -1)) {
        String p = part.trim();
        if (p.startsWith("ts=") && ts == null) {
          ts = p.substring(3);
        } else if (p.startsWith("v1=")) {
          given = Hex.decode(p, 3, p.length());
        }
      }
      Instant at = ts == null ? null : instant(ts);
      if (ts == null || at == null || given == null || given.length != 32) {
        return SignatureVerdict.failed(
            Reason.SIGNATURE_INVALID, "The x-signature header is not ts=…,v1=<hex>.");
      }
      String manifest =
          manifest(
              request.queryParameter("data.id").orElse(null),
              request.header("x-request-id").orElse(null),
              ts);
      for (Secret secret : secrets) {
        if (Macs.equal(hmac(secret, manifest), given)) {
          return new SignatureVerdict.Verified(secret.label(), at, null);
        }
      }
      return SignatureVerdict.failed(
          Reason.SIGNATURE_INVALID, "The x-signature matches no configured secret.");
    }

    private static @Nullable Instant instant(String ts) {
      if (!ts.matches("[0-9]{1,19}")) {
        return null;
      }
      long value = Long.parseLong(ts);
      return ts.length() >= 13 ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
    }

    @Override
    public Map<String, String> sign(SigningInput input, Secret secret) {
      Instant at = input.timestamp();
      String requestId = input.id();
      if (at == null || requestId == null) {
        throw new IllegalArgumentException("Mercado Pago signs a timestamp and a request id");
      }
      String ts = Long.toString(at.toEpochMilli());
      String manifest = manifest(null, requestId, ts);
      Map<String, String> headers = new LinkedHashMap<>();
      headers.put("x-request-id", requestId);
      headers.put("x-signature", "ts=" + ts + ",v1=" + Hex.encode(hmac(secret, manifest)));
      return headers;
    }

    @Override
    public String toString() {
      return "MercadoPagoManifest[" + secrets.size() + " secret(s)]";
    }
  }
}
