package io.webhookkit.core.provider;

import io.webhookkit.core.Secret;
import io.webhookkit.core.WebhookConfigurationException;
import io.webhookkit.core.internal.ConfigValues;
import io.webhookkit.core.signature.TokenSignatureScheme;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a provider sees of an endpoint's configuration: its name, its secrets, and the keys meant
 * for the provider ({@code signature.*}, {@code timestamp.header}, {@code id.header}). The keys a
 * provider reads are recorded, so that a key given but not used by the chosen provider fails
 * start-up instead of being silently ignored. Not thread-safe; used at start-up only.
 */
public final class ProviderSettings {
  private static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);
  private final String endpoint;
  private final List<Secret> secrets;
  private final Map<String, String> keys;
  private final Set<String> read = new HashSet<>();
  private final @Nullable Set<String> declared;
  private final RemoteKeys remoteKeys;
  private final Duration tolerance;

  /**
   * Settings for one endpoint.
   *
   * @param endpoint the endpoint name, for error messages
   * @param secrets the endpoint's secrets
   * @param keys the provider-specific keys given
   */
  public ProviderSettings(String endpoint, List<Secret> secrets, Map<String, String> keys) {
    this.endpoint = endpoint;
    this.secrets = List.copyOf(secrets);
    this.keys = Map.copyOf(keys);
    this.declared = null;
    this.remoteKeys = RemoteKeys.defaults();
    this.tolerance = DEFAULT_TOLERANCE;
  }

  /**
   * Settings for one endpoint of a preset that may read only the keys it declares.
   *
   * @param endpoint the endpoint name, for error messages
   * @param secrets the endpoint's secrets
   * @param keys the provider-specific keys given
   * @param provider the preset; reading a key it does not declare in {@link Provider#keys()} is a
   *     bug in the preset and throws {@link IllegalStateException}
   */
  public ProviderSettings(
      String endpoint, List<Secret> secrets, Map<String, String> keys, Provider provider) {
    this(endpoint, secrets, keys, provider, RemoteKeys.defaults());
  }

  /**
   * Settings for one endpoint of a preset that may read only the keys it declares, whose keys are
   * fetched as these remote-key settings say.
   *
   * @param endpoint the endpoint name, for error messages
   * @param secrets the endpoint's secrets
   * @param keys the provider-specific keys given
   * @param provider the preset
   * @param remoteKeys how keys fetched at run time are reached
   */
  public ProviderSettings(
      String endpoint,
      List<Secret> secrets,
      Map<String, String> keys,
      Provider provider,
      RemoteKeys remoteKeys) {
    this(endpoint, secrets, keys, provider, remoteKeys, DEFAULT_TOLERANCE);
  }

  /**
   * Settings for one endpoint of a preset that may read only the keys it declares, whose keys are
   * fetched as these remote-key settings say, with the endpoint's clock tolerance.
   *
   * @param endpoint the endpoint name, for error messages
   * @param secrets the endpoint's secrets
   * @param keys the provider-specific keys given
   * @param provider the preset
   * @param remoteKeys how keys fetched at run time are reached
   * @param tolerance the endpoint's {@code tolerance}, for schemes that judge time themselves (a
   *     token's expiry)
   */
  public ProviderSettings(
      String endpoint,
      List<Secret> secrets,
      Map<String, String> keys,
      Provider provider,
      RemoteKeys remoteKeys,
      Duration tolerance) {
    this.tolerance = Objects.requireNonNull(tolerance, "tolerance");
    this.remoteKeys = Objects.requireNonNull(remoteKeys, "remoteKeys");
    this.endpoint = endpoint;
    this.secrets = List.copyOf(secrets);
    this.keys = Map.copyOf(keys);
    Set<String> names = new HashSet<>();
    provider.keys().forEach(k -> names.add(k.name()));
    this.declared = Set.copyOf(names);
  }

  /** The endpoint name. */
  public String endpoint() {
    return endpoint;
  }

  /**
   * The endpoint's {@code tolerance}: the clock difference a scheme that judges time itself (a
   * token's {@code exp}, {@code nbf} and {@code iat}) allows in both directions.
   */
  public Duration tolerance() {
    return tolerance;
  }

  /** How the preset reaches its provider's key hosts, for presets whose keys are fetched. */
  public RemoteKeys remoteKeys() {
    return remoteKeys;
  }

  /** A key that is a comma-separated list; empty when absent. */
  public List<String> list(String key) {
    String value = get(key);
    return value == null ? List.of() : List.copyOf(ConfigValues.list(value));
  }

  /** A boolean key ({@code true}/{@code false}), or its default; anything else fails start-up. */
  public boolean flag(String key, boolean defaultValue) {
    String value = get(key);
    if (value == null) {
      return defaultValue;
    }
    try {
      return ConfigValues.bool(value);
    } catch (IllegalArgumentException notABoolean) {
      throw invalid(key, "must be true or false");
    }
  }

  /** The endpoint's secrets, in configuration order. */
  public List<Secret> secrets() {
    return secrets;
  }

  /** A provider-specific key's value, or {@code null}. */
  public @Nullable String get(String key) {
    if (declared != null && !declared.contains(key)) {
      throw new IllegalStateException(
          "the preset reads the key '" + key + "' but does not declare it in Provider.keys()");
    }
    read.add(key);
    String value = keys.get(key);
    return value == null || value.isBlank() ? null : value.trim();
  }

  /** A provider-specific key's value, or its default. */
  public String get(String key, String defaultValue) {
    String value = get(key);
    return value == null ? defaultValue : value;
  }

  /** A required key's value; its absence fails start-up naming the endpoint and the key. */
  public String require(String key) {
    String value = get(key);
    if (value == null) {
      throw invalid(key, "is required by this provider");
    }
    return value;
  }

  /**
   * The {@link ProviderKey#PUBLIC_URL public-url} key: the absolute http(s) URL the provider calls,
   * for schemes that sign it; {@code null} when not set (then it is rebuilt from each request).
   */
  public @Nullable String publicUrl() {
    String value = get("public-url");
    if (value == null) {
      return null;
    }
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme();
      if ((scheme.equals("https") || scheme.equals("http"))
          && uri.getHost() != null
          && uri.getRawFragment() == null) {
        return value;
      }
    } catch (URISyntaxException malformed) {
      // reported below
    }
    throw invalid(
        "public-url",
        "must be the absolute http(s) URL the provider calls, e.g. https://example.com/hooks/twilio");
  }

  /**
   * A bearer token in the header named by {@link ProviderKey#TOKEN_HEADER signature.header}
   * (default {@code Authorization}), bare or after {@code Bearer }, else in a query parameter: the
   * scheme of the presets whose sender holds a shared token (Okta, Event Grid, CloudEvents).
   *
   * @param queryParameter the query parameter that may carry the token instead, or {@code null}
   */
  public TokenSignatureScheme bearerToken(@Nullable String queryParameter) {
    return TokenSignatureScheme.builder()
        .header(get("signature.header", "Authorization"))
        .bearer(true)
        .queryParameter(queryParameter)
        .secrets(secrets)
        .build();
  }

  /** An error naming this endpoint and the key; the message must not contain a secret. */
  public WebhookConfigurationException invalid(String key, String problem) {
    return new WebhookConfigurationException(endpoint, key, problem);
  }

  /** The keys given that the provider never read. */
  public Set<String> unread() {
    Set<String> out = new HashSet<>(keys.keySet());
    out.removeAll(read);
    return out;
  }
}
