package io.webhookkit.core.signature;

import io.webhookkit.core.Reason;
import io.webhookkit.core.Secret;
import io.webhookkit.core.WebhookRequest;
import io.webhookkit.core.internal.Macs;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import javax.crypto.Mac;
import org.jspecify.annotations.Nullable;

/**
 * The generic HMAC scheme: a header holding {@code <prefix><hex|base64 MAC>} over a signed-content
 * template of id, timestamp and body. GitHub, Slack and Shopify are instances of it, and so is the
 * {@code hmac} provider configured by keys.
 *
 * <p>The header may hold several signatures (separated by commas or spaces, or repeated header
 * lines); any of them matching any secret verifies. Each secret is keyed once at build time; the
 * comparison is constant-time on the decoded bytes. Immutable and thread-safe.
 */
public final class HmacSignatureScheme implements SignatureScheme {
  private final String header;
  private final String headerKey;
  private final List<String> moreHeaderKeys;
  private final @Nullable String timestampKey;
  private final @Nullable String idKey;
  private final HmacAlgorithm algorithm;
  private final SignatureEncoding encoding;
  private final String prefix;
  private final SignedContent content;
  private final @Nullable String timestampHeader;
  private final @Nullable String idHeader;
  private final List<KeyedMac> keys;
  private final int macLength;
  private final TimestampFormat timestampFormat;
  private final UnaryOperator<String> urlForm;
  private final SecretEncoding secretEncoding;

  private HmacSignatureScheme(Builder b) {
    this.header = Objects.requireNonNull(b.header, "header");
    // Lower-cased once: header lookups on lower-case names allocate nothing.
    this.headerKey = header.toLowerCase(Locale.ROOT);
    this.moreHeaderKeys = b.moreHeaders.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
    this.timestampKey =
        b.timestampHeader == null ? null : b.timestampHeader.toLowerCase(Locale.ROOT);
    this.idKey = b.idHeader == null ? null : b.idHeader.toLowerCase(Locale.ROOT);
    this.algorithm = b.algorithm;
    this.encoding = b.encoding;
    this.prefix = b.prefix;
    this.content = b.content;
    this.timestampHeader = b.timestampHeader;
    this.idHeader = b.idHeader;
    if (content.signsTimestamp() && timestampHeader == null) {
      throw new IllegalArgumentException(
          "the signed content has {timestamp} but no timestamp header is set");
    }
    if (content.signsId() && idHeader == null) {
      throw new IllegalArgumentException("the signed content has {id} but no id header is set");
    }
    if (timestampHeader != null && !content.signsTimestamp()) {
      throw new IllegalArgumentException(
          "a timestamp header is set but the signed content has no {timestamp}: an unsigned timestamp proves nothing");
    }
    List<KeyedMac> keyed = new ArrayList<>();
    for (Secret secret : b.secrets) {
      keyed.add(KeyedMac.of(secret, b.secretEncoding.key(secret), algorithm));
    }
    this.keys = List.copyOf(keyed);
    this.macLength = algorithm.length();
    this.timestampFormat = b.timestampFormat;
    this.urlForm = b.urlForm;
    this.secretEncoding = b.secretEncoding;
  }

  /**
   * The PubSubHubbub convention GitHub made common: {@code <header>: <algorithm>=<hex MAC of the
   * body>}, e.g. {@code X-Hub-Signature-256: sha256=…} (GitHub, Meta) or {@code X-Hub-Signature:
   * sha1=…} (Intercom).
   */
  public static HmacSignatureScheme hubSignature(
      String header, HmacAlgorithm algorithm, List<Secret> secrets) {
    return builder()
        .header(header)
        .algorithm(algorithm)
        .prefix(algorithm.name().toLowerCase(Locale.ROOT) + "=")
        .secrets(secrets)
        .build();
  }

