package io.webhookkit.core.signature;

import io.webhookkit.core.Reason;
import io.webhookkit.core.Secret;
import io.webhookkit.core.WebhookRequest;
import io.webhookkit.core.internal.Macs;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A shared token sent as it is (GitLab's {@code X-Gitlab-Token}, Okta's {@code Authorization}, a
 * CloudEvents sender's bearer token): the header's value, optionally after {@code Bearer }, or a
 * query parameter, must equal one of the secrets. Compared in constant time over SHA-256 digests,
 * so that neither the content nor the length of a secret leaks. A token proves only that the sender
 * knows it: it does not cover the body, and nothing stops a replay. Immutable and thread-safe.
 */
public final class TokenSignatureScheme implements SignatureScheme {
  private record Token(String label, byte[] digest) {}

  private final @Nullable String header;
  private final @Nullable String headerKey;
  private final boolean bearer;
  private final @Nullable String queryParameter;
  private final List<Token> tokens;

  private TokenSignatureScheme(Builder b) {
    this.header = b.header;
    this.headerKey = header == null ? null : header.toLowerCase(Locale.ROOT);
    this.bearer = b.bearer;
    this.queryParameter = b.queryParameter;
    List<Token> t = new ArrayList<>();
    for (Secret secret : b.secrets) {
      t.add(new Token(secret.label(), Macs.sha256(secret.reveal())));
    }
    this.tokens = List.copyOf(t);
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public boolean coversBody() {
    return false;
  }

  @Override
  public SignatureVerdict verify(WebhookRequest request) {
    String token = null;
    if (headerKey != null) {
      token = request.header(headerKey).map(String::trim).orElse(null);
      if (token != null
          && bearer
          && token.regionMatches(true, 0, "Bearer ", 0, 7)
          && token.length() > 7) {
        token = token.substring(7).trim();
      }
    }
    if (token == null && queryParameter != null) {
      token = request.queryParameter(queryParameter).orElse(null);
    }
    if (token == null || token.isEmpty()) {
      return SignatureVerdict.failed(
          Reason.SIGNATURE_MISSING, "The request has no " + where() + ".");
    }
    byte[] digest = Macs.sha256(token);
    for (Token t : tokens) {
      if (Macs.equal(digest, t.digest())) {
        return new SignatureVerdict.Verified(t.label(), null, null);
      }
    }
    return SignatureVerdict.failed(
        Reason.SIGNATURE_INVALID, "The " + where() + " matches no configured secret.");
  }

  private String where() {
    if (header != null && queryParameter != null) {
      return header + " header or " + queryParameter + " query parameter";
    }
    return header != null ? header + " header" : queryParameter + " query parameter";
  }

  @Override
  public Map<String, String> sign(SigningInput input, Secret secret) {
    if (header == null) {
      throw new IllegalArgumentException(
          "this token goes in the " + queryParameter + " query parameter, not a header");
    }
    return Map.of(header, (bearer ? "Bearer " : "") + secret.reveal());
  }

  @Override
  public String toString() {
    return "TokenSignatureScheme[" + where() + ", " + tokens.size() + " secret(s)]";
  }

  /** Builds the scheme. Not thread-safe. */
  public static final class Builder {
    private @Nullable String header;
    private boolean bearer;
    private @Nullable String queryParameter;
    private List<Secret> secrets = List.of();

    private Builder() {}

    /** The header carrying the token. */
    public Builder header(@Nullable String header) {
      this.header = header;
      return this;
    }

    /** Whether the header's value may be {@code Bearer <token>} (default false). */
    public Builder bearer(boolean bearer) {
      this.bearer = bearer;
      return this;
    }

    /** A query parameter carrying the token when the header is absent. */
    public Builder queryParameter(@Nullable String name) {
      this.queryParameter = name;
      return this;
    }

    /** The accepted tokens. */
    public Builder secrets(List<Secret> secrets) {
      this.secrets = List.copyOf(secrets);
      return this;
    }

    /** The scheme. */
    public TokenSignatureScheme build() {
      if (header == null && queryParameter == null) {
        throw new IllegalArgumentException("a token needs a header or a query parameter");
      }
      Objects.requireNonNull(secrets, "secrets");
      return new TokenSignatureScheme(this);
    }
  }
}
