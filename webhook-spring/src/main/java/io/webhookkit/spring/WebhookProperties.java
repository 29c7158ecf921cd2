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
 * {@code webhook.*}: the endpoints ({@code webhook.endpoints.<name>.<key>} with the design's keys)
 * and the shared idempotency store ({@code webhook.idempotency.*}). Binding only; every check is
 * the core's, so errors read the same in every framework.
 */
@ConfigurationProperties("webhook")
public class WebhookProperties {
  /** The endpoints by name. */
  private Map<String, Endpoint> endpoints = new LinkedHashMap<>();

  /** The shared idempotency store. */
  private Store idempotency = new Store();

  /** The endpoints by name. */
  public Map<String, Endpoint> getEndpoints() {
    return endpoints;
  }

  /** Sets the endpoints. */
  public void setEndpoints(Map<String, Endpoint> endpoints) {
    this.endpoints = endpoints;
  }

  /** The shared idempotency store. */
  public Store getIdempotency() {
    return idempotency;
  }

  /** Sets the store settings. */
  public void setIdempotency(Store idempotency) {
    this.idempotency = idempotency;
  }

  /** The shared idempotency store: {@code webhook.idempotency.*}. */
  public static class Store {
    /** memory, jdbc or redis. */
    private String store = "memory";

    /** The jdbc store. */
    private Jdbc jdbc = new Jdbc();

    /** The redis store. */
    private Redis redis = new Redis();

    /** memory, jdbc or redis. */
    public String getStore() {
      return store;
    }

    /** Sets the store. */
    public void setStore(String store) {
      this.store = store;
    }

    /** The jdbc store. */
    public Jdbc getJdbc() {
      return jdbc;
    }

    /** Sets the jdbc settings. */
    public void setJdbc(Jdbc jdbc) {
      this.jdbc = jdbc;
    }

    /** The redis store. */
    public Redis getRedis() {
      return redis;
    }

    /** Sets the redis settings. */
    public void setRedis(Redis redis) {
      this.redis = redis;
    }

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
  }

  /** The jdbc store: {@code webhook.idempotency.jdbc.*}. */
  public static class Jdbc {
    /** Table name. */
    private String table = "webhook_deliveries";

    /** Whether to create the table at start-up. */
    private boolean createTable;

    /** Table name. */
    public String getTable() {
      return table;
    }

    /** Sets the table. */
    public void setTable(String table) {
      this.table = table;
    }

    /** Whether to create the table. */
    public boolean isCreateTable() {
      return createTable;
    }

    /** Sets whether to create the table. */
    public void setCreateTable(boolean createTable) {
      this.createTable = createTable;
    }
  }

  /** The redis store: {@code webhook.idempotency.redis.*}. */
  public static class Redis {
    /** URI, e.g. redis://127.0.0.1:6379. */
    private @Nullable String uri;

    /** Prefix of every key. */
    private String keyPrefix = "webhook:";

    /** URI. */
    public @Nullable String getUri() {
      return uri;
    }

    /** Sets the URI. */
    public void setUri(@Nullable String uri) {
      this.uri = uri;
    }

    /** Key prefix. */
    public String getKeyPrefix() {
      return keyPrefix;
    }

    /** Sets the key prefix. */
    public void setKeyPrefix(String keyPrefix) {
      this.keyPrefix = keyPrefix;
    }
  }

  /** One endpoint: {@code webhook.endpoints.<name>.*}. */
  public static class Endpoint {
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
                    "allowed-origins"))
            .collect(Collectors.toUnmodifiableSet());

    /** Preset name (github, stripe, slack, twilio, … see the README's provider table) or hmac. */
    private @Nullable String provider;

    /** Secrets; any may match (rotation). */
    private List<String> secrets = new ArrayList<>();

    /** Names of environment variables holding secrets. */
    private List<String> secretsEnv = new ArrayList<>();

    /** Accepted clock difference for signed timestamps, both directions. */
    private Duration tolerance = Duration.ofMinutes(5);

    /** CIDR blocks allowed to call; empty means anyone. */
    private List<String> allowedIps = new ArrayList<>();

    /** CIDR blocks whose forwarding headers are believed. */
    private List<String> trustedProxies = new ArrayList<>();

    /** Refuse plain HTTP except from loopback. */
    private boolean requireHttps = true;

    /** Largest accepted body. */
    private DataSize maxBodySize = DataSize.ofMegabytes(1);

    /** Rate limit such as 100/1s; empty means off. */
    private @Nullable String rateLimit;

    /** Deduplication by delivery id. */
    private Idempotency idempotency = new Idempotency();

    /** The generic hmac scheme's signature settings. */
    private Signature signature = new Signature();

    /** The generic hmac scheme's timestamp header. */
    private Header timestamp = new Header();

    /** The generic hmac scheme's delivery id header. */
    private Header id = new Header();

    /**
     * The URL the provider calls, for presets whose scheme signs the URL (see docs/providers.md).
     */
    private @Nullable String publicUrl;

    /** Meta's verify token, answered in its subscription check. */
    private @Nullable String verifyToken;

    /** CloudEvents: the origins granted in the OPTIONS check; empty grants any. */
    private List<String> allowedOrigins = new ArrayList<>();

    /** CloudEvents: the origins granted in the OPTIONS check. */
    public List<String> getAllowedOrigins() {
      return allowedOrigins;
    }

    /** Sets the granted origins. */
    public void setAllowedOrigins(List<String> allowedOrigins) {
      this.allowedOrigins = allowedOrigins;
    }

    /** The public URL the provider calls. */
    public @Nullable String getPublicUrl() {
      return publicUrl;
    }

    /** Sets the public URL. */
    public void setPublicUrl(@Nullable String publicUrl) {
      this.publicUrl = publicUrl;
    }

    /** Meta's verify token. */
    public @Nullable String getVerifyToken() {
      return verifyToken;
    }

    /** Sets Meta's verify token. */
    public void setVerifyToken(@Nullable String verifyToken) {
      this.verifyToken = verifyToken;
    }

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
      if (!allowedOrigins.isEmpty()) {
        keys.put("allowed-origins", String.join(",", allowedOrigins));
      }
      return ConfigSource.of(keys);
    }

    private static void putIfSet(Map<String, String> keys, String key, @Nullable String value) {
      if (value != null) {
        keys.put(key, value);
      }
    }

    /** Preset name or hmac. */
    public @Nullable String getProvider() {
      return provider;
    }

    /** Sets the provider. */
    public void setProvider(@Nullable String provider) {
      this.provider = provider;
    }

    /** Secrets. */
    public List<String> getSecrets() {
      return secrets;
    }

    /** Sets the secrets. */
    public void setSecrets(List<String> secrets) {
      this.secrets = secrets;
    }

    /** Environment variables holding secrets. */
    public List<String> getSecretsEnv() {
      return secretsEnv;
    }

    /** Sets the environment variables. */
    public void setSecretsEnv(List<String> secretsEnv) {
      this.secretsEnv = secretsEnv;
    }

    /** Timestamp tolerance. */
    public Duration getTolerance() {
      return tolerance;
    }

    /** Sets the tolerance. */
    public void setTolerance(Duration tolerance) {
      this.tolerance = tolerance;
    }

    /** Allowed CIDR blocks. */
    public List<String> getAllowedIps() {
      return allowedIps;
    }

    /** Sets the allowed blocks. */
    public void setAllowedIps(List<String> allowedIps) {
      this.allowedIps = allowedIps;
    }

    /** Trusted proxy blocks. */
    public List<String> getTrustedProxies() {
      return trustedProxies;
    }

    /** Sets the trusted proxies. */
    public void setTrustedProxies(List<String> trustedProxies) {
      this.trustedProxies = trustedProxies;
    }

    /** Whether HTTPS is required. */
    public boolean isRequireHttps() {
      return requireHttps;
    }

    /** Sets whether HTTPS is required. */
    public void setRequireHttps(boolean requireHttps) {
      this.requireHttps = requireHttps;
    }

    /** Largest accepted body. */
    public DataSize getMaxBodySize() {
      return maxBodySize;
    }

    /** Sets the largest body. */
    public void setMaxBodySize(DataSize maxBodySize) {
      this.maxBodySize = maxBodySize;
    }

    /** Rate limit. */
    public @Nullable String getRateLimit() {
      return rateLimit;
    }

    /** Sets the rate limit. */
    public void setRateLimit(@Nullable String rateLimit) {
      this.rateLimit = rateLimit;
    }

    /** Idempotency settings. */
    public Idempotency getIdempotency() {
      return idempotency;
    }

    /** Sets the idempotency settings. */
    public void setIdempotency(Idempotency idempotency) {
      this.idempotency = idempotency;
    }

    /** Signature settings of the generic scheme. */
    public Signature getSignature() {
      return signature;
    }

    /** Sets the signature settings. */
    public void setSignature(Signature signature) {
      this.signature = signature;
    }

    /** Timestamp header of the generic scheme. */
    public Header getTimestamp() {
      return timestamp;
    }

    /** Sets the timestamp header. */
    public void setTimestamp(Header timestamp) {
      this.timestamp = timestamp;
    }

    /** Delivery id header of the generic scheme. */
    public Header getId() {
      return id;
    }

    /** Sets the id header. */
    public void setId(Header id) {
      this.id = id;
    }
  }

  /** Deduplication settings of one endpoint. */
  public static class Idempotency {
    /** Deduplicate by delivery id. */
    private boolean enabled = true;

    /** How long a completed delivery is remembered. */
    private Duration retention = Duration.ofDays(7);

    /** How long an in-progress delivery holds its lock. */
    private Duration lease = Duration.ofSeconds(60);

    /** Whether deduplication is on. */
    public boolean isEnabled() {
      return enabled;
    }

    /** Sets deduplication. */
    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    /** Retention. */
    public Duration getRetention() {
      return retention;
    }

    /** Sets the retention. */
    public void setRetention(Duration retention) {
      this.retention = retention;
    }

    /** Lease. */
    public Duration getLease() {
      return lease;
    }

    /** Sets the lease. */
    public void setLease(Duration lease) {
      this.lease = lease;
    }
  }

  /** The generic hmac scheme's signature. */
  public static class Signature {
    /** Header holding the signature. */
    private @Nullable String header;

    /** sha1, sha256 or sha512. */
    private @Nullable String algorithm;

    /** hex or base64. */
    private @Nullable String encoding;

    /** Text before the MAC, e.g. sha256=. */
    private @Nullable String prefix;

    /** Signed content over {id}, {timestamp} and {body}. */
    private @Nullable String payload;

    /** Header. */
    public @Nullable String getHeader() {
      return header;
    }

    /** Sets the header. */
    public void setHeader(@Nullable String header) {
      this.header = header;
    }

    /** Algorithm. */
    public @Nullable String getAlgorithm() {
      return algorithm;
    }

    /** Sets the algorithm. */
    public void setAlgorithm(@Nullable String algorithm) {
      this.algorithm = algorithm;
    }

    /** Encoding. */
    public @Nullable String getEncoding() {
      return encoding;
    }

    /** Sets the encoding. */
    public void setEncoding(@Nullable String encoding) {
      this.encoding = encoding;
    }

    /** Prefix. */
    public @Nullable String getPrefix() {
      return prefix;
    }

    /** Sets the prefix. */
    public void setPrefix(@Nullable String prefix) {
      this.prefix = prefix;
    }

    /** Signed content template. */
    public @Nullable String getPayload() {
      return payload;
    }

    /** Sets the template. */
    public void setPayload(@Nullable String payload) {
      this.payload = payload;
    }
  }

  /** A header name. */
  public static class Header {
    /** The header's name. */
    private @Nullable String header;

    /** The header's name. */
    public @Nullable String getHeader() {
      return header;
    }

    /** Sets the header's name. */
    public void setHeader(@Nullable String header) {
      this.header = header;
    }
  }
}
