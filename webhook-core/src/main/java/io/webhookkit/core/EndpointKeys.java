package io.webhookkit.core;

import static io.webhookkit.core.EndpointConfig.ALLOWED_IPS;
import static io.webhookkit.core.EndpointConfig.DEADLINE;
import static io.webhookkit.core.EndpointConfig.FORWARD_KAFKA_PREFIX;
import static io.webhookkit.core.EndpointConfig.FORWARD_TIMEOUT;
import static io.webhookkit.core.EndpointConfig.FORWARD_TOPIC;
import static io.webhookkit.core.EndpointConfig.IDEMPOTENCY_ENABLED;
import static io.webhookkit.core.EndpointConfig.IDEMPOTENCY_LEASE;
import static io.webhookkit.core.EndpointConfig.IDEMPOTENCY_RETENTION;
import static io.webhookkit.core.EndpointConfig.MAX_BODY_SIZE;
import static io.webhookkit.core.EndpointConfig.PATH;
import static io.webhookkit.core.EndpointConfig.PROCESSING;
import static io.webhookkit.core.EndpointConfig.PROVIDER;
import static io.webhookkit.core.EndpointConfig.RATE_LIMIT;
import static io.webhookkit.core.EndpointConfig.REQUIRE_HTTPS;
import static io.webhookkit.core.EndpointConfig.RETRY_INITIAL;
import static io.webhookkit.core.EndpointConfig.RETRY_MAX_AGE;
import static io.webhookkit.core.EndpointConfig.RETRY_MAX_ATTEMPTS;
import static io.webhookkit.core.EndpointConfig.RETRY_MAX_DELAY;
import static io.webhookkit.core.EndpointConfig.RETRY_SCHEDULE;
import static io.webhookkit.core.EndpointConfig.SECRETS;
import static io.webhookkit.core.EndpointConfig.SECRETS_ENV;
import static io.webhookkit.core.EndpointConfig.TOLERANCE;
import static io.webhookkit.core.EndpointConfig.TRANSACTIONAL;
import static io.webhookkit.core.EndpointConfig.TRUSTED_PROXIES;

import io.webhookkit.core.inbox.RetryPolicy;
import io.webhookkit.core.internal.ConfigValues;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderKey;
import io.webhookkit.core.provider.Providers;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The core's endpoint keys, one entry each, and the reading of an endpoint's flat keys into an
 * {@link EndpointConfig.Builder}. The keys a preset reads beside these are the preset's ({@link
 * Provider#keys()}).
 */
