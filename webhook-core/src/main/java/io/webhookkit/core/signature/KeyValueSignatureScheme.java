package io.webhookkit.core.signature;

import io.webhookkit.core.Reason;
import io.webhookkit.core.Secret;
import io.webhookkit.core.WebhookRequest;
import io.webhookkit.core.internal.Macs;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Mac;
import org.jspecify.annotations.Nullable;

/**
 * A header of {@code key=value} pairs holding a Unix timestamp and one or more HMAC signatures over
 * {@code <timestamp><joiner><body>}: Stripe's {@code Stripe-Signature: t=…,v1=…[,v1=…][,v0=…]}
 * (joiner {@code .}), Calendly's, Persona's, Paddle's {@code Paddle-Signature: ts=…;h1=…} (joiner
 * {@code :}), WorkOS's (milliseconds) and Sanity's (milliseconds, base64url). By default
 * HMAC-SHA256 in hex over Unix seconds, keyed with the whole secret string; the {@link Builder}
 * sets the rest. The first timestamp entry counts; other keys ({@code v0}, {@code h2}) are ignored;
 * several signature entries appear while a secret is rotated and any may match any configured
 * secret. Verification allocates nothing per request for timestamps in seconds: the timestamp is
 * fed to the MAC from the header, each candidate is decoded into a per-thread scratch buffer and
 * compared in constant time. Immutable and thread-safe.
 *
 * @see <a href="https://docs.stripe.com/webhooks#verify-manually">Stripe: verify signatures
 *     manually</a>
 */
public final class KeyValueSignatureScheme implements SignatureScheme {
  private final String header;
  private final String headerKey;
  private final char separator;
  private final String timestampKey;
  private final String signatureKey;
  private final byte[] joiner;
  private final List<KeyedMac> keys;
  private final HmacAlgorithm algorithm;
  private final SignatureEncoding encoding;
  private final TimestampFormat timestampFormat;
  private final SecretEncoding secretEncoding;

  private KeyValueSignatureScheme(Builder b) {
    this.header = Objects.requireNonNull(b.header, "header");
    this.headerKey = header.toLowerCase(Locale.ROOT);
    this.separator = b.separator;
    this.timestampKey = b.timestampKey + "=";
    this.signatureKey = b.signatureKey + "=";
    this.joiner = b.joiner.getBytes(StandardCharsets.UTF_8);
    this.algorithm = b.algorithm;
    this.encoding = b.encoding;
    this.timestampFormat = b.timestampFormat;
    this.secretEncoding = b.secretEncoding;
    if (timestampFormat == TimestampFormat.RFC3339) {
      throw new IllegalArgumentException("a key-value header holds a Unix timestamp");
    }
    List<KeyedMac> k = new ArrayList<>();
    for (Secret secret : b.secrets) {
      k.add(KeyedMac.of(secret, secretEncoding.key(secret), algorithm));
    }
    this.keys = List.copyOf(k);
  }

  /**
   * A scheme.
   *
   * @param header the header, e.g. {@code Paddle-Signature}
   * @param separator between pairs, e.g. {@code ;}
   * @param timestampKey the key of the Unix timestamp in seconds, e.g. {@code ts}
   * @param signatureKey the key of each signature, e.g. {@code h1}
   * @param joiner between timestamp and body in the signed content, e.g. {@code :}
   * @param secrets the secrets, each used as its UTF-8 bytes
   * @throws IllegalArgumentException when a secret is empty
   */
  public static KeyValueSignatureScheme of(
      String header,
      char separator,
      String timestampKey,
      String signatureKey,
      String joiner,
      List<Secret> secrets) {
    return builder()
        .header(header)
        .separator(separator)
        .timestampKey(timestampKey)
        .signatureKey(signatureKey)
        .joiner(joiner)
        .secrets(secrets)
        .build();
  }

  /**
   * A builder; defaults: separator {@code ,}, keys {@code t} and {@code v1}, joiner {@code .},
   * HMAC-SHA256 in hex, Unix seconds, secrets as their UTF-8 bytes.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Stripe's: {@code Stripe-Signature: t=…,v1=…} over {@code <t>.<body>}. */
  public static KeyValueSignatureScheme stripe(List<Secret> secrets) {
    return of("Stripe-Signature", ',', "t", "v1", ".", secrets);
  }

  @Override
  public boolean signsTimestamp() {
    return true;
  }

