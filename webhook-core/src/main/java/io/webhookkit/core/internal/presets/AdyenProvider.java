package io.webhookkit.core.internal.presets;

import com.nimbusds.jose.util.JSONObjectUtils;
import io.webhookkit.core.Reason;
import io.webhookkit.core.Secret;
import io.webhookkit.core.WebhookRequest;
import io.webhookkit.core.internal.Base64s;
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
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Adyen standard webhooks (JSON): each {@code NotificationRequestItem} of the batch carries its own
 * {@code additionalData.hmacSignature}, the base64 HMAC-SHA256 of {@code
 * pspReference:originalReference:merchantAccountCode:merchantReference:value:currency:eventCode:success}
 * (absent fields empty) keyed with the hex-decoded HMAC key ({@code secrets} is that hex key, as
 * Adyen's Customer Area shows it). Every item must verify, or the delivery is refused. Adyen
 * retries a batch with the same body: the body's SHA-256 is the delivery id; the items' event codes
 * are in the body. Adyen accepts any 2xx.
 *
 * @see <a
 *     href="https://docs.adyen.com/development-resources/webhooks/secure-webhooks/verify-hmac-signatures">Adyen:
 *     verify HMAC signatures</a>
 */
public final class AdyenProvider implements Provider {
  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public AdyenProvider() {}

  @Override
  public String name() {
    return "adyen";
  }

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    List<Key> keys = new ArrayList<>();
    for (Secret secret : settings.secrets()) {
      String hex = secret.reveal().trim();
      byte[] key = hex.length() % 2 == 0 ? Hex.decode(hex, 0, hex.length()) : null;
      if (key == null || key.length == 0) {
        throw settings.invalid(
            "secrets",
            secret.label() + " must be Adyen's HMAC key in hex, as the Customer Area shows it");
      }
      keys.add(new Key(secret.label(), key));
    }
    return ProviderRules.builder()
        .signatureScheme(new ItemScheme(List.copyOf(keys)))
        .deliveryId(Locator.bodySha256())
        .build();
  }

  private record Key(String label, byte[] bytes) {}

  /** The data Adyen signs for one item. */
  static String signedData(Map<String, Object> item) throws ParseException {
    Map<String, Object> amount = JSONObjectUtils.getJSONObject(item, "amount");
    return String.join(
        ":",
        text(item, "pspReference"),
        text(item, "originalReference"),
        text(item, "merchantAccountCode"),
        text(item, "merchantReference"),
        amount == null ? "" : text(amount, "value"),
        amount == null ? "" : text(amount, "currency"),
        text(item, "eventCode"),
        text(item, "success"));
  }

  private static String text(Map<String, Object> object, String name) {
    Object value = object.get(name);
    return value == null ? "" : String.valueOf(value);
  }

  /** HMAC-SHA256 with a raw key. */
  static byte[] hmac(byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has HmacSHA256", e);
    }
  }

  /** Verifies every item of the batch. Thread-safe. */
  private static final class ItemScheme implements SignatureScheme {
    private final List<Key> keys;

    ItemScheme(List<Key> keys) {
      this.keys = keys;
    }

    @Override
    public SignatureVerdict verify(WebhookRequest request) {
      List<Map<String, Object>> items = items(request.body());
      if (items == null || items.isEmpty()) {
        return SignatureVerdict.failed(
            Reason.SIGNATURE_MISSING, "The body is not an Adyen notification with items.");
      }
      String label = "";
      for (Map<String, Object> item : items) {
        try {
          Map<String, Object> additional = JSONObjectUtils.getJSONObject(item, "additionalData");
          Object signature = additional == null ? null : additional.get("hmacSignature");
          if (!(signature instanceof String given)) {
            return SignatureVerdict.failed(
                Reason.SIGNATURE_MISSING, "An item has no additionalData.hmacSignature.");
          }
          byte[] expected = Base64s.decode(given);
          String data = signedData(item);
          String matched = null;
          for (Key key : keys) {
            if (expected != null && Macs.equal(hmac(key.bytes(), data), expected)) {
              matched = key.label();
              break;
            }
          }
          if (matched == null) {
            return SignatureVerdict.failed(
                Reason.SIGNATURE_INVALID, "An item's hmacSignature matches no configured key.");
          }
          label = label.isEmpty() ? matched : label;
        } catch (ParseException | RuntimeException malformed) {
          return SignatureVerdict.failed(
              Reason.SIGNATURE_INVALID, "An item of the notification is malformed.");
        }
      }
      return new SignatureVerdict.Verified(label, null, null);
    }

    private static @Nullable List<Map<String, Object>> items(byte[] body) {
      try {
        Map<String, Object> notification =
            JSONObjectUtils.parse(new String(body, StandardCharsets.UTF_8));
        List<Object> list = JSONObjectUtils.getJSONArray(notification, "notificationItems");
        if (list == null) {
          return null;
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object wrapper : list) {
          if (!(wrapper instanceof Map<?, ?> w)
              || !(w.get("NotificationRequestItem") instanceof Map<?, ?> item)) {
            return null;
          }
          @SuppressWarnings("unchecked")
          Map<String, Object> typed = (Map<String, Object>) item;
          out.add(typed);
        }
        return out;
      } catch (ParseException | RuntimeException malformed) {
        return null;
      }
    }

    @Override
    public boolean coversBody() {
      return false; // each item's listed fields, not the body's bytes
    }

    @Override
    public Map<String, String> sign(SigningInput input, Secret secret) {
      return Map.of(); // the signatures are inside the body's items
    }

    @Override
    public String toString() {
      return "AdyenItems[" + keys.size() + " key(s)]";
    }
  }
}
