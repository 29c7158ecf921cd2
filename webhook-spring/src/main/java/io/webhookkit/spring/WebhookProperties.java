package io.webhookkit.spring;

import io.webhookkit.core.ConfigSource;
import io.webhookkit.core.EndpointConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code webhook.*}: the endpoints ({@code webhook.endpoints.<name>.<key>}), the shared idempotency
 * store ({@code webhook.idempotency.*}) and Spring Security ({@code webhook.security.*}). Binding
 * and IDE metadata only: every check is the core's, so errors read the same in every framework, and
 * keys this class does not bind are passed to the core as written.
 */
@ConfigurationProperties("webhook")
public class WebhookProperties {
  /** Endpoints by name; each takes the keys of docs/configuration.md. */
  private Map<String, Endpoint> endpoints = new LinkedHashMap<>();

  /** The idempotency store all endpoints share. */
  private Store idempotency = new Store();

  /** How Spring Security treats webhook endpoints. */
  private Security security = new Security();

  /** The worker pool of deferred and auto endpoints. */
  private Inbox inbox = new Inbox();

  public Inbox getInbox() {
    return inbox;
  }

  public void setInbox(Inbox inbox) {
    this.inbox = inbox;
  }

  /** The worker pool of deferred and auto endpoints: {@code webhook.inbox.*}. */
  public static class Inbox {
    /** Worker threads (platform threads, or virtual when spring.threads.virtual.enabled). */
    private int workers = 4;

    /** How often an idle pool looks for due deliveries. */
    private Duration poll = Duration.ofSeconds(1);

    /** How long running handlers may finish at shutdown before they are released. */
    private Duration shutdownGrace = Duration.ofSeconds(30);

    /** The inbox health turns DOWN when an endpoint's oldest due delivery waited longer. */
    private Duration healthOldestDue = Duration.ofMinutes(5);

    /** The flat {@code webhook.inbox.*} keys the core reads. */
    Map<String, String> keys() {
      return Map.of(
          "webhook.inbox.workers", Integer.toString(workers),
          "webhook.inbox.poll", poll.toString(),
          "webhook.inbox.shutdown-grace", shutdownGrace.toString());
    }

    public int getWorkers() {
      return workers;
    }

    public void setWorkers(int workers) {
      this.workers = workers;
    }

    public Duration getPoll() {
      return poll;
    }

    public void setPoll(Duration poll) {
      this.poll = poll;
    }

    public Duration getShutdownGrace() {
      return shutdownGrace;
    }

    public void setShutdownGrace(Duration shutdownGrace) {
      this.shutdownGrace = shutdownGrace;
    }

    public Duration getHealthOldestDue() {
      return healthOldestDue;
    }

    public void setHealthOldestDue(Duration healthOldestDue) {
      this.healthOldestDue = healthOldestDue;
    }
  }

  public Map<String, Endpoint> getEndpoints() {
    return endpoints;
  }

  public void setEndpoints(Map<String, Endpoint> endpoints) {
    this.endpoints = endpoints;
  }

  public Store getIdempotency() {
    return idempotency;
  }

  public void setIdempotency(Store idempotency) {
    this.idempotency = idempotency;
  }

  public Security getSecurity() {
    return security;
  }

  public void setSecurity(Security security) {
    this.security = security;
  }

  /** The shared idempotency store: {@code webhook.idempotency.*}. */
  public static class Store {
    /**
     * Where deliveries are recorded: memory, jdbc (webhook-store-jdbc, on the application's
     * DataSource) or redis (webhook-store-redis).
     */
    private String store = "memory";

    /** The JDBC store. */
    private Jdbc jdbc = new Jdbc();

    /** The Redis store. */
    private Redis redis = new Redis();

    /** The flat {@code webhook.idempotency.*} keys. */
    Map<String, String> keys() {
      Map<String, String> keys = new LinkedHashMap<>();
      keys.put("webhook.idempotency.store", store);
      keys.put("webhook.idempotency.jdbc.table", jdbc.table);
      keys.put("webhook.idempotency.jdbc.create-table", Boolean.toString(jdbc.createTable));
      if (redis.uri != null) {
        keys.put("webhook.idempotency.redis.uri", redis.uri);
      }
      keys.put("webhook.idempotency.redis.key-prefix", redis.keyPrefix);
      return keys;
    }