  /** A builder; defaults: SHA-256, hex, no prefix, content {@code {body}}. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public boolean signsTimestamp() {
    return content.signsTimestamp();
  }

  @Override
  public SignatureVerdict verify(WebhookRequest request) {
    return verifyAt(request, null);
  }

  @Override
  public SignatureVerdict verify(WebhookRequest request, RequestUrl url) {
    return verifyAt(request, url);
  }

  @Override
  public boolean signsUrl() {
    return content.signsUrl();
  }

  private SignatureVerdict verifyAt(WebhookRequest request, @Nullable RequestUrl url) {
    List<String> values = request.headers().all(headerKey);
    if (!moreHeaderKeys.isEmpty()) {
      List<String> all = new ArrayList<>(values);
      for (String more : moreHeaderKeys) {
        all.addAll(request.headers().all(more));
      }
      values = all;
    }
    if (values.isEmpty()) {
      return SignatureVerdict.failed(
          Reason.SIGNATURE_MISSING, "The request has no " + header + " header.");
    }
    String timestamp = "";
    Instant instant = null;
    if (timestampHeader != null) {
      String t = request.headerValue(Objects.requireNonNull(timestampKey));
      if (t == null) {
        return SignatureVerdict.failed(
            Reason.SIGNATURE_MISSING, "The request has no " + timestampHeader + " header.");
      }
      timestamp = t;
      instant = timestampFormat.parse(timestamp);
      if (instant == null) {
        return SignatureVerdict.failed(
            Reason.SIGNATURE_INVALID,
            "The " + timestampHeader + " header is not " + timestampFormat.description() + ".");
      }
    }
    String id = "";
    if (content.signsId() && idHeader != null) {
      String i = request.headerValue(Objects.requireNonNull(idKey));
      if (i == null) {
        return SignatureVerdict.failed(
            Reason.SIGNATURE_MISSING, "The request has no " + idHeader + " header.");
      }
      id = i;
    }
    // The expected MAC and each candidate are decoded into one per-thread scratch buffer: no copy
    // of the body, no list of candidates, nothing allocated per signature.
    byte[] body = request.body();
    String method = content.signsUrl() ? request.method() : "";
    String signedUrl =
        content.signsUrl()
            ? urlForm.apply((url != null ? url : RequestUrl.direct(request)).value())
            : "";
    byte[] scratch = Macs.scratch(2 * macLength);
    for (int k = 0; k < keys.size(); k++) { // indexed: no iterator per delivery
      KeyedMac key = keys.get(k);
      Mac mac = key.macs().get();
      content.update(mac, id, timestamp, body, method, signedUrl);
      Macs.finish(mac, scratch, 0);
      boolean wellFormed = false;
      for (int v = 0; v < values.size(); v++) {
        String value = values.get(v);
        int i = 0;
        int n = value.length();
        while (i < n) {
          while (i < n && (value.charAt(i) == ',' || value.charAt(i) == ' ')) {
            i++;
          }
          int end = i;
          while (end < n && value.charAt(end) != ',' && value.charAt(end) != ' ') {
            end++;
          }
          if (end - i > prefix.length()
              && value.startsWith(prefix, i)
              && encoding.decodeInto(value, i + prefix.length(), end, scratch, macLength)) {
            wellFormed = true;
            if (Macs.equal(scratch, 0, scratch, macLength, macLength)) {
              return instant == null && !content.signsId()
                  ? key.verified()
                  : new SignatureVerdict.Verified(
                      key.label(), instant, content.signsId() ? id : null);
            }
          }
          i = end;
        }
      }
      if (!wellFormed) {
        return SignatureVerdict.failed(
            Reason.SIGNATURE_INVALID, "The " + header + " header holds no well-formed signature.");
      }
    }
    return SignatureVerdict.failed(
        Reason.SIGNATURE_INVALID, "No signature in " + header + " matches a configured secret.");
  }

  @Override
  public Map<String, String> sign(SigningInput input, Secret secret) {
    String timestamp = "";
    if (content.signsTimestamp()) {
      Instant at = input.requireTimestamp();
      timestamp = timestampFormat.format(at);
    }
    String id = content.signsId() ? input.requireId() : "";
    String signedUrl = content.signsUrl() ? urlForm.apply(input.requireUrl()) : "";
    Mac mac = KeyedMac.of(secret, secretEncoding.key(secret), algorithm).macs().get();
    content.update(mac, id, timestamp, input.body(), input.method(), signedUrl);
    Map<String, String> headers = new LinkedHashMap<>();
    if (content.signsId() && idHeader != null) {
      headers.put(idHeader, id);
    }
    if (timestampHeader != null) {
      headers.put(timestampHeader, timestamp);
    }
    headers.put(header, prefix + encoding.encode(mac.doFinal()));
    return headers;
  }

  @Override
  public String toString() {
    return "HmacSignatureScheme["
        + algorithm
        + " "
        + encoding
        + " in "
        + header
        + " over "
        + content
        + ", "
        + keys.size()
        + " secret(s)]";
  }

  /** Builds the scheme; validates when {@link #build()} is called. Not thread-safe. */
  public static final class Builder {
    private @Nullable String header;
    private final List<String> moreHeaders = new ArrayList<>();
    private HmacAlgorithm algorithm = HmacAlgorithm.SHA256;
    private SignatureEncoding encoding = SignatureEncoding.HEX;
    private String prefix = "";
    private SignedContent content = SignedContent.parse("{body}");
    private @Nullable String timestampHeader;
    private @Nullable String idHeader;
    private List<Secret> secrets = List.of();
    private TimestampFormat timestampFormat = TimestampFormat.SECONDS;
    private UnaryOperator<String> urlForm = u -> u;
    private SecretEncoding secretEncoding = SecretEncoding.TEXT;

