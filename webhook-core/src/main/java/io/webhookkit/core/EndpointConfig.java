package io.webhookkit.core;

import io.webhookkit.core.internal.AddressSet;
import io.webhookkit.core.internal.ConfigValues;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import io.webhookkit.core.provider.Providers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One receiving endpoint's configuration: its name, provider, secrets and policies, validated when
 * built. Every adapter builds it the same way, from the same flat keys ({@link #from(String,
 * ConfigSource)}); programmatic users may use the {@link #builder(String)}.
 *
 * <p>A missing or invalid key fails with a {@link WebhookConfigurationException} that names the
 * endpoint and the key and never contains a secret. Immutable and thread-safe; {@link #toString()}
 * shows secret labels only.
 */
public final class EndpointConfig {
  /** Key: the provider preset name, or {@code hmac}. Required. */
  public static final String PROVIDER = "provider";

  /** Key: one or more secrets, comma-separated; any may match (rotation). */
  public static final String SECRETS = "secrets";

  /** Key: names of environment variables holding secrets, comma-separated. */
  public static final String SECRETS_ENV = "secrets-env";

  /** Key: accepted clock difference for signed timestamps, both directions. Default {@code 5m}. */
  public static final String TOLERANCE = "tolerance";

  /** Key: CIDR blocks allowed to call; empty means anyone. */
  public static final String ALLOWED_IPS = "allowed-ips";

  /** Key: CIDR blocks whose forwarding headers are believed. */
  public static final String TRUSTED_PROXIES = "trusted-proxies";

  /** Key: refuse plain HTTP except from loopback. Default {@code true}. */
  public static final String REQUIRE_HTTPS = "require-https";

  /** Key: largest accepted body. Default {@code 1MB}. */
  public static final String MAX_BODY_SIZE = "max-body-size";

  /** Key: e.g. {@code 100/1s}; empty means off. */
  public static final String RATE_LIMIT = "rate-limit";

  /** Key: deduplicate by delivery id. Default {@code true}. */
  public static final String IDEMPOTENCY_ENABLED = "idempotency.enabled";

  /** Key: how long a completed delivery is remembered. Default {@code 7d}. */
  public static final String IDEMPOTENCY_RETENTION = "idempotency.retention";

  /** Key: how long an in-progress delivery holds its lock. Default {@code 60s}. */
  public static final String IDEMPOTENCY_LEASE = "idempotency.lease";

  /**
   * Keys read by providers: the generic {@code hmac} scheme's, {@code public-url} (URL-signing
   * providers), {@code verify-token} (Meta) and {@code allowed-origins} (CloudEvents). A provider
   * key the chosen provider does not read fails start-up.
   */
  public static final Set<String> PROVIDER_KEYS =
      Set.of(
          "signature.header",
          "signature.algorithm",
          "signature.encoding",
          "signature.prefix",
          "signature.payload",
          "timestamp.header",
          "id.header",
          "public-url",
          "verify-token",
          "allowed-origins");

  /** Every key an endpoint accepts. */
  public static final Set<String> KEYS;

  static {
    Set<String> keys =
        new TreeSet<>(
            List.of(
                PROVIDER,
                SECRETS,
                SECRETS_ENV,
                TOLERANCE,
                ALLOWED_IPS,
                TRUSTED_PROXIES,
                REQUIRE_HTTPS,
                MAX_BODY_SIZE,
                RATE_LIMIT,
                IDEMPOTENCY_ENABLED,
                IDEMPOTENCY_RETENTION,
                IDEMPOTENCY_LEASE));
    keys.addAll(PROVIDER_KEYS);
    KEYS = java.util.Collections.unmodifiableSet(keys);
  }

  /** Default {@code tolerance}. */
  public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

  /** Default {@code max-body-size}: 1MB. */
  public static final long DEFAULT_MAX_BODY_SIZE = 1L << 20;

  /** Default {@code idempotency.retention}. */
  public static final Duration DEFAULT_RETENTION = Duration.ofDays(7);

  /** Default {@code idempotency.lease}. */
  public static final Duration DEFAULT_LEASE = Duration.ofSeconds(60);

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  /**
   * A rate limit.
   *
   * @param permits requests allowed
   * @param period per this period
   */
  public record RateLimit(long permits, Duration period) {
    @Override
    public String toString() {
      return permits + "/" + period;
    }
  }

  private final String name;
  private final Provider provider;
  private final List<Secret> secrets;
  private final Duration tolerance;
  private final AddressSet allowedIps;
  private final AddressSet trustedProxies;
  private final boolean requireHttps;
  private final long maxBodySize;
  private final @Nullable RateLimit rateLimit;
  private final boolean idempotencyEnabled;
  private final Duration idempotencyRetention;
  private final Duration idempotencyLease;
  private final ProviderRules rules;

  private EndpointConfig(
      Builder b, Provider provider, AddressSet allowed, AddressSet trusted, ProviderRules rules) {
    this.name = b.name;
    this.provider = provider;
    this.secrets = List.copyOf(b.secrets);
    this.tolerance = b.tolerance;
    this.allowedIps = allowed;
    this.trustedProxies = trusted;
    this.requireHttps = b.requireHttps;
    this.maxBodySize = b.maxBodySize;
    this.rateLimit = b.rateLimit;
    this.idempotencyEnabled = b.idempotencyEnabled;
    this.idempotencyRetention = b.idempotencyRetention;
    this.idempotencyLease = b.idempotencyLease;
    this.rules = rules;
  }

  /** A builder for an endpoint with this name (letters, digits, {@code . _ -}). */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** Reads an endpoint's keys from a source; {@code secrets-env} reads the process environment. */
  public static EndpointConfig from(String name, ConfigSource source) {
    return from(name, source, System::getenv);
  }

  /**
   * Reads an endpoint's keys from a source.
   *
   * @param name the endpoint name
   * @param source the keys
   * @param environment looks up environment variables for {@code secrets-env}
   * @throws WebhookConfigurationException naming the endpoint and the first bad key
   */
  public static EndpointConfig from(
      String name, ConfigSource source, Function<String, @Nullable String> environment) {
    return builder(name, source, environment).build();
  }

  /**
   * A builder holding an endpoint's keys, for adapters that let applications adjust what keys
   * cannot express before {@link Builder#build()} validates it all.
   *
   * @throws WebhookConfigurationException naming the endpoint and the first key that does not parse
   */
  public static Builder builder(
      String name, ConfigSource source, Function<String, @Nullable String> environment) {
    Builder b = builder(name);
    for (String key : source.keys()) {
      if (!KEYS.contains(key)) {
        throw new WebhookConfigurationException(
            name,
            key,
            "is not a webhook endpoint key (known keys: " + String.join(", ", KEYS) + ")");
      }
    }
    String provider = value(source, PROVIDER);
    if (provider != null) {
      b.provider(provider);
    }
    String secrets = source.get(SECRETS);
    if (secrets != null) {
      List<String> values = new ArrayList<>();
      for (String part : secrets.split(",", -1)) {
        String p = part.trim();
        if (p.isEmpty()) {
          if (!secrets.isBlank()) {
            throw new WebhookConfigurationException(
                name, SECRETS, "has an empty entry between commas");
          }
        } else {
          values.add(p);
        }
      }
      b.secrets(values.toArray(String[]::new));
    }
    String env = value(source, SECRETS_ENV);
    if (env != null) {
      for (String variable : ConfigValues.list(env)) {
        String secret = environment.apply(variable);
        if (secret == null || secret.isBlank()) {
          throw new WebhookConfigurationException(
              name, SECRETS_ENV, "environment variable " + variable + " is not set or empty");
        }
        b.secret(Secret.of("env:" + variable, secret.trim()));
      }
    }
    parse(source, name, TOLERANCE, v -> b.tolerance(ConfigValues.duration(v)));
    parse(source, name, ALLOWED_IPS, v -> b.allowedIps(ConfigValues.list(v)));
    parse(source, name, TRUSTED_PROXIES, v -> b.trustedProxies(ConfigValues.list(v)));
    parse(source, name, REQUIRE_HTTPS, v -> b.requireHttps(ConfigValues.bool(v)));
    parse(source, name, MAX_BODY_SIZE, v -> b.maxBodySize(ConfigValues.size(v)));
    parse(
        source,
        name,
        RATE_LIMIT,
        v -> {
          ConfigValues.Rate rate = ConfigValues.rate(v);
          b.rateLimit(rate.permits(), rate.period());
        });
    parse(source, name, IDEMPOTENCY_ENABLED, v -> b.idempotencyEnabled(ConfigValues.bool(v)));
    parse(
        source, name, IDEMPOTENCY_RETENTION, v -> b.idempotencyRetention(ConfigValues.duration(v)));
    parse(source, name, IDEMPOTENCY_LEASE, v -> b.idempotencyLease(ConfigValues.duration(v)));
    for (String key : PROVIDER_KEYS) {
      String v = source.get(key);
      if (v != null) {
        b.providerKey(key, v);
      }
    }
    return b;
  }

  private static @Nullable String value(ConfigSource source, String key) {
    String v = source.get(key);
    return v == null || v.isBlank() ? null : v.trim();
  }

  private interface Setter {
    void set(String value);
  }

  private static void parse(ConfigSource source, String name, String key, Setter setter) {
    String v = value(source, key);
    if (v == null) {
      return;
    }
    try {
      setter.set(v);
    } catch (IllegalArgumentException e) {
      throw new WebhookConfigurationException(name, key, e.getMessage());
    }
  }

  /** The endpoint name. */
  public String name() {
    return name;
  }

  /** The provider preset. */
  public Provider provider() {
    return provider;
  }

  /** The provider's rules for this endpoint. */
  public ProviderRules rules() {
    return rules;
  }

  /** The secrets, in order; show only their labels. */
  public List<Secret> secrets() {
    return secrets;
  }

  /** The labels of the secrets, safe to show. */
  public List<String> secretLabels() {
    return secrets.stream().map(Secret::label).toList();
  }

  /** Accepted clock difference for signed timestamps, in both directions. */
  public Duration tolerance() {
    return tolerance;
  }

  /** Allowed client blocks (normalized); empty means anyone. */
  public List<String> allowedIps() {
    return allowedIps.describe();
  }

  /** Trusted proxy blocks (normalized). */
  public List<String> trustedProxies() {
    return trustedProxies.describe();
  }

  AddressSet allowedIpSet() {
    return allowedIps;
  }

  AddressSet trustedProxySet() {
    return trustedProxies;
  }

  /** Whether plain HTTP is refused (except from loopback). */
  public boolean requireHttps() {
    return requireHttps;
  }

  /** The largest accepted body in bytes. */
  public long maxBodySize() {
    return maxBodySize;
  }

  /** The rate limit, if any. */
  public Optional<RateLimit> rateLimit() {
    return Optional.ofNullable(rateLimit);
  }

  /** Whether deliveries are deduplicated by id. */
  public boolean idempotencyEnabled() {
    return idempotencyEnabled;
  }

  /** How long a completed delivery is remembered. */
  public Duration idempotencyRetention() {
    return idempotencyRetention;
  }

  /** How long an in-progress delivery holds its lock. */
  public Duration idempotencyLease() {
    return idempotencyLease;
  }

  /**
   * The settings safe to show (management endpoints): provider, the secrets' labels (never their
   * values), tolerance, address blocks, HTTPS, size and rate limits, idempotency.
   */
  public java.util.Map<String, Object> summary() {
    java.util.Map<String, Object> e = new java.util.LinkedHashMap<>();
    e.put("provider", provider.name());
    e.put("secrets", secretLabels());
    e.put("tolerance", tolerance.toString());
    e.put("allowedIps", allowedIps());
    e.put("trustedProxies", trustedProxies());
    e.put("requireHttps", requireHttps);
    e.put("maxBodySize", maxBodySize);
    e.put("rateLimit", rateLimit().map(Object::toString).orElse("off"));
    e.put("idempotency", idempotencyEnabled);
    return e;
  }

  @Override
  public String toString() {
    return "EndpointConfig["
        + name
        + ", provider="
        + provider.name()
        + ", secrets="
        + secretLabels()
        + ", tolerance="
        + tolerance
        + ", allowed-ips="
        + allowedIps()
        + ", trusted-proxies="
        + trustedProxies()
        + ", require-https="
        + requireHttps
        + ", max-body-size="
        + maxBodySize
        + ", rate-limit="
        + (rateLimit == null ? "off" : rateLimit)
        + ", idempotency="
        + (idempotencyEnabled ? idempotencyRetention + "/" + idempotencyLease : "off")
        + "]";
  }

  /** Builds an endpoint configuration; validates in {@link #build()}. Not thread-safe. */
  public static final class Builder {
    private final String name;
    private @Nullable String providerName;
    private @Nullable Provider provider;
    private final List<Secret> secrets = new ArrayList<>();
    private Duration tolerance = DEFAULT_TOLERANCE;
    private List<String> allowedIps = List.of();
    private List<String> trustedProxies = List.of();
    private boolean requireHttps = true;
    private long maxBodySize = DEFAULT_MAX_BODY_SIZE;
    private @Nullable RateLimit rateLimit;
    private boolean idempotencyEnabled = true;
    private Duration idempotencyRetention = DEFAULT_RETENTION;
    private Duration idempotencyLease = DEFAULT_LEASE;
    private final Map<String, String> providerKeys = new LinkedHashMap<>();

    private Builder(String name) {
      this.name = Objects.requireNonNull(name, "name");
    }

    /** The provider preset by name. */
    public Builder provider(String providerName) {
      this.providerName = providerName;
      this.provider = null;
      return this;
    }

    /** A provider instance (not necessarily registered). */
    public Builder provider(Provider provider) {
      this.provider = provider;
      this.providerName = provider.name();
      return this;
    }

    /** Adds secrets labelled {@code secrets[i]} by position. */
    public Builder secrets(String... values) {
      for (String value : values) {
        secrets.add(Secret.of("secrets[" + secrets.size() + "]", value));
      }
      return this;
    }

    /** Adds one labelled secret. */
    public Builder secret(Secret secret) {
      secrets.add(secret);
      return this;
    }

    /** The accepted clock difference. */
    public Builder tolerance(Duration tolerance) {
      this.tolerance = tolerance;
      return this;
    }

    /** Allowed client blocks. */
    public Builder allowedIps(List<String> blocks) {
      this.allowedIps = List.copyOf(blocks);
      return this;
    }

    /** Trusted proxy blocks. */
    public Builder trustedProxies(List<String> blocks) {
      this.trustedProxies = List.copyOf(blocks);
      return this;
    }

    /** Whether plain HTTP is refused except from loopback. */
    public Builder requireHttps(boolean requireHttps) {
      this.requireHttps = requireHttps;
      return this;
    }

    /** The largest accepted body in bytes. */
    public Builder maxBodySize(long bytes) {
      this.maxBodySize = bytes;
      return this;
    }

    /** A rate limit of so many requests per period. */
    public Builder rateLimit(long permits, Duration period) {
      this.rateLimit = new RateLimit(permits, period);
      return this;
    }

    /** Whether to deduplicate by delivery id. */
    public Builder idempotencyEnabled(boolean enabled) {
      this.idempotencyEnabled = enabled;
      return this;
    }

    /** How long a completed delivery is remembered. */
    public Builder idempotencyRetention(Duration retention) {
      this.idempotencyRetention = retention;
      return this;
    }

    /** How long an in-progress delivery holds its lock. */
    public Builder idempotencyLease(Duration lease) {
      this.idempotencyLease = lease;
      return this;
    }

    /** A provider-specific key ({@code signature.header}, …). */
    public Builder providerKey(String key, String value) {
      if (!PROVIDER_KEYS.contains(key)) {
        throw new WebhookConfigurationException(
            name, key, "is not a provider key (known: " + new TreeSet<>(PROVIDER_KEYS) + ")");
      }
      providerKeys.put(key, value);
      return this;
    }

    /**
     * The validated configuration.
     *
     * @throws WebhookConfigurationException naming the endpoint and the first bad key
     */
    public EndpointConfig build() {
      if (!NAME.matcher(name).matches()) {
        throw new WebhookConfigurationException(
            name, "endpoint", "the name must be 1 to 64 letters, digits, '.', '_' or '-'");
      }
      Provider p = provider;
      if (p == null) {
        if (providerName == null || providerName.isBlank()) {
          throw new WebhookConfigurationException(
              name, PROVIDER, "is required (one of " + String.join(", ", Providers.names()) + ")");
        }
        p =
            Providers.lookup(providerName)
                .orElseThrow(
                    () ->
                        new WebhookConfigurationException(
                            name,
                            PROVIDER,
                            "'"
                                + providerName
                                + "' is not a known provider (known: "
                                + String.join(", ", Providers.names())
                                + ")"));
      }
      if (secrets.isEmpty()) {
        throw new WebhookConfigurationException(
            name, SECRETS, "is required: give secrets or secrets-env");
      }
      Set<String> labels = new LinkedHashSet<>();
      for (Secret s : secrets) {
        if (s.reveal().isBlank()) {
          throw new WebhookConfigurationException(name, SECRETS, s.label() + " is empty");
        }
        if (!labels.add(s.label())) {
          throw new WebhookConfigurationException(
              name, SECRETS, "two secrets share the label " + s.label());
        }
      }
      if (tolerance.isNegative() || tolerance.isZero()) {
        throw new WebhookConfigurationException(name, TOLERANCE, "must be positive");
      }
      if (maxBodySize <= 0 || maxBodySize > ConfigValues.MAX_BODY_SIZE) {
        throw new WebhookConfigurationException(
            name,
            MAX_BODY_SIZE,
            "must be between 1 byte and " + ConfigValues.MAX_BODY_SIZE + " bytes");
      }
      if (rateLimit != null
          && (rateLimit.permits() <= 0
              || rateLimit.period().isNegative()
              || rateLimit.period().isZero())) {
        throw new WebhookConfigurationException(
            name, RATE_LIMIT, "must allow at least 1 per positive period");
      }
      if (idempotencyRetention.isNegative() || idempotencyRetention.isZero()) {
        throw new WebhookConfigurationException(name, IDEMPOTENCY_RETENTION, "must be positive");
      }
      if (idempotencyLease.isNegative() || idempotencyLease.isZero()) {
        throw new WebhookConfigurationException(name, IDEMPOTENCY_LEASE, "must be positive");
      }
      AddressSet allowed = addresses(ALLOWED_IPS, allowedIps);
      AddressSet trusted = addresses(TRUSTED_PROXIES, trustedProxies);
      ProviderSettings settings = new ProviderSettings(name, secrets, providerKeys);
      ProviderRules rules;
      try {
        rules = p.rules(settings);
      } catch (IllegalArgumentException e) {
        throw new WebhookConfigurationException(
            name,
            SECRETS,
            "provider '" + p.name() + "' cannot use these settings: " + e.getMessage());
      }
      for (String unread : new TreeSet<>(settings.unread())) {
        throw new WebhookConfigurationException(
            name, unread, "is not used by provider '" + p.name() + "'");
      }
      if (idempotencyEnabled && !rules.hasDeliveryId()) {
        throw new WebhookConfigurationException(
            name,
            IDEMPOTENCY_ENABLED,
            "provider '"
                + p.name()
                + "' has no delivery id here"
                + (p.name().equals("hmac") ? ": set id.header," : ";")
                + " or set idempotency.enabled=false");
      }
      return new EndpointConfig(this, p, allowed, trusted, rules);
    }

    private AddressSet addresses(String key, List<String> blocks) {
      try {
        return AddressSet.parse(blocks);
      } catch (IllegalArgumentException e) {
        throw new WebhookConfigurationException(name, key, e.getMessage());
      }
    }
  }
}