    public String getStore() {
      return store;
    }

    public void setStore(String store) {
      this.store = store;
    }

    public Jdbc getJdbc() {
      return jdbc;
    }

    public void setJdbc(Jdbc jdbc) {
      this.jdbc = jdbc;
    }

    public Redis getRedis() {
      return redis;
    }

    public void setRedis(Redis redis) {
      this.redis = redis;
    }
  }

  /** The JDBC store: {@code webhook.idempotency.jdbc.*}. */
  public static class Jdbc {
    /** Table of the deliveries; schema.table is allowed. */
    private String table = "webhook_deliveries";

    /** Whether to create the table and its index at start-up with the shipped DDL. */
    private boolean createTable;

    public String getTable() {
      return table;
    }

    public void setTable(String table) {
      this.table = table;
    }

    public boolean isCreateTable() {
      return createTable;
    }

    public void setCreateTable(boolean createTable) {
      this.createTable = createTable;
    }
  }

  /** The Redis store: {@code webhook.idempotency.redis.*}. */
  public static class Redis {
    /**
     * Redis URI, e.g. redis://127.0.0.1:6379 or rediss://; when not set, spring.data.redis.url or
     * host and port.
     */
    private @Nullable String uri;

    /** Prefix of every key the store writes. */
    private String keyPrefix = "webhook:";

    public @Nullable String getUri() {
      return uri;
    }

    public void setUri(@Nullable String uri) {
      this.uri = uri;
    }

    public String getKeyPrefix() {
      return keyPrefix;
    }

    public void setKeyPrefix(String keyPrefix) {
      this.keyPrefix = keyPrefix;
    }
  }

  /** Spring Security: {@code webhook.security.*}. */
  public static class Security {
    /**
     * Whether requests whose handler carries @WebhookEndpoint skip Spring Security (they are
     * authenticated by their signature); CSRF and login stay on elsewhere.
     */
    private boolean ignoreWebhookEndpoints = true;

    public boolean isIgnoreWebhookEndpoints() {
      return ignoreWebhookEndpoints;
    }

    public void setIgnoreWebhookEndpoints(boolean ignoreWebhookEndpoints) {
      this.ignoreWebhookEndpoints = ignoreWebhookEndpoints;
    }
  }

  /**
   * The hand-off to Kafka of one {@code processing=forward} endpoint: {@code
   * webhook.endpoints.<name>.forward.*}. Producer settings go under {@code forward.kafka.*} and
   * override the application's {@code spring.kafka.*} (its {@code KafkaTemplate}'s producer).
   */
  public static class Forward {
    /** The topic; not set means "webhooks." followed by the endpoint name. */
    private @Nullable String topic;

    /** How long the request waits for the broker's acknowledgement; not set means 5s. */
    private @Nullable Duration timeout;

    public @Nullable String getTopic() {
      return topic;
    }

    public void setTopic(@Nullable String topic) {
      this.topic = topic;
    }

    public @Nullable Duration getTimeout() {
      return timeout;
    }

    public void setTimeout(@Nullable Duration timeout) {
      this.timeout = timeout;
    }
  }

  /** The retry schedule of one deferred endpoint: {@code webhook.endpoints.<name>.retry.*}. */
  public static class Retry {
    /**
     * exponential, fixed, fibonacci, or a list of delays (10s,1m,5m); not set means exponential.
     */
    private @Nullable String schedule;

    /** The first delay; not set means the core's default. */
    private @Nullable Duration initial;

    /** The longest delay; not set means the core's default. */
    private @Nullable Duration maxDelay;

    /** Attempts before a delivery is dead; not set means the core's default. */
    private @Nullable Integer maxAttempts;

    /** Age after which a failing delivery is dead; not set means the core's default. */
    private @Nullable Duration maxAge;

    public @Nullable String getSchedule() {
      return schedule;
    }

    public void setSchedule(@Nullable String schedule) {
      this.schedule = schedule;
    }

    public @Nullable Duration getInitial() {
      return initial;
    }

    public void setInitial(@Nullable Duration initial) {
      this.initial = initial;
    }

    public @Nullable Duration getMaxDelay() {
      return maxDelay;
    }

    public void setMaxDelay(@Nullable Duration maxDelay) {
      this.maxDelay = maxDelay;
    }