public final class EndpointKeys {
  private static final List<EndpointKey> ALL =
      List.of(
          new EndpointKey(
              PROVIDER,
              "",
              "The provider preset (see the providers table), or hmac for the generic scheme."
                  + " Required.",
              (b, v, env) -> b.provider(v),
              c -> c.provider().name()),
          new EndpointKey(
              SECRETS,
              "",
              "One or more secrets, comma-separated; any may match (rotation). This or"
                  + " secrets-env is required, except for presets that verify with keys fetched"
                  + " from the provider (aws-sns), which refuse both.",
              (b, v, env) -> b.secrets(secretList(b.name(), v).toArray(String[]::new)),
              EndpointConfig::secretLabels),
          new EndpointKey(
              SECRETS_ENV,
              "",
              "Names of environment variables holding secrets, comma-separated; each is labelled"
                  + " env:NAME.",
              EndpointKeys::readSecretsFromEnvironment,
              null),
          new EndpointKey(
              TOLERANCE,
              "5m",
              "Accepted clock difference for signed timestamps, in both directions.",
              (b, v, env) -> b.tolerance(ConfigValues.duration(v)),
              c -> c.tolerance().toString()),
          new EndpointKey(
              ALLOWED_IPS,
              "",
              "CIDR blocks allowed to call, comma-separated; empty allows any address.",
              (b, v, env) -> b.allowedIps(ConfigValues.list(v)),
              EndpointConfig::allowedIps),
          new EndpointKey(
              TRUSTED_PROXIES,
              "",
              "CIDR blocks whose Forwarded / X-Forwarded-* headers are believed, walked right to"
                  + " left.",
              (b, v, env) -> b.trustedProxies(ConfigValues.list(v)),
              EndpointConfig::trustedProxies),
          new EndpointKey(
              REQUIRE_HTTPS,
              "true",
              "Whether plain HTTP is refused (403 https_required), except from loopback.",
              (b, v, env) -> b.requireHttps(ConfigValues.bool(v)),
              EndpointConfig::requireHttps),
          new EndpointKey(
              MAX_BODY_SIZE,
              "1MB",
              "The largest accepted body; Content-Length is checked first and reading stops at"
                  + " the limit.",
              (b, v, env) -> b.maxBodySize(ConfigValues.size(v)),
              EndpointConfig::maxBodySize),
          new EndpointKey(
              RATE_LIMIT,
              "",
              "Requests allowed per period per endpoint, e.g. 100/1s; empty means no limit.",
              (b, v, env) -> {
                ConfigValues.Rate rate = ConfigValues.rate(v);
                b.rateLimit(rate.permits(), rate.period());
              },
              c -> c.rateLimit().map(Object::toString).orElse("off")),
          new EndpointKey(
              IDEMPOTENCY_ENABLED,
              "true",
              "Whether deliveries are deduplicated by delivery id.",
              (b, v, env) -> b.idempotencyEnabled(ConfigValues.bool(v)),
              EndpointConfig::idempotencyEnabled),
          new EndpointKey(
              IDEMPOTENCY_RETENTION,
              "7d",
              "How long a completed delivery is remembered.",
              (b, v, env) -> b.idempotencyRetention(ConfigValues.duration(v)),
              c -> c.idempotencyRetention().toString()),
          new EndpointKey(
              IDEMPOTENCY_LEASE,
              "60s",
              "How long an in-progress delivery holds its claim before another attempt may take"
                  + " it over.",
              (b, v, env) -> b.idempotencyLease(ConfigValues.duration(v)),
              c -> c.idempotencyLease().toString()),
          new EndpointKey(
              PATH,
              "",
              "Spring and Micronaut: the path the kit serves the endpoint at itself when no"
                  + " controller maps it (@WebhookHandler methods handle it), e.g. /webhooks/github;"
                  + " empty means the application maps the endpoint.",
              (b, v, env) -> b.path(v),
              c -> c.path().orElse("")),
          new EndpointKey(
              PROCESSING,
              "sync",
              "Where the handler runs: sync (inside the request), deferred (written to the durable"
                  + " inbox, answered at once with the preset's ack status, handled by a worker"
                  + " with retries), auto (inline until the deadline, then answered and finished"
                  + " by a worker) or forward (published to Kafka, answered once the broker"
                  + " acknowledged; webhook-kafka).",
              (b, v, env) -> b.processing(Processing.of(v)),
              c -> c.processing().code()),
          new EndpointKey(
              DEADLINE,
              "",
              "auto: how long the request waits for the handler before it is answered with the"
                  + " ack status; empty means the preset's (about 80 % of the provider's timeout:"
                  + " Slack 2.4s, Shopify 4s, else 8s).",
              (b, v, env) -> b.deadline(ConfigValues.duration(v)),
              c -> c.deadline().toString()),
          new EndpointKey(
              TRANSACTIONAL,
              "false",
              "deferred/auto on JDBC: the handler runs inside the completion transaction, so its"
                  + " writes through the store's DataSource commit exactly once.",
              (b, v, env) -> b.transactional(ConfigValues.bool(v)),
              EndpointConfig::transactional),
          new EndpointKey(
              RETRY_SCHEDULE,
              RetryPolicy.DEFAULT_SCHEDULE,
              "When a failed deferred delivery is tried again: exponential, fixed, fibonacci, or"
                  + " a list of delays (the last repeats); each delay jittered up to 20 % shorter.",
              (b, v, env) -> b.retrySchedule(v),
              null),
          new EndpointKey(
              RETRY_INITIAL,
              "1m",
              "The first delay of the exponential, fixed and fibonacci schedules.",
              (b, v, env) -> b.retryInitial(ConfigValues.duration(v)),
              null),
          new EndpointKey(
              RETRY_MAX_DELAY,
              "10h",
              "The longest delay between two attempts.",
              (b, v, env) -> b.retryMaxDelay(ConfigValues.duration(v)),
              null),
          new EndpointKey(
              RETRY_MAX_ATTEMPTS,
              "8",
              "Attempts in all, the first included; after the last a delivery is dead (kept,"
                  + " listed, replayable).",
              (b, v, env) -> b.retryMaxAttempts(ConfigValues.positiveInt(v)),
              null),
          new EndpointKey(
              RETRY_MAX_AGE,
              "3d",
              "No attempt is scheduled later than this after the first receipt; the delivery is"
                  + " dead instead.",
              (b, v, env) -> b.retryMaxAge(ConfigValues.duration(v)),
              c -> c.retryPolicy().toString()),
          new EndpointKey(
              FORWARD_TOPIC,
              "",
              "forward: the Kafka topic verified deliveries are published to; empty means"
                  + " webhooks.<endpoint>.",
              (b, v, env) -> b.forwardTopic(v),
              c -> forwarding(c) ? c.forwardTopic() : null),
          new EndpointKey(
              FORWARD_TIMEOUT,
              "5s",
              "forward: how long the request waits for the broker's acknowledgement; none in time"
                  + " is answered 503 forward_unavailable with Retry-After and the delivery is"
                  + " released for the provider's retry.",
              (b, v, env) -> b.forwardTimeout(ConfigValues.duration(v)),
              c -> forwarding(c) ? c.forwardTimeout().toString() : null),
          new EndpointKey(
              FORWARD_KAFKA_PREFIX + "*",
              "",
              "forward: Kafka producer settings, passed through (forward.kafka.bootstrap.servers,"
                  + " security and SASL settings, …); the kit sets acks=all and"
                  + " enable.idempotence=true.",
              (b, v, env) -> {},
              c -> forwarding(c) ? String.join(",", c.forwardSettings().keySet()) : null));