    private Builder() {}

    /** How each secret becomes the key (default its UTF-8 bytes). */
    public Builder secretEncoding(SecretEncoding encoding) {
      this.secretEncoding = Objects.requireNonNull(encoding, "encoding");
      return this;
    }

    /** How the timestamp header writes the time (default Unix seconds). */
    public Builder timestampFormat(TimestampFormat format) {
      this.timestampFormat = Objects.requireNonNull(format, "format");
      return this;
    }

    /** How the public URL is written before it is signed (default: as it is). */
    public Builder urlForm(UnaryOperator<String> form) {
      this.urlForm = Objects.requireNonNull(form, "form");
      return this;
    }

    /** The header that carries the signature. */
    public Builder header(String header) {
      this.header = header;
      return this;
    }

    /**
     * Another header that may carry signatures (Box's {@code box-signature-secondary} beside its
     * primary one); a signature in any of them matching any secret verifies. Signing writes only
     * {@link #header}.
     */
    public Builder alsoHeader(String another) {
      this.moreHeaders.add(Objects.requireNonNull(another, "another"));
      return this;
    }

    /** The hash function. */
    public Builder algorithm(HmacAlgorithm algorithm) {
      this.algorithm = algorithm;
      return this;
    }

    /** How the MAC is written. */
    public Builder encoding(SignatureEncoding encoding) {
      this.encoding = encoding;
      return this;
    }

    /** Text before the encoded MAC, e.g. {@code sha256=}. */
    public Builder prefix(String prefix) {
      this.prefix = prefix;
      return this;
    }

    /** The signed-content template. */
    public Builder content(SignedContent content) {
      this.content = content;
      return this;
    }

    /** The header with the signed timestamp, in {@link #timestampFormat}. */
    public Builder timestampHeader(@Nullable String timestampHeader) {
      this.timestampHeader = timestampHeader;
      return this;
    }

    /** The header with the delivery id, when the content signs it. */
    public Builder idHeader(@Nullable String idHeader) {
      this.idHeader = idHeader;
      return this;
    }

    /**
     * The secrets; each is used as its {@link #secretEncoding} says (its UTF-8 bytes by default).
     */
    public Builder secrets(List<Secret> secrets) {
      this.secrets = List.copyOf(secrets);
      return this;
    }

    /**
     * The scheme.
     *
     * @throws IllegalArgumentException when the settings contradict each other or a secret is empty
     */
    public HmacSignatureScheme build() {
      if (header == null || header.isBlank()) {
        throw new IllegalArgumentException("no signature header is set");
      }
      return new HmacSignatureScheme(this);
    }
  }
}