    public @Nullable Integer getMaxAttempts() {
      return maxAttempts;
    }

    public void setMaxAttempts(@Nullable Integer maxAttempts) {
      this.maxAttempts = maxAttempts;
    }

    public @Nullable Duration getMaxAge() {
      return maxAge;
    }

    public void setMaxAge(@Nullable Duration maxAge) {
      this.maxAge = maxAge;
    }
  }

  /** One endpoint: {@code webhook.endpoints.<name>.*}. */
  public static class Endpoint {
    /**
     * Provider preset (github, stripe, slack, … see docs/providers.md), or hmac for the generic
     * scheme.
     */
    private @Nullable String provider;

    /** Secrets; any may match, so that a secret can be rotated without downtime. */
    private List<String> secrets = new ArrayList<>();

    /** Names of environment variables holding secrets. */
    private List<String> secretsEnv = new ArrayList<>();

    /** Accepted clock difference for signed timestamps, in both directions. */
    private Duration tolerance = Duration.ofMinutes(5);

    /** CIDR blocks allowed to call (IPv4 or IPv6); empty allows any address. */
    private List<String> allowedIps = new ArrayList<>();

    /** CIDR blocks whose Forwarded and X-Forwarded-* headers are believed. */
    private List<String> trustedProxies = new ArrayList<>();

    /** Whether plain HTTP is refused, except from loopback. */
    private boolean requireHttps = true;

    /** Largest accepted body; Content-Length is checked before reading. */
    private DataSize maxBodySize = DataSize.ofMegabytes(1);

    /** Requests allowed per period, e.g. 100/1s; not set means no limit. */
    private @Nullable String rateLimit;

    /** Deduplication by delivery id. */
    private Idempotency idempotency = new Idempotency();

    /**
     * The generic hmac scheme's signature, or the header carrying a token (okta, azure-event-grid,
     * cloudevents).
     */
    private Signature signature = new Signature();

    /** The generic hmac scheme's signed timestamp. */
    private Header timestamp = new Header();

    /** The generic hmac scheme's delivery id. */
    private Header id = new Header();

    /**
     * The URL the provider calls, for presets whose scheme signs the URL; rebuilt from each request
     * when not set.
     */
    private @Nullable String publicUrl;

    /** Meta's verify token, answered in its subscription check. */
    private @Nullable String verifyToken;

    /** Amazon SNS: the topics (ARNs) whose messages the endpoint accepts; required for aws-sns. */
    private List<String> topicArns = new ArrayList<>();

    /**
     * Amazon SNS: confirm a verified SubscriptionConfirmation by fetching its SubscribeURL (on the
     * topic's regional SNS host only); when unset the link is logged for the operator.
     */
    private @Nullable Boolean autoConfirm;

    /**
     * Google Cloud Pub/Sub push: the audience the subscription's token is made for (by default the
     * push endpoint's URL); required for gcp-pubsub.
     */
    private @Nullable String audience;

    /** Google Cloud Pub/Sub push: the push service account email(s); required for gcp-pubsub. */
    private List<String> serviceAccount = new ArrayList<>();

    /** Azure Event Grid with Entra ID: the tenant issuing the tokens; required for that preset. */
    private @Nullable String tenantId;

    /** Adobe I/O Events: the project's client id (API key); required for adobe-io. */
    private @Nullable String clientId;

    /** Plaid: production (default) or sandbox, the host its keys are fetched from. */
    private @Nullable String environment;

    /** PayPal: the webhook's id in PayPal's developer dashboard; required for paypal. */
    private @Nullable String webhookId;

    /** CloudEvents: the origins granted in the OPTIONS abuse-protection check; empty grants any. */
    private List<String> allowedOrigins = new ArrayList<>();

    /**
     * The path the kit serves this endpoint at itself when no controller maps it; its
     * {@code @WebhookHandler} methods handle the deliveries.
     */
    private @Nullable String path;

    /**
     * Where the handler runs: sync (in the request), deferred (written to the inbox, answered at
     * once, handled by a worker with retries), auto (inline until the deadline) or forward
     * (published to Kafka, answered once the broker acknowledged; webhook-kafka).
     */
    private String processing = "sync";

    /** auto: how long the request waits for the handler; not set means the preset's. */
    private @Nullable Duration deadline;

