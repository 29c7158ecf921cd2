package io.webhookkit.core.internal.presets;

import io.webhookkit.core.provider.Locator;
import io.webhookkit.core.provider.PayloadFormat;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderKey;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import io.webhookkit.core.signature.HmacAlgorithm;
import io.webhookkit.core.signature.HmacSignatureScheme;
import io.webhookkit.core.signature.SignatureEncoding;
import io.webhookkit.core.signature.SignedContent;
import java.util.List;
import java.util.Objects;

/**
 * The generic {@code hmac} scheme, configured by keys: {@code signature.header} (required), {@code
 * signature.algorithm} ({@code sha256}; or {@code sha1}, {@code sha512}), {@code
 * signature.encoding} ({@code hex} or {@code base64}), {@code signature.prefix}, {@code
 * signature.payload} (a template over {@code {id}}, {@code {timestamp}}, {@code {body}}; default
 * {@code {body}}), {@code timestamp.header} and {@code id.header}. The body is checked as JSON or a
 * form by its {@code Content-Type}, and anything else is accepted as it is.
 */
public final class GenericHmacProvider implements Provider {
  private static final List<ProviderKey> KEYS =
      List.of(
          new ProviderKey("signature.header", "The header holding the signature. Required."),
          new ProviderKey("signature.algorithm", "sha1, sha256 or sha512. Default sha256."),
          new ProviderKey("signature.encoding", "hex, base64 or base64url. Default hex."),
          new ProviderKey(
              "signature.prefix", "Text before the MAC in the header, e.g. sha256=. Default none."),
          new ProviderKey(
              "signature.payload",
              "The signed content, a template over {id}, {timestamp} and {body}. Default {body}."),
          new ProviderKey(
              "timestamp.header",
              "The header holding the signed timestamp; required when the payload has {timestamp}."),
          new ProviderKey(
              "id.header",
              "The header holding the delivery id; required when the payload has {id}, and for"
                  + " idempotency."));

  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public GenericHmacProvider() {}

  @Override
  public String name() {
    return "hmac";
  }

  @Override
  public List<ProviderKey> keys() {
    return KEYS;
  }

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    HmacSignatureScheme.Builder scheme =
        HmacSignatureScheme.builder().header(settings.require("signature.header"));
    try {
      scheme.algorithm(HmacAlgorithm.parse(settings.get("signature.algorithm", "sha256")));
    } catch (IllegalArgumentException e) {
      throw settings.invalid(
          "signature.algorithm", Objects.requireNonNullElse(e.getMessage(), "is not valid"));
    }
    try {
      scheme.encoding(SignatureEncoding.parse(settings.get("signature.encoding", "hex")));
    } catch (IllegalArgumentException e) {
      throw settings.invalid(
          "signature.encoding", Objects.requireNonNullElse(e.getMessage(), "is not valid"));
    }
    scheme.prefix(settings.get("signature.prefix", ""));
    SignedContent content;
    try {
      content = SignedContent.parse(settings.get("signature.payload", "{body}"));
    } catch (IllegalArgumentException e) {
      throw settings.invalid(
          "signature.payload", Objects.requireNonNullElse(e.getMessage(), "is not valid"));
    }
    String timestampHeader = settings.get("timestamp.header");
    String idHeader = settings.get("id.header");
    if (content.signsTimestamp() && timestampHeader == null) {
      throw settings.invalid(
          "timestamp.header", "is required because signature.payload has {timestamp}");
    }
    if (timestampHeader != null && !content.signsTimestamp()) {
      throw settings.invalid(
          "timestamp.header",
          "is set but signature.payload has no {timestamp}: an unsigned timestamp proves nothing");
    }
    if (content.signsId() && idHeader == null) {
      throw settings.invalid("id.header", "is required because signature.payload has {id}");
    }
    ProviderRules.Builder rules =
        ProviderRules.builder()
            .signatureScheme(
                scheme
                    .content(content)
                    .timestampHeader(timestampHeader)
                    .idHeader(idHeader)
                    .secrets(settings.secrets())
                    .build())
            .payloadFormat(PayloadFormat.BY_CONTENT_TYPE);
    if (idHeader != null) {
      rules.deliveryId(Locator.header(idHeader));
    }
    return rules.build();
  }
}
