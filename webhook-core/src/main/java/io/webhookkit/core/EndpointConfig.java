package io.webhookkit.core;

import io.webhookkit.core.inbox.RetryPolicy;
import io.webhookkit.core.internal.AddressSet;
import io.webhookkit.core.internal.ConfigValues;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import io.webhookkit.core.provider.Providers;
import io.webhookkit.core.provider.RemoteKeys;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
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

  /** The key for where the handler runs: {@code sync}, {@code deferred}, {@code auto}. */
  public static final String PROCESSING = "processing";

  /** The key for how long {@code auto} keeps the provider waiting. */
  public static final String DEADLINE = "deadline";

  private static final Pattern FORWARD_TOPIC_NAME = Pattern.compile("[A-Za-z0-9._-]{1,249}");

  /** The key {@code path}: the request path the framework adapters serve the endpoint at. */
  public static final String PATH = "path";

  /** The key for running the handler inside the completion transaction (JDBC). */
  public static final String TRANSACTIONAL = "transactional";

  /** The key for the retry schedule of deferred deliveries. */
  public static final String RETRY_SCHEDULE = "retry.schedule";

  /** The key for the first delay of a computed retry schedule. */
  public static final String RETRY_INITIAL = "retry.initial";

  /** The key for the cap on one retry delay. */
  public static final String RETRY_MAX_DELAY = "retry.max-delay";

  /** The key for the number of attempts before a delivery is dead. */
  public static final String RETRY_MAX_ATTEMPTS = "retry.max-attempts";

  /** The key for the age after which a delivery is dead. */
  public static final String RETRY_MAX_AGE = "retry.max-age";

  /** The key for the topic {@code processing=forward} publishes to. */
  public static final String FORWARD_TOPIC = "forward.topic";

  /** The key for how long {@code processing=forward} waits for the broker's acknowledgement. */
  public static final String FORWARD_TIMEOUT = "forward.timeout";

  /**
   * The prefix of the Kafka producer settings of {@code processing=forward}: {@code
   * forward.kafka.bootstrap.servers} is the producer's {@code bootstrap.servers}.
   */
  public static final String FORWARD_KAFKA_PREFIX = "forward.kafka.";

  /** The default of {@code forward.timeout}: below every provider's own timeout. */
  public static final Duration DEFAULT_FORWARD_TIMEOUT = Duration.ofSeconds(5);

  /**
   * Every core key, sorted; the keys a preset reads beside these are its own ({@link
   * Provider#keys()}). The table with defaults and descriptions is {@link EndpointKeys#all()}.
   */
  public static final Set<String> KEYS = coreKeyNames();

  private static Set<String> coreKeyNames() {
    Set<String> names = new TreeSet<>();
    EndpointKeys.all().forEach(k -> names.add(k.name()));
    return Collections.unmodifiableSet(names);
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
  private final Processing processing;
  private final @Nullable Duration deadline;
  private final @Nullable String path;
  private final boolean transactional;
  private final RetryPolicy retryPolicy;
  private final @Nullable String forwardTopic;
  private final Duration forwardTimeout;
  private final Map<String, String> forwardSettings;
  private final ProviderRules rules;

  private EndpointConfig(Builder b, Provider provider, ProviderRules rules) {
    this.name = b.name;
    this.provider = provider;
    this.secrets = List.copyOf(b.secrets);
    this.tolerance = b.tolerance;
    this.allowedIps = b.allowedIps;
    this.trustedProxies = b.trustedProxies;
    this.requireHttps = b.requireHttps;
    this.maxBodySize = b.maxBodySize;
    this.rateLimit = b.rateLimit;
    this.idempotencyEnabled = b.idempotencyEnabled;
    this.idempotencyRetention = b.idempotencyRetention;
    this.idempotencyLease = b.idempotencyLease;
    this.processing = b.processing;
    this.deadline = b.deadline;
    this.path = b.path;
    this.transactional = b.transactional;
    this.retryPolicy = b.retryPolicy;
    this.forwardTopic = b.forwardTopic;
    this.forwardTimeout = Objects.requireNonNullElse(b.forwardTimeout, DEFAULT_FORWARD_TIMEOUT);
    this.forwardSettings = Collections.unmodifiableMap(new TreeMap<>(b.forwardSettings));
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
    return EndpointKeys.read(name, source, environment).build();
  }

  /**
   * A builder holding an endpoint's keys, for adapters that let applications adjust what keys
   * cannot express before {@link Builder#build()} validates it all. Same as {@link
   * EndpointKeys#read}.
   *
   * @throws WebhookConfigurationException naming the endpoint and the first key that does not parse
   */
  public static Builder builder(
      String name, ConfigSource source, Function<String, @Nullable String> environment) {
    return EndpointKeys.read(name, source, environment);
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
   * The request path the framework adapters serve this endpoint at themselves when no controller
   * maps it ({@code path}, e.g. {@code /webhooks/github}); empty when the application maps it.
   */
  public Optional<String> path() {
    return Optional.ofNullable(path);
  }

  /** Where the handler runs ({@code processing}). */
  public Processing processing() {
    return processing;
  }

  /**
   * How long {@code auto} keeps the provider waiting for the handler ({@code deadline}): the
   * configured value, else the preset's ({@link Provider#deadline()}).
   */
  public Duration deadline() {
    Duration d = deadline;
    return d != null ? d : provider.deadline();
  }

  /** The 2xx status a deferred delivery is acknowledged with: the preset's. */
  public int ackStatus() {
    return provider.ackStatus();
  }

  /** Whether the handler runs inside the completion transaction ({@code transactional}). */
  public boolean transactional() {
    return transactional;
  }

  /** The retry schedule of deferred deliveries ({@code retry.*}). */
  public RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  /**
   * The topic {@code processing=forward} publishes to: {@code forward.topic}, else {@code
   * webhooks.<endpoint>}.
   */
  public String forwardTopic() {
    String t = forwardTopic;
    return t != null ? t : "webhooks." + name;
  }

  /** How long {@code processing=forward} waits for the broker ({@code forward.timeout}). */
  public Duration forwardTimeout() {
    return forwardTimeout;
  }

  /**
   * The producer settings of {@code processing=forward}: the {@code forward.kafka.*} keys without
   * their prefix ({@code bootstrap.servers}, {@code security.protocol}, …), sorted. They may hold
   * credentials ({@code sasl.jaas.config}): never log them.
   */
  public Map<String, String> forwardSettings() {
    return forwardSettings;
  }

  /**
   * The settings safe to show (management endpoints), by key: provider, the secrets' labels (never
   * their values), tolerance, address blocks, HTTPS, size and rate limits, idempotency.
   */
  public Map<String, Object> summary() {
    Map<String, Object> shown = new LinkedHashMap<>();
    for (EndpointKey key : EndpointKeys.all()) {
      Object value = key.shown(this);
      if (value != null) {
        shown.put(key.name(), value);
      }
    }
    return shown;
  }

  @Override
  public String toString() {
    return "EndpointConfig["
        + name
        + summary().entrySet().stream()
            .map(e -> ", " + e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining())
        + "]";
  }

  /**
   * Builds an endpoint configuration. Each setter checks its own argument and throws a {@link
   * WebhookConfigurationException} naming the endpoint and the key; {@link #build()} checks what
   * spans keys. Not thread-safe.
   */
  public static final class Builder {
    private final String name;
    private @Nullable String providerName;
    private @Nullable Provider provider;
    private final List<Secret> secrets = new ArrayList<>();
    private Duration tolerance = DEFAULT_TOLERANCE;
    private AddressSet allowedIps = AddressSet.empty();
    private AddressSet trustedProxies = AddressSet.empty();
    private boolean requireHttps = true;
    private long maxBodySize = DEFAULT_MAX_BODY_SIZE;
    private @Nullable RateLimit rateLimit;
    private boolean idempotencyEnabled = true;
    private Duration idempotencyRetention = DEFAULT_RETENTION;
    private Duration idempotencyLease = DEFAULT_LEASE;
    private Processing processing = Processing.SYNC;
    private @Nullable Duration deadline;
    private @Nullable String path;
    private boolean transactional;
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private @Nullable String forwardTopic;
    private @Nullable Duration forwardTimeout;
    private final Map<String, String> forwardSettings = new TreeMap<>();
    private final Map<String, String> providerKeys = new TreeMap<>();
    private RemoteKeys remoteKeys = RemoteKeys.defaults();

    private Builder(String name) {
      this.name = Objects.requireNonNull(name, "name");
    }

    /** The endpoint name this builder was made for. */
    public String name() {
      return name;
    }

    /**
     * The provider preset by name ({@code provider}); it is looked up in {@link #build()}.
     *
     * @param providerName a registered preset's name, case-insensitive
     */
    public Builder provider(String providerName) {
      this.providerName = Objects.requireNonNull(providerName, "providerName");
      this.provider = null;
      return this;
    }

    /** A provider instance, registered or not ({@code provider}). */
    public Builder provider(Provider provider) {
      this.provider = provider;
      this.providerName = provider.name();
      return this;
    }

    /**
     * Adds secrets labelled {@code secrets[i]} by position ({@code secrets}); any may match.
     *
     * @throws WebhookConfigurationException when one is blank
     */
    public Builder secrets(String... values) {
      for (String value : values) {
        secret(Secret.of("secrets[" + secrets.size() + "]", value));
      }
      return this;
    }

    /**
     * Adds one labelled secret.
     *
     * @throws WebhookConfigurationException when it is blank or its label is taken
     */
    public Builder secret(Secret secret) {
      if (secret.reveal().isBlank()) {
        throw new WebhookConfigurationException(name, SECRETS, secret.label() + " is empty");
      }
      for (Secret s : secrets) {
        if (s.label().equals(secret.label())) {
          throw new WebhookConfigurationException(
              name, SECRETS, "two secrets share the label " + secret.label());
        }
      }
      secrets.add(secret);
      return this;
    }

    /**
     * The accepted clock difference for signed timestamps, in both directions ({@code tolerance}).
     * Default 5 minutes.
     *
     * @throws WebhookConfigurationException unless positive
     */
    public Builder tolerance(Duration tolerance) {
      this.tolerance = positive(TOLERANCE, tolerance);
      return this;
    }

    /**
     * The CIDR blocks allowed to call ({@code allowed-ips}); empty, the default, allows any.
     *
     * @throws WebhookConfigurationException for a host name or a malformed block
     */
    public Builder allowedIps(List<String> blocks) {
      this.allowedIps = addresses(ALLOWED_IPS, blocks);
      return this;
    }

    /**
     * The CIDR blocks whose forwarding headers are believed ({@code trusted-proxies}). Default
     * none.
     *
     * @throws WebhookConfigurationException for a host name or a malformed block
     */
    public Builder trustedProxies(List<String> blocks) {
      this.trustedProxies = addresses(TRUSTED_PROXIES, blocks);
      return this;
    }

    /** Whether plain HTTP is refused except from loopback ({@code require-https}). Default on. */
    public Builder requireHttps(boolean requireHttps) {
      this.requireHttps = requireHttps;
      return this;
    }

    /**
     * The largest accepted body in bytes ({@code max-body-size}). Default 1 MiB.
     *
     * @throws WebhookConfigurationException unless between 1 byte and about 2 GiB
     */
    public Builder maxBodySize(long bytes) {
      if (bytes <= 0 || bytes > ConfigValues.MAX_BODY_SIZE) {
        throw new WebhookConfigurationException(
            name,
            MAX_BODY_SIZE,
            "must be between 1 byte and " + ConfigValues.MAX_BODY_SIZE + " bytes");
      }
      this.maxBodySize = bytes;
      return this;
    }

    /**
     * A rate limit of so many requests per period for the endpoint ({@code rate-limit}). Default
     * none.
     *
     * @throws WebhookConfigurationException unless at least 1 per positive period
     */
    public Builder rateLimit(long permits, Duration period) {
      if (permits <= 0 || period.isNegative() || period.isZero()) {
        throw new WebhookConfigurationException(
            name, RATE_LIMIT, "must allow at least 1 per positive period");
      }
      this.rateLimit = new RateLimit(permits, period);
      return this;
    }

    /** Whether to deduplicate by delivery id ({@code idempotency.enabled}). Default on. */
    public Builder idempotencyEnabled(boolean enabled) {
      this.idempotencyEnabled = enabled;
      return this;
    }

    /**
     * How long a completed delivery is remembered ({@code idempotency.retention}). Default 7 days.
     *
     * @throws WebhookConfigurationException unless positive
     */
    public Builder idempotencyRetention(Duration retention) {
      this.idempotencyRetention = positive(IDEMPOTENCY_RETENTION, retention);
      return this;
    }

    /**
     * How long an in-progress delivery holds its claim ({@code idempotency.lease}). Default 60 s.
     *
     * @throws WebhookConfigurationException unless positive
     */
    public Builder idempotencyLease(Duration lease) {
      this.idempotencyLease = positive(IDEMPOTENCY_LEASE, lease);
      return this;
    }

    /**
     * The path the framework adapters serve the endpoint at ({@code path}): starts with {@code /},
     * no query, no wildcard. Default: none (the application maps it).
     */
    public Builder path(String path) {
      String p = Objects.requireNonNull(path, "path").trim();
      if (p.isEmpty()) {
        this.path = null;
        return this;
      }
      if (!p.startsWith("/") || p.contains("?") || p.contains("*") || p.contains("{")) {
        throw new WebhookConfigurationException(
            name, PATH, "must be a path starting with / without query, * or {variables}");
      }
      this.path = p;
      return this;
    }

    /** Where the handler runs ({@code processing}). Default {@link Processing#SYNC}. */
    public Builder processing(Processing processing) {
      this.processing = Objects.requireNonNull(processing, "processing");
      return this;
    }

    /**
     * How long {@code auto} keeps the provider waiting ({@code deadline}). Default: the preset's.
     *
     * @throws WebhookConfigurationException unless positive
     */
    public Builder deadline(Duration deadline) {
      this.deadline = positive(DEADLINE, deadline);
      return this;
    }

    /**
     * The topic of {@code processing=forward} ({@code forward.topic}). Default {@code
     * webhooks.<endpoint>}.
     *
     * @throws WebhookConfigurationException unless a legal Kafka topic name
     */
    public Builder forwardTopic(String topic) {
      if (!FORWARD_TOPIC_NAME.matcher(topic).matches() || topic.equals(".") || topic.equals("..")) {
        throw new WebhookConfigurationException(
            name, FORWARD_TOPIC, "must be 1 to 249 letters, digits, '.', '_' or '-'");
      }
      this.forwardTopic = topic;
      return this;
    }

    /**
     * How long {@code processing=forward} waits for the broker's acknowledgement ({@code
     * forward.timeout}). Default 5 s.
     *
     * @throws WebhookConfigurationException unless positive
     */
    public Builder forwardTimeout(Duration timeout) {
      this.forwardTimeout = positive(FORWARD_TIMEOUT, timeout);
      return this;
    }

    /**
     * One producer setting of {@code processing=forward} ({@code forward.kafka.<setting>}), e.g.
     * {@code bootstrap.servers}.
     */
    public Builder forwardSetting(String setting, String value) {
      if (setting.isBlank()) {
        throw new WebhookConfigurationException(name, FORWARD_KAFKA_PREFIX, "names no setting");
      }
      forwardSettings.put(setting, Objects.requireNonNull(value, "value"));
      return this;
    }

    /** Whether the handler runs inside the completion transaction ({@code transactional}). */
    public Builder transactional(boolean transactional) {
      this.transactional = transactional;
      return this;
    }

    /**
     * The retry schedule ({@code retry.schedule}): {@code exponential}, {@code fixed}, {@code
     * fibonacci} or a list of delays. Default {@value RetryPolicy#DEFAULT_SCHEDULE}.
     *
     * @throws WebhookConfigurationException when it does not parse
     */
    public Builder retrySchedule(String schedule) {
      return retry(RETRY_SCHEDULE, () -> retryPolicy.withSchedule(schedule));
    }

    /** The first delay of a computed schedule ({@code retry.initial}). Default 1 minute. */
    public Builder retryInitial(Duration initial) {
      return retry(RETRY_INITIAL, () -> retryPolicy.withInitial(initial));
    }

    /** The cap on one delay ({@code retry.max-delay}). Default 10 hours. */
    public Builder retryMaxDelay(Duration maxDelay) {
      return retry(RETRY_MAX_DELAY, () -> retryPolicy.withMaxDelay(maxDelay));
    }

    /** Attempts in all before a delivery is dead ({@code retry.max-attempts}). Default 8. */
    public Builder retryMaxAttempts(int maxAttempts) {
      return retry(RETRY_MAX_ATTEMPTS, () -> retryPolicy.withMaxAttempts(maxAttempts));
    }

    /** The age after which a delivery is dead ({@code retry.max-age}). Default 3 days. */
    public Builder retryMaxAge(Duration maxAge) {
      return retry(RETRY_MAX_AGE, () -> retryPolicy.withMaxAge(maxAge));
    }

    /** The whole retry policy at once (e.g. with a fixed jitter source, for tests). */
    public Builder retryPolicy(RetryPolicy policy) {
      this.retryPolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    private Builder retry(String key, Supplier<RetryPolicy> change) {
      try {
        this.retryPolicy = change.get();
      } catch (IllegalArgumentException e) {
        throw new WebhookConfigurationException(
            name, key, Objects.requireNonNullElse(e.getMessage(), "is not valid"));
      }
      return this;
    }

    /**
     * A key the preset reads ({@link Provider#keys()}: {@code signature.header}, {@code
     * public-url}, …). Whether the preset declares it is checked in {@link #build()}.
     *
     * @throws WebhookConfigurationException for one of the core's keys, which have setters
     */
    public Builder providerKey(String key, String value) {
      if (EndpointKeys.isCoreKey(key)) {
        throw new WebhookConfigurationException(
            name, key, "is a core key, not a provider key: use its setter");
      }
      providerKeys.put(key, value);
      return this;
    }

    /**
     * How presets whose keys are fetched at run time reach their providers' key hosts (a client
     * with the application's proxy, a time-out; for tests, a local HTTPS server). In code only: no
     * configuration key sets it.
     */
    public Builder remoteKeys(RemoteKeys remoteKeys) {
      this.remoteKeys = Objects.requireNonNull(remoteKeys, "remoteKeys");
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
      Provider p = resolveProvider();
      if (p.usesSecrets() && secrets.isEmpty()) {
        throw new WebhookConfigurationException(
            name, SECRETS, "is required: give secrets or secrets-env");
      }
      if (!p.usesSecrets() && !secrets.isEmpty()) {
        throw new WebhookConfigurationException(
            name,
            SECRETS,
            "is not used by provider '"
                + p.name()
                + "': it verifies with keys fetched from the provider");
      }
      Set<String> declared = new HashSet<>();
      p.keys().forEach(k -> declared.add(k.name()));
      for (String key : providerKeys.keySet()) {
        if (!declared.contains(key)) {
          throw EndpointKeys.unknownKey(name, key, p);
        }
      }
      ProviderSettings settings =
          new ProviderSettings(name, secrets, providerKeys, p, remoteKeys, tolerance);
      ProviderRules rules;
      try {
        rules = p.rules(settings);
      } catch (IllegalArgumentException e) {
        throw new WebhookConfigurationException(
            name,
            SECRETS,
            "provider '"
                + p.name()
                + "' cannot use these settings: "
                + Objects.requireNonNullElse(e.getMessage(), "is not valid"));
      }
      Optional<String> unread = settings.unread().stream().sorted().findFirst();
      if (unread.isPresent()) {
        throw new WebhookConfigurationException(
            name, unread.get(), "is not used by provider '" + p.name() + "'");
      }
      if (idempotencyEnabled && !rules.hasDeliveryId()) {
        throw new WebhookConfigurationException(
            name,
            IDEMPOTENCY_ENABLED,
            "provider '"
                + p.name()
                + "' has no delivery id here"
                + (declared.contains("id.header") ? ": set id.header," : ";")
                + " or set idempotency.enabled=false");
      }
      if (processing.usesInbox() && !idempotencyEnabled) {
        throw new WebhookConfigurationException(
            name,
            PROCESSING,
            processing.code()
                + " keeps each delivery in the inbox under its delivery id: it needs"
                + " idempotency.enabled=true");
      }
      if (transactional && !processing.usesInbox()) {
        throw new WebhookConfigurationException(
            name, TRANSACTIONAL, "applies to processing=deferred or auto only");
      }
      if (processing != Processing.FORWARD) {
        String forwardKey =
            forwardTopic != null
                ? FORWARD_TOPIC
                : forwardTimeout != null && !forwardTimeout.equals(DEFAULT_FORWARD_TIMEOUT)
                    ? FORWARD_TIMEOUT
                    : forwardSettings.isEmpty()
                        ? null
                        : FORWARD_KAFKA_PREFIX + forwardSettings.keySet().iterator().next();
        if (forwardKey != null) {
          throw new WebhookConfigurationException(
              name, forwardKey, "applies to processing=forward only");
        }
      }
      return new EndpointConfig(this, p, rules);
    }

    private Provider resolveProvider() {
      if (provider != null) {
        return provider;
      }
      String wanted = providerName;
      if (wanted == null || wanted.isBlank()) {
        throw new WebhookConfigurationException(
            name, PROVIDER, "is required (one of " + String.join(", ", Providers.names()) + ")");
      }
      return Providers.lookup(wanted)
          .orElseThrow(
              () ->
                  new WebhookConfigurationException(
                      name,
                      PROVIDER,
                      "'"
                          + wanted
                          + "' is not a known provider (known: "
                          + String.join(", ", Providers.names())
                          + ")"));
    }

    private Duration positive(String key, Duration value) {
      if (value.isNegative() || value.isZero()) {
        throw new WebhookConfigurationException(name, key, "must be positive");
      }
      return value;
    }

    private AddressSet addresses(String key, List<String> blocks) {
      try {
        return AddressSet.parse(blocks);
      } catch (IllegalArgumentException e) {
        throw new WebhookConfigurationException(
            name, key, Objects.requireNonNullElse(e.getMessage(), "is not valid"));
      }
    }
  }
}