    /** deferred/auto with the JDBC store: run the handler inside the completion transaction. */
    private boolean transactional;

    /** The retry schedule of deferred deliveries. */
    private Retry retry = new Retry();

    /** forward: the topic and the wait for the broker. */
    private Forward forward = new Forward();

    public Forward getForward() {
      return forward;
    }

    public void setForward(Forward forward) {
      this.forward = forward;
    }

    public @Nullable String getPath() {
      return path;
    }

    public void setPath(@Nullable String path) {
      this.path = path;
    }

    public String getProcessing() {
      return processing;
    }

    public void setProcessing(String processing) {
      this.processing = processing;
    }

    public @Nullable Duration getDeadline() {
      return deadline;
    }

    public void setDeadline(@Nullable Duration deadline) {
      this.deadline = deadline;
    }

    public boolean isTransactional() {
      return transactional;
    }

    public void setTransactional(boolean transactional) {
      this.transactional = transactional;
    }

    public Retry getRetry() {
      return retry;
    }

    public void setRetry(Retry retry) {
      this.retry = retry;
    }

    /**
     * The keys this class binds: the core's and the built-in presets' (a test holds it to {@link
     * io.webhookkit.core.EndpointKeys} and the presets' {@code keys()}). Other keys given for an
     * endpoint are passed to the core as written.
     */
    static final Set<String> BOUND_KEYS =
        Stream.concat(
                EndpointConfig.KEYS.stream(),
                Stream.of(
                    "signature.header",
                    "signature.algorithm",
                    "signature.encoding",
                    "signature.prefix",
                    "signature.payload",
                    "timestamp.header",
                    "id.header",
                    "public-url",
                    "verify-token",
                    "topic-arns",
                    "auto-confirm",
                    "audience",
                    "service-account",
                    "webhook-id",
                    "tenant-id",
                    "client-id",
                    "environment",
                    "allowed-origins"))
            .collect(Collectors.toUnmodifiableSet());

    /**
     * The flat keys of the design, for the core.
     *
     * @param unbound keys given for this endpoint that this class does not bind (misspelt, or a
     *     third-party preset's own), passed on for the core to read or refuse
     */
    ConfigSource toConfigSource(Map<String, String> unbound) {
      Map<String, String> keys = new LinkedHashMap<>(unbound);
      if (provider != null) {
        keys.put(EndpointConfig.PROVIDER, provider);
      }
      if (!secrets.isEmpty()) {
        keys.put(EndpointConfig.SECRETS, String.join(",", secrets));
      }
      if (!secretsEnv.isEmpty()) {
        keys.put(EndpointConfig.SECRETS_ENV, String.join(",", secretsEnv));
      }
      keys.put(EndpointConfig.TOLERANCE, tolerance.toString());
      if (!allowedIps.isEmpty()) {
        keys.put(EndpointConfig.ALLOWED_IPS, String.join(",", allowedIps));
      }
      if (!trustedProxies.isEmpty()) {
        keys.put(EndpointConfig.TRUSTED_PROXIES, String.join(",", trustedProxies));
      }
      keys.put(EndpointConfig.REQUIRE_HTTPS, Boolean.toString(requireHttps));
      keys.put(EndpointConfig.MAX_BODY_SIZE, maxBodySize.toBytes() + "B");
      if (rateLimit != null && !rateLimit.isBlank()) {
        keys.put(EndpointConfig.RATE_LIMIT, rateLimit);
      }
      keys.put(EndpointConfig.IDEMPOTENCY_ENABLED, Boolean.toString(idempotency.enabled));
      keys.put(EndpointConfig.IDEMPOTENCY_RETENTION, idempotency.retention.toString());
      keys.put(EndpointConfig.IDEMPOTENCY_LEASE, idempotency.lease.toString());
      putIfSet(keys, "signature.header", signature.header);
      putIfSet(keys, "signature.algorithm", signature.algorithm);
      putIfSet(keys, "signature.encoding", signature.encoding);
      putIfSet(keys, "signature.prefix", signature.prefix);
      putIfSet(keys, "signature.payload", signature.payload);
      putIfSet(keys, "timestamp.header", timestamp.header);
      putIfSet(keys, "id.header", id.header);
      putIfSet(keys, "public-url", publicUrl);
      putIfSet(keys, "verify-token", verifyToken);
      if (!topicArns.isEmpty()) {
        keys.put("topic-arns", String.join(",", topicArns));
      }
      if (autoConfirm != null) {
        keys.put("auto-confirm", autoConfirm.toString());
      }
      putIfSet(keys, "audience", audience);
      putIfSet(keys, "webhook-id", webhookId);
      putIfSet(keys, "tenant-id", tenantId);
      putIfSet(keys, "client-id", clientId);
      putIfSet(keys, "environment", environment);
      if (!serviceAccount.isEmpty()) {
        keys.put("service-account", String.join(",", serviceAccount));
      }
      putIfSet(keys, EndpointConfig.PATH, path);
      keys.put(EndpointConfig.PROCESSING, processing);
      if (deadline != null) {
        keys.put(EndpointConfig.DEADLINE, deadline.toString());
      }
      keys.put(EndpointConfig.TRANSACTIONAL, Boolean.toString(transactional));
      putIfSet(keys, EndpointConfig.RETRY_SCHEDULE, retry.schedule);
      if (retry.initial != null) {
        keys.put(EndpointConfig.RETRY_INITIAL, retry.initial.toString());
      }
      if (retry.maxDelay != null) {
        keys.put(EndpointConfig.RETRY_MAX_DELAY, retry.maxDelay.toString());
      }
      if (retry.maxAttempts != null) {
        keys.put(EndpointConfig.RETRY_MAX_ATTEMPTS, retry.maxAttempts.toString());
      }
      if (retry.maxAge != null) {
        keys.put(EndpointConfig.RETRY_MAX_AGE, retry.maxAge.toString());
      }
      if (!allowedOrigins.isEmpty()) {
        keys.put("allowed-origins", String.join(",", allowedOrigins));
      }
      putIfSet(keys, EndpointConfig.FORWARD_TOPIC, forward.topic);
      if (forward.timeout != null) {
        keys.put(EndpointConfig.FORWARD_TIMEOUT, forward.timeout.toString());
      }
      return ConfigSource.of(keys);
    }

