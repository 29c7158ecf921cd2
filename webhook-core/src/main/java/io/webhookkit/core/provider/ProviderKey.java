package io.webhookkit.core.provider;

import java.util.Objects;

/**
 * A configuration key that a preset reads beside the core's keys (the generic scheme's {@code
 * signature.header}, a URL-signing preset's {@code public-url}, Meta's {@code verify-token}, …). A
 * preset declares its keys in {@link Provider#keys()}; an endpoint that gives a key neither the
 * core nor its preset declares fails start-up naming the endpoint and the key.
 *
 * @param name the key, lower case with dots and dashes, e.g. {@code public-url}
 * @param description what it means, its default and its constraints, for the documentation
 */
public record ProviderKey(String name, String description) {
  /** {@code public-url}: the URL the provider calls, for presets whose scheme signs the URL. */
  public static final ProviderKey PUBLIC_URL =
      new ProviderKey(
          "public-url",
          "The absolute http(s) URL the provider calls, for schemes that sign the URL. Default:"
              + " rebuilt from each request (scheme, host, path and query as received).");

  /** {@code signature.header}: the header carrying a sender's shared token. */
  public static final ProviderKey TOKEN_HEADER =
      new ProviderKey(
          "signature.header",
          "The header carrying the sender's token, bare or after \"Bearer \". Default"
              + " Authorization.");

  /** A key with its description. */
  public ProviderKey {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    if (!name.matches("[a-z0-9]+([.-][a-z0-9]+)*")) {
      throw new IllegalArgumentException(
          "a provider key is lower case words joined by '.' or '-': " + name);
    }
  }
}