  @Override
  public SignatureVerdict verify(WebhookRequest request) {
    String value = request.headerValue(headerKey); // no Optional per delivery
    if (value == null) {
      return SignatureVerdict.failed(
          Reason.SIGNATURE_MISSING, "The request has no " + header + " header.");
    }
    // Step 1: the first timestamp entry, and whether any signature entry is there.
    int tFrom = -1;
    int tTo = -1;
    boolean anySignature = false;
    for (int i = 0; i <= value.length(); ) {
      int end = value.indexOf(separator, i);
      end = end < 0 ? value.length() : end;
      int from = skipSpaces(value, i, end);
      if (tFrom < 0 && value.startsWith(timestampKey, from)) {
        tFrom = from + timestampKey.length();
        tTo = trimEnd(value, tFrom, end);
      } else if (value.startsWith(signatureKey, from)) {
        anySignature = true;
      }
      i = end + 1;
    }
    Instant instant =
        tFrom < 0
            ? null
            : timestampFormat == TimestampFormat.SECONDS
                ? Timestamps.seconds(value, tFrom, tTo)
                : timestampFormat.parse(value.substring(tFrom, tTo));
    if (instant == null) {
      return SignatureVerdict.failed(
          Reason.SIGNATURE_INVALID, "The " + header + " header has no valid timestamp.");
    }
    if (!anySignature) {
      return SignatureVerdict.failed(
          Reason.SIGNATURE_INVALID, "The " + header + " header has no well-formed signature.");
    }
    // Steps 2 and 3: sign "<t><joiner><body>" with each secret, compare each entry.
    int length = algorithm.length();
    byte[] scratch = Macs.scratch(2 * length);
    byte[] body = request.body();
    int from0 = signatureKey.length();
    boolean wellFormed = false;
    for (int k = 0; k < keys.size(); k++) { // indexed: no iterator per delivery
      KeyedMac key = keys.get(k);
      Mac mac = key.macs().get();
      for (int c = tFrom; c < tTo; c++) {
        mac.update((byte) value.charAt(c));
      }
      mac.update(joiner);
      mac.update(body);
      Macs.finish(mac, scratch, 0);
      for (int i = 0; i <= value.length(); ) {
        int end = value.indexOf(separator, i);
        end = end < 0 ? value.length() : end;
        int from = skipSpaces(value, i, end);
        if (value.startsWith(signatureKey, from)
            && encoding.decodeInto(
                value, from + from0, trimEnd(value, from + from0, end), scratch, length)) {
          wellFormed = true;
          if (Macs.equal(scratch, 0, scratch, length, length)) {
            return new SignatureVerdict.Verified(key.label(), instant, null);
          }
        }
        i = end + 1;
      }
      if (!wellFormed) {
        break;
      }
    }
    return SignatureVerdict.failed(
        Reason.SIGNATURE_INVALID,
        wellFormed
            ? "No signature in " + header + " matches a configured secret."
            : "The " + header + " header has no well-formed signature.");
  }

  private static int skipSpaces(String s, int from, int to) {
    while (from < to && s.charAt(from) == ' ') {
      from++;
    }
    return from;
  }

  private static int trimEnd(String s, int from, int to) {
    while (to > from && s.charAt(to - 1) == ' ') {
      to--;
    }
    return to;
  }

  @Override
  public Map<String, String> sign(SigningInput input, Secret secret) {
    String t = timestampFormat.format(input.requireTimestamp());
    Mac mac = KeyedMac.of(secret, secretEncoding.key(secret), algorithm).macs().get();
    mac.update(t.getBytes(StandardCharsets.US_ASCII));
    mac.update(joiner);
    mac.update(input.body());
    return Map.of(
        header, timestampKey + t + separator + signatureKey + encoding.encode(mac.doFinal()));
  }

  @Override
  public String toString() {
    return "KeyValueSignatureScheme[" + header + ", " + keys.size() + " secret(s)]";
  }

  /** Builds the scheme; not thread-safe. */
  public static final class Builder {
    private @Nullable String header;
    private char separator = ',';
    private String timestampKey = "t";
    private String signatureKey = "v1";
    private String joiner = ".";
    private HmacAlgorithm algorithm = HmacAlgorithm.SHA256;
    private SignatureEncoding encoding = SignatureEncoding.HEX;
    private TimestampFormat timestampFormat = TimestampFormat.SECONDS;
    private SecretEncoding secretEncoding = SecretEncoding.TEXT;
    private List<Secret> secrets = List.of();

    private Builder() {}

    /** The header, e.g. {@code Persona-Signature}. */
    public Builder header(String header) {
      this.header = header;
      return this;
    }

    /** Between the pairs (default {@code ,}). */
    public Builder separator(char separator) {
      this.separator = separator;
      return this;
    }

    /** The key of the timestamp (default {@code t}). */
    public Builder timestampKey(String key) {
      this.timestampKey = Objects.requireNonNull(key, "key");
      return this;
    }

    /** The key of each signature (default {@code v1}). */
    public Builder signatureKey(String key) {
      this.signatureKey = Objects.requireNonNull(key, "key");
      return this;
    }

    /** Between timestamp and body in the signed content (default {@code .}). */
    public Builder joiner(String joiner) {
      this.joiner = Objects.requireNonNull(joiner, "joiner");
      return this;
    }

    /** The hash function (default SHA-256). */
    public Builder algorithm(HmacAlgorithm algorithm) {
      this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
      return this;
    }

    /** How each signature is written (default hex). */
    public Builder encoding(SignatureEncoding encoding) {
      this.encoding = Objects.requireNonNull(encoding, "encoding");
      return this;
    }

    /** How the timestamp is written: Unix seconds (default) or milliseconds. */
    public Builder timestampFormat(TimestampFormat format) {
      this.timestampFormat = Objects.requireNonNull(format, "format");
      return this;
    }

    /** How each secret becomes the key (default its UTF-8 bytes). */
    public Builder secretEncoding(SecretEncoding encoding) {
      this.secretEncoding = Objects.requireNonNull(encoding, "encoding");
      return this;
    }

    /** The secrets. */
    public Builder secrets(List<Secret> secrets) {
      this.secrets = List.copyOf(secrets);
      return this;
    }

    /**
     * The scheme.
     *
     * @throws IllegalArgumentException when a secret is not in its encoding, or the timestamp
     *     format is not a Unix one
     */
    public KeyValueSignatureScheme build() {
      return new KeyValueSignatureScheme(this);
    }
  }
}
