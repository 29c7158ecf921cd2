package io.webhookkit.store.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisScriptingCommands;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import io.webhookkit.core.idempotency.Acquisition;
import io.webhookkit.core.idempotency.IdempotencyStore;
import io.webhookkit.core.idempotency.IdempotencyStoreException;
import io.webhookkit.core.idempotency.OwnerTokens;
import io.webhookkit.core.inbox.ClaimedEntry;
import io.webhookkit.core.inbox.DeadEntry;
import io.webhookkit.core.inbox.DeliveryInbox;
import io.webhookkit.core.inbox.Enqueued;
import io.webhookkit.core.inbox.InboxEntry;
import io.webhookkit.core.inbox.InboxStats;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * An idempotency store on Redis (standalone or Cluster) through Lettuce.
 *
 * <p>Each operation is one atomic Lua script, one round trip: acquire claims a free key with {@code
 * SET NX PX} (or takes over an expired claim), and otherwise reports the fingerprint mismatch, the
 * stored status or the lease left; complete and release compare the owner token, so a stale holder
 * cannot clobber a newer one. The value is {@code state|fingerprint|token|status|expiresAt}; expiry
 * is decided with the injected {@link Clock} (keep instances' clocks in sync) and {@code PX} makes
 * Redis drop entries on its own. Keys are {@code <prefix>{<endpoint>:<delivery id>}}: one key per
 * script, hash-tagged, so they work on Redis Cluster. Any Lettuce error becomes an {@link
 * IdempotencyStoreException}: the guard answers 503 and the provider retries. Use a connection that
 * rejects commands while disconnected ({@link #connect} does) so that an outage fails fast instead
 * of queueing.
 *
 * <p>It is also the durable {@link DeliveryInbox} of {@code processing=deferred} and {@code auto}
 * ({@code RedisInbox}: a hash per delivery and per-endpoint sorted sets, one Lua script per
 * operation, Redis's own clock unless an inbox clock is given). "Nothing lost" holds only as far as
 * Redis keeps what it acknowledged: run it with {@code appendonly yes} and {@code appendfsync
 * always} for no loss on a Redis crash; {@code everysec} can lose about the last second of
 * acknowledged deliveries. Thread-safe.
 */
public final class RedisIdempotencyStore implements IdempotencyStore, DeliveryInbox, AutoCloseable {
  private static final String FIELDS = "^(%a)|([^|]*)|([^|]*)|(%-?%d+)|(%d+)$";

  static final String ACQUIRE =
      "local v = redis.call('GET', KEYS[1])\n"
          + "local now = tonumber(ARGV[3])\n"
          + "local lease = tonumber(ARGV[4])\n"
          + "local value = 'P|' .. ARGV[1] .. '|' .. ARGV[2] .. '|0|' .. (now + lease)\n"
          + "if not v then\n"
          + "  if redis.call('SET', KEYS[1], value, 'NX', 'PX', lease) then return {'A'} end\n"
          + "  v = redis.call('GET', KEYS[1])\n"
          + "end\n"
          + "local state, fp, owner, status, exp = string.match(v, '"
          + FIELDS
          + "')\n"
          + "if exp and tonumber(exp) > now then\n"
          + "  if fp ~= ARGV[1] then return {'M'} end\n"
          + "  if state == 'C' then return {'C', status} end\n"
          + "  return {'P', tostring(tonumber(exp) - now)}\n"
          + "end\n"
          + "redis.call('SET', KEYS[1], value, 'PX', lease)\n"
          + "return {'A'}\n";

  static final String COMPLETE =
      "local v = redis.call('GET', KEYS[1])\n"
          + "if not v then return 0 end\n"
          + "local state, fp, owner, status, exp = string.match(v, '"
          + FIELDS
          + "')\n"
          + "local now = tonumber(ARGV[3])\n"
          + "if state ~= 'P' or owner ~= ARGV[1] or tonumber(exp) <= now then return 0 end\n"
          + "redis.call('SET', KEYS[1], 'C|' .. fp .. '|' .. owner .. '|' .. ARGV[2] .. '|' .. (now + tonumber(ARGV[4])), 'PX', ARGV[4])\n"
          + "return 1\n";

  static final String RELEASE =
      "local v = redis.call('GET', KEYS[1])\n"
          + "if not v then return 0 end\n"
          + "local state, fp, owner = string.match(v, '"
          + FIELDS
          + "')\n"
          + "if state == 'P' and owner == ARGV[1] then redis.call('DEL', KEYS[1]) return 1 end\n"
          + "return 0\n";

  private final RedisScriptingCommands<String, String> redis;
  private final String prefix;
  private final Clock clock;
  private final OwnerTokens tokens = OwnerTokens.create();
  private final @Nullable Runnable owned;
  private final RedisInbox inbox;

  private RedisIdempotencyStore(
      RedisScriptingCommands<String, String> redis,
      String prefix,
      Clock clock,
      @Nullable Clock inboxClock,
      @Nullable Runnable owned) {
    this.redis = redis;
    this.prefix = prefix;
    this.clock = clock;
    this.owned = owned;
    this.inbox = new RedisInbox(redis, prefix, inboxClock, tokens);
  }

  /**
   * This store with the inbox's leases and due times on the given clock instead of Redis's own
   * ({@code TIME}), sharing the connection; for tests. Closing either closes the connection.
   */
  public RedisIdempotencyStore withInboxClock(Clock inboxClock) {
    return new RedisIdempotencyStore(redis, prefix, clock, inboxClock, owned);
  }

  /**
   * A store over commands the application already has: {@code connection.sync()} of a standalone or
   * cluster connection. The application keeps owning the connection.
   */
  public static RedisIdempotencyStore of(
      RedisScriptingCommands<String, String> commands, String keyPrefix, Clock clock) {
    return new RedisIdempotencyStore(
        Objects.requireNonNull(commands), keyPrefix, clock, null, null);
  }

  /**
   * A store with its own client for this URI ({@code redis://host:6379}), failing fast while the
   * server is unreachable (commands rejected when disconnected, 2 s timeout) and reconnecting on
   * its own within a second of the server's return. {@link #close()} closes it.
   */
  public static RedisIdempotencyStore connect(String uri, String keyPrefix, Clock clock) {
    // Reconnect within a second of the server coming back (Lettuce's default backs off to 30 s,
    // and every request in between would be answered 503).
    ClientResources resources =
        DefaultClientResources.builder()
            .reconnectDelay(
                Delay.exponential(
                    Duration.ofMillis(20), Duration.ofSeconds(1), 2, TimeUnit.MILLISECONDS))
            .build();
    RedisClient client = RedisClient.create(resources, RedisURI.create(uri));
    client.setOptions(
        ClientOptions.builder()
            .autoReconnect(true)
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            .timeoutOptions(TimeoutOptions.enabled(Duration.ofSeconds(2)))
            .build());
    try {
      StatefulRedisConnection<String, String> connection = client.connect();
      connection.setTimeout(Duration.ofSeconds(2));
      return new RedisIdempotencyStore(
          connection.sync(),
          keyPrefix,
          clock,
          null,
          () -> {
            connection.close();
            client.shutdown();
            Future<?> unused = resources.shutdown();
          });
    } catch (RedisException e) {
      client.shutdown();
      Future<?> unused = resources.shutdown();
      throw new IdempotencyStoreException("Redis idempotency store could not connect", e);
    }
  }

  private String redisKey(String key) {
    return prefix + "{" + key + "}";
  }

  @SuppressWarnings("TypeParameterUnusedInFormals") // as Lettuce's own eval
  private <T> T eval(String script, ScriptOutputType type, String key, String... args) {
    try {
      return redis.eval(script, type, new String[] {redisKey(key)}, args);
    } catch (RedisNoScriptException e) {
      throw new IdempotencyStoreException("Redis rejected the script", e);
    } catch (RedisException e) {
      throw new IdempotencyStoreException(
          "Redis idempotency store failed: " + e.getClass().getSimpleName(), e);
    }
  }

  @Override
  public Acquisition acquire(String key, String fingerprint, Duration lease) {
    String token = tokens.next();
    List<Object> reply =
        eval(
            ACQUIRE,
            ScriptOutputType.MULTI,
            key,
            fingerprint,
            token,
            Long.toString(clock.millis()),
            Long.toString(Math.max(1, lease.toMillis())));
    return switch (String.valueOf(reply.get(0))) {
      case "A" -> new Acquisition.Acquired(token);
      case "M" -> new Acquisition.FingerprintMismatch();
      case "C" -> new Acquisition.Completed(Integer.parseInt(String.valueOf(reply.get(1))));
      default ->
          new Acquisition.InProgress(
              Duration.ofMillis(Long.parseLong(String.valueOf(reply.get(1)))));
    };
  }

  @Override
  public boolean complete(String key, String ownerToken, int status, Duration retention) {
    Long done =
        eval(
            COMPLETE,
            ScriptOutputType.INTEGER,
            key,
            ownerToken,
            Integer.toString(status),
            Long.toString(clock.millis()),
            Long.toString(Math.max(1, retention.toMillis())));
    return done == 1L;
  }

  @Override
  public boolean release(String key, String ownerToken) {
    Long done = eval(RELEASE, ScriptOutputType.INTEGER, key, ownerToken);
    return done == 1L;
  }

  @Override
  public Enqueued enqueue(InboxEntry entry, String fingerprint, @Nullable Duration heldFor) {
    return inbox.enqueue(entry, fingerprint, heldFor);
  }

  @Override
  public List<ClaimedEntry> claimDue(String endpoint, int max, Duration lease) {
    return inbox.claimDue(endpoint, max, lease);
  }

  @Override
  public boolean heartbeat(String key, String ownerToken, Duration lease) {
    return inbox.heartbeat(key, ownerToken, lease);
  }

  @Override
  public boolean completeDelivery(String key, String ownerToken, int status, Duration retention) {
    return inbox.complete(key, ownerToken, status, retention);
  }

  @Override
  public boolean retry(String key, String ownerToken, Duration delay, String error) {
    return inbox.retry(key, ownerToken, delay, error);
  }

  @Override
  public boolean dead(String key, String ownerToken, String error) {
    return inbox.dead(key, ownerToken, error);
  }

  @Override
  public List<DeadEntry> listDead(String endpoint, int max) {
    return inbox.listDead(endpoint, max);
  }

  @Override
  public boolean replay(String key) {
    return inbox.replay(key);
  }

  @Override
  public int replayDead(String endpoint) {
    return inbox.replayDead(endpoint);
  }

  @Override
  public InboxStats stats(String endpoint) {
    return inbox.stats(endpoint);
  }

  /** Closes the client when this store created it ({@link #connect}); otherwise does nothing. */
  @Override
  public void close() {
    if (owned != null) {
      owned.run();
    }
  }

  @Override
  public String toString() {
    return "RedisIdempotencyStore[" + prefix + "]";
  }
}
