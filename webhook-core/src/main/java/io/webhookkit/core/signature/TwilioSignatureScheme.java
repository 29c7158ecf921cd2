package io.webhookkit.core.signature;

import io.webhookkit.core.Reason;
import io.webhookkit.core.Secret;
import io.webhookkit.core.WebhookRequest;
import io.webhookkit.core.internal.Base64s;
import io.webhookkit.core.internal.FormBody;
import io.webhookkit.core.internal.Hex;
import io.webhookkit.core.internal.Macs;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Mac;
import org.jspecify.annotations.Nullable;

/**
 * Twilio's scheme: {@code X-Twilio-Signature} is the base64 HMAC-SHA1, keyed with the auth token,
 * of the full URL Twilio called followed, for a form body, by every parameter's name and value
 * sorted by name. A JSON body is signed through the URL instead: its {@code bodySHA256} query
 * parameter must be the hex SHA-256 of the body. As Twilio's own SDKs do, the URL is tried as it
 * is, without its port, and with the scheme's default port. Twilio signs no timestamp: nothing
 * stops a replay but the delivery id. Mailchimp Transactional (Mandrill) signs the same way in
 * {@code X-Mandrill-Signature} ({@link #of(String, List)}). Immutable and thread-safe.
 *
 * @see <a href="https://www.twilio.com/docs/usage/webhooks/webhooks-security">Twilio: webhooks
 *     security</a>
 */
public final class TwilioSignatureScheme implements SignatureScheme {
  /** The header Twilio signs in. */
  public static final String HEADER = "X-Twilio-Signature";

  private static final int SHA1_LENGTH = 20;
  private final String header;
  private final String headerKey;
  private final List<KeyedMac> keys;

  private TwilioSignatureScheme(String header, List<KeyedMac> keys) {
    this.header = header;
    this.headerKey = header.toLowerCase(Locale.ROOT);
    this.keys = keys;
  }

  /** A scheme for these auth tokens, in {@value #HEADER}. */
  public static TwilioSignatureScheme of(List<Secret> secrets) {
    return of(HEADER, secrets);
  }

  /** The same scheme in another header ({@code X-Mandrill-Signature}). */
  public static TwilioSignatureScheme of(String header, List<Secret> secrets) {
    List<KeyedMac> keys = new ArrayList<>();
    for (Secret secret : secrets) {
      keys.add(
          KeyedMac.of(
              secret, secret.reveal().getBytes(StandardCharsets.UTF_8), HmacAlgorithm.SHA1));
    }
    return new TwilioSignatureScheme(Objects.requireNonNull(header), List.copyOf(keys));
  }

  @Override
  public SignatureVerdict verify(WebhookRequest request) {
    return verify(request, RequestUrl.direct(request));
  }

  @Override
  public boolean signsUrl() {
    return true;
  }

  @Override
  public SignatureVerdict verify(WebhookRequest request, RequestUrl url) {
    Optional<String> value = request.header(headerKey);
    if (value.isEmpty()) {
      return SignatureVerdict.failed(
          Reason.SIGNATURE_MISSING, "The request has no " + header + " header.");
    }
    byte[] given = Base64s.decode(value.get().trim());
    if (given == null || given.length != SHA1_LENGTH) {
      return SignatureVerdict.failed(
          Reason.SIGNATURE_INVALID, "The " + header + " header is not a base64 HMAC-SHA1.");
    }
    String full = url.value();
    String suffix;
    if (request.mediaType().equals("application/x-www-form-urlencoded")) {
      suffix = sortedParameters(request.body());
      if (suffix == null) {
        return SignatureVerdict.failed(
            Reason.SIGNATURE_INVALID, "The form body cannot be read to check its signature.");
      }
    } else {
      String bodyHash = request.queryParameter("bodySHA256").orElse(null);
      if (bodyHash == null) {
        return SignatureVerdict.failed(
            Reason.SIGNATURE_INVALID, "A body that is not a form needs the bodySHA256 parameter.");
      }
      byte[] expectedHash = Hex.decode(bodyHash, 0, bodyHash.length());
      if (expectedHash == null || !Macs.equal(expectedHash, Macs.sha256(request.body()))) {
        return SignatureVerdict.failed(
            Reason.SIGNATURE_INVALID, "The body's SHA-256 differs from its bodySHA256 parameter.");
      }
      suffix = "";
    }
    for (String candidate : urlVariants(full)) {
      byte[] content = (candidate + suffix).getBytes(StandardCharsets.UTF_8);
      for (KeyedMac key : keys) {
        Mac mac = key.macs().get();
        if (Macs.equal(mac.doFinal(content), given)) {
          return key.verified();
        }
      }
    }
    return SignatureVerdict.failed(
        Reason.SIGNATURE_INVALID, "The " + header + " matches no configured secret.");
  }

  /** Names and values, sorted by name (then value), concatenated; {@code null} if malformed. */
  static @Nullable String sortedParameters(byte[] form) {
    List<Map.Entry<String, String>> pairs = FormBody.parse(form, StandardCharsets.UTF_8);
    if (pairs == null) {
      return null;
    }
    List<Map.Entry<String, String>> sorted = new ArrayList<>(pairs);
    sorted.sort(
        Comparator.comparing((Map.Entry<String, String> e) -> e.getKey())
            .thenComparing(Map.Entry::getValue));
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, String> pair : sorted) {
      sb.append(pair.getKey()).append(pair.getValue());
    }
    return sb.toString();
  }

  /** The URL as given, without its port, and with the scheme's default port. */
  static Set<String> urlVariants(String url) {
    Set<String> out = new LinkedHashSet<>();
    out.add(url);
    try {
      URI uri = new URI(url);
      if (uri.getScheme() == null || uri.getRawAuthority() == null) {
        return out;
      }
      String scheme = uri.getScheme();
      String rest =
          (uri.getRawPath() == null ? "" : uri.getRawPath())
              + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
              + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
      String userInfo = uri.getRawUserInfo() == null ? "" : uri.getRawUserInfo() + "@";
      String host = uri.getHost();
      if (host == null) {
        return out;
      }
      String base = scheme + "://" + userInfo + host;
      out.add(base + rest);
      if (uri.getPort() < 0) {
        out.add(base + ":" + RequestUrl.defaultPort(scheme) + rest);
      }
    } catch (URISyntaxException malformed) {
      // only the URL as given
    }
    return out;
  }

  @Override
  public Map<String, String> sign(SigningInput input, Secret secret) {
    String url = input.requireUrl();
    String suffix = sortedParameters(input.body());
    Mac mac =
        KeyedMac.of(secret, secret.reveal().getBytes(StandardCharsets.UTF_8), HmacAlgorithm.SHA1)
            .macs()
            .get();
    byte[] content =
        (url + (suffix == null || url.contains("bodySHA256=") ? "" : suffix))
            .getBytes(StandardCharsets.UTF_8);
    return Map.of(header, Base64s.encode(mac.doFinal(content)));
  }

  @Override
  public String toString() {
    return "TwilioSignatureScheme[" + header + ", " + keys.size() + " secret(s)]";
  }
}