    private static void putIfSet(Map<String, String> keys, String key, @Nullable String value) {
      if (value != null) {
        keys.put(key, value);
      }
    }

    public @Nullable String getProvider() {
      return provider;
    }

    public void setProvider(@Nullable String provider) {
      this.provider = provider;
    }

    public List<String> getSecrets() {
      return secrets;
    }

    public void setSecrets(List<String> secrets) {
      this.secrets = secrets;
    }

    public List<String> getSecretsEnv() {
      return secretsEnv;
    }

    public void setSecretsEnv(List<String> secretsEnv) {
      this.secretsEnv = secretsEnv;
    }

    public Duration getTolerance() {
      return tolerance;
    }

    public void setTolerance(Duration tolerance) {
      this.tolerance = tolerance;
    }

    public List<String> getAllowedIps() {
      return allowedIps;
    }

    public void setAllowedIps(List<String> allowedIps) {
      this.allowedIps = allowedIps;
    }

    public List<String> getTrustedProxies() {
      return trustedProxies;
    }

    public void setTrustedProxies(List<String> trustedProxies) {
      this.trustedProxies = trustedProxies;
    }

    public boolean isRequireHttps() {
      return requireHttps;
    }

    public void setRequireHttps(boolean requireHttps) {
      this.requireHttps = requireHttps;
    }

    public DataSize getMaxBodySize() {
      return maxBodySize;
    }

    public void setMaxBodySize(DataSize maxBodySize) {
      this.maxBodySize = maxBodySize;
    }

    public @Nullable String getRateLimit() {
      return rateLimit;
    }

    public void setRateLimit(@Nullable String rateLimit) {
      this.rateLimit = rateLimit;
    }

    public Idempotency getIdempotency() {
      return idempotency;
    }

    public void setIdempotency(Idempotency idempotency) {
      this.idempotency = idempotency;
    }

    public Signature getSignature() {
      return signature;
    }

    public void setSignature(Signature signature) {
      this.signature = signature;
    }

    public Header getTimestamp() {
      return timestamp;
    }

    public void setTimestamp(Header timestamp) {
      this.timestamp = timestamp;
    }

    public Header getId() {
      return id;
    }

    public void setId(Header id) {
      this.id = id;
    }