  /** The forward.* keys mean something, and are shown, only for processing=forward. */
  private static boolean forwarding(EndpointConfig c) {
    return c.processing() == Processing.FORWARD;
  }

  private static final Set<String> NAMES =
      ALL.stream().map(EndpointKey::name).collect(Collectors.toUnmodifiableSet());

  private EndpointKeys() {}

  /** Every core key, in documentation order. */
  public static List<EndpointKey> all() {
    return ALL;
  }

  /** Whether a key is one of the core's (not a preset's). */
  public static boolean isCoreKey(String key) {
    return NAMES.contains(key) || key.startsWith(FORWARD_KAFKA_PREFIX);
  }

  /**
   * The keys that endpoints of this preset accept: the core's, then the preset's, in order.
   *
   * @param provider the preset
   */
  public static Set<String> accepted(Provider provider) {
    Set<String> keys = new LinkedHashSet<>();
    ALL.forEach(k -> keys.add(k.name()));
    provider.keys().forEach(k -> keys.add(k.name()));
    return keys;
  }

  /**
   * Reads an endpoint's keys into a builder; {@link EndpointConfig.Builder#build()} then checks
   * what spans keys (the provider's keys among them).
   *
   * @param name the endpoint name
   * @param source the keys, without the {@code webhook.endpoints.<name>.} prefix
   * @param environment looks up environment variables for {@code secrets-env}
   * @throws WebhookConfigurationException naming the endpoint and the first key that does not parse
   */
  public static EndpointConfig.Builder read(
      String name, ConfigSource source, Function<String, @Nullable String> environment) {
    EndpointConfig.Builder b = EndpointConfig.builder(name);
    for (String key : source.keys()) {
      if (key.startsWith(FORWARD_KAFKA_PREFIX)) {
        String value = source.get(key);
        if (value != null) {
          b.forwardSetting(key.substring(FORWARD_KAFKA_PREFIX.length()), value.trim());
        }
      }
    }
    for (EndpointKey key : ALL) {
      String value = value(source, key.name());
      if (value == null) {
        continue;
      }
      try {
        key.read(b, value, environment);
      } catch (IllegalArgumentException e) {
        throw new WebhookConfigurationException(
            name, key.name(), Objects.requireNonNullElse(e.getMessage(), "is not valid"));
      }
    }
    Set<String> others = new LinkedHashSet<>();
    source.keys().stream().filter(k -> !isCoreKey(k)).sorted().forEach(others::add);
    String provider = value(source, PROVIDER);
    if (provider != null) {
      // A source that cannot list its keys is asked for the preset's keys by name.
      Providers.lookup(provider).ifPresent(p -> p.keys().forEach(k -> others.add(k.name())));
    }
    for (String key : others) {
      String value = source.get(key);
      if (value != null) {
        b.providerKey(key, value);
      }
    }
    return b;
  }

  /**
   * Why a key neither the core nor the chosen preset declares is refused: "not used by" when some
   * other preset reads it, else "not a key" with the keys this endpoint accepts.
   */
  static WebhookConfigurationException unknownKey(String endpoint, String key, Provider provider) {
    boolean anotherPresetsKey =
        Providers.all().stream()
            .flatMap(p -> p.keys().stream())
            .map(ProviderKey::name)
            .anyMatch(key::equals);
    if (anotherPresetsKey) {
      return new WebhookConfigurationException(
          endpoint, key, "is not used by provider '" + provider.name() + "'");
    }
    return new WebhookConfigurationException(
        endpoint,
        key,
        "is not a webhook endpoint key (known keys: "
            + String.join(", ", new TreeSet<>(accepted(provider)))
            + ")");
  }

  private static @Nullable String value(ConfigSource source, String key) {
    String v = source.get(key);
    return v == null || v.isBlank() ? null : v.trim();
  }

  private static List<String> secretList(String endpoint, String value) {
    List<String> values = new ArrayList<>();
    for (String part : value.split(",", -1)) {
      String p = part.trim();
      if (p.isEmpty()) {
        throw new WebhookConfigurationException(
            endpoint, SECRETS, "has an empty entry between commas");
      }
      values.add(p);
    }
    return values;
  }

  private static void readSecretsFromEnvironment(
      EndpointConfig.Builder b, String value, Function<String, @Nullable String> environment) {
    for (String variable : ConfigValues.list(value)) {
      String secret = environment.apply(variable);
      if (secret == null || secret.isBlank()) {
        throw new WebhookConfigurationException(
            b.name(), SECRETS_ENV, "environment variable " + variable + " is not set or empty");
      }
      b.secret(Secret.of("env:" + variable, secret.trim()));
    }
  }
}