    public @Nullable String getPublicUrl() {
      return publicUrl;
    }

    public void setPublicUrl(@Nullable String publicUrl) {
      this.publicUrl = publicUrl;
    }

    public @Nullable String getVerifyToken() {
      return verifyToken;
    }

    public void setVerifyToken(@Nullable String verifyToken) {
      this.verifyToken = verifyToken;
    }

    public List<String> getTopicArns() {
      return topicArns;
    }

    public void setTopicArns(List<String> topicArns) {
      this.topicArns = topicArns;
    }

    public @Nullable Boolean getAutoConfirm() {
      return autoConfirm;
    }

    public void setAutoConfirm(@Nullable Boolean autoConfirm) {
      this.autoConfirm = autoConfirm;
    }

    public @Nullable String getAudience() {
      return audience;
    }

    public void setAudience(@Nullable String audience) {
      this.audience = audience;
    }

    public List<String> getServiceAccount() {
      return serviceAccount;
    }

    public void setServiceAccount(List<String> serviceAccount) {
      this.serviceAccount = serviceAccount;
    }

    public @Nullable String getTenantId() {
      return tenantId;
    }

    public void setTenantId(@Nullable String tenantId) {
      this.tenantId = tenantId;
    }

    public @Nullable String getClientId() {
      return clientId;
    }

    public void setClientId(@Nullable String clientId) {
      this.clientId = clientId;
    }

    public @Nullable String getEnvironment() {
      return environment;
    }

    public void setEnvironment(@Nullable String environment) {
      this.environment = environment;
    }

    public @Nullable String getWebhookId() {
      return webhookId;
    }

    public void setWebhookId(@Nullable String webhookId) {
      this.webhookId = webhookId;
    }

    public List<String> getAllowedOrigins() {
      return allowedOrigins;
    }

    public void setAllowedOrigins(List<String> allowedOrigins) {
      this.allowedOrigins = allowedOrigins;
    }
  }

  /** Deduplication of one endpoint: {@code webhook.endpoints.<name>.idempotency.*}. */
  public static class Idempotency {
    /** Whether deliveries are deduplicated by delivery id. */
    private boolean enabled = true;

    /** How long a completed delivery is remembered. */
    private Duration retention = Duration.ofDays(7);

    /** How long an in-progress delivery holds its claim before another attempt may take it over. */
    private Duration lease = Duration.ofSeconds(60);

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public Duration getRetention() {
      return retention;
    }

    public void setRetention(Duration retention) {
      this.retention = retention;
    }

    public Duration getLease() {
      return lease;
    }

    public void setLease(Duration lease) {
      this.lease = lease;
    }
  }

  /** The generic scheme's signature: {@code webhook.endpoints.<name>.signature.*}. */
  public static class Signature {
    /** Header holding the signature (or, for token presets, the token). */
    private @Nullable String header;

    /** HMAC algorithm: sha1, sha256 or sha512 (default sha256). */
    private @Nullable String algorithm;

    /** Encoding of the MAC: hex, base64 or base64url (default hex). */
    private @Nullable String encoding;

    /** Text before the MAC in the header, e.g. sha256=. */
    private @Nullable String prefix;

    /** The signed content, a template over {id}, {timestamp} and {body} (default {body}). */
    private @Nullable String payload;

    public @Nullable String getHeader() {
      return header;
    }

    public void setHeader(@Nullable String header) {
      this.header = header;
    }

    public @Nullable String getAlgorithm() {
      return algorithm;
    }

    public void setAlgorithm(@Nullable String algorithm) {
      this.algorithm = algorithm;
    }

    public @Nullable String getEncoding() {
      return encoding;
    }

    public void setEncoding(@Nullable String encoding) {
      this.encoding = encoding;
    }

    public @Nullable String getPrefix() {
      return prefix;
    }

    public void setPrefix(@Nullable String prefix) {
      this.prefix = prefix;
    }

    public @Nullable String getPayload() {
      return payload;
    }

    public void setPayload(@Nullable String payload) {
      this.payload = payload;
    }
  }

  /** A header name. */
  public static class Header {
    /** Header name. */
    private @Nullable String header;

    public @Nullable String getHeader() {
      return header;
    }

    public void setHeader(@Nullable String header) {
      this.header = header;
    }
  }
}
