package io.webhookkit.store.redis;

import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisScriptingCommands;
import io.webhookkit.core.idempotency.IdempotencyStoreException;
import io.webhookkit.core.idempotency.OwnerTokens;
import io.webhookkit.core.inbox.ClaimedEntry;
import io.webhookkit.core.inbox.DeadEntry;
import io.webhookkit.core.inbox.DeliveryState;
import io.webhookkit.core.inbox.Enqueued;
import io.webhookkit.core.inbox.InboxEntry;
import io.webhookkit.core.inbox.InboxStats;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The inbox half of {@link RedisIdempotencyStore}: one hash per delivery ({@code
 * <prefix>{<endpoint>}:d:<key>}: state, fingerprint, owner, attempts, received, metadata, body in
 * Base64, type, last error) and per endpoint the sorted sets {@code ready} (queued, by due time),
 * {@code retry} (retry scheduled, by due time), {@code lease} (processing, by lease end) and {@code
 * dead}. Every operation is one Lua script over one endpoint's keys, all in the {@code
 * {<endpoint>}} hash slot (Redis Cluster), and reads Redis's own clock ({@code TIME}) unless a
 * clock was given. A completed delivery keeps its hash, without body, for its retention ({@code
 * PEXPIRE}). Thread-safe.
 */
final class RedisInbox {
  private static final String CLOCK =
      """
          local function clock(given)
            local n = tonumber(given)
            if n >= 0 then return n end
            local t = redis.call('TIME')
            return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
          end
          """;

  /** KEYS: hash, ready, lease. ARGV: now, fp, meta, body, type, state, owner, lease, member. */
  static final String ENQUEUE =
      CLOCK
          + "local now = clock(ARGV[1])\n"
          + "local st = redis.call('HGET', KEYS[1], 'state')\n"
          + "if st then\n"
          + "  local fp, status, exp = unpack(redis.call('HMGET', KEYS[1], 'fp', 'status', 'exp'))\n"
          + "  if not (st == 'C' and tonumber(exp) <= now) then\n"
          + "    if fp ~= ARGV[2] then return {'M'} end\n"
          + "    if st == 'C' then return {'C', status} end\n"
          + "    return {'E', st}\n"
          + "  end\n"
          + "end\n"
          + "redis.call('DEL', KEYS[1])\n"
          + "local held = ARGV[6] == 'P'\n"
          + "redis.call('HSET', KEYS[1], 'state', ARGV[6], 'fp', ARGV[2], 'meta', ARGV[3],"
          + " 'body', ARGV[4], 'type', ARGV[5], 'owner', ARGV[7], 'attempts', held and 1 or 0,"
          + " 'recv', now)\n"
          + "if held then redis.call('ZADD', KEYS[3], now + tonumber(ARGV[8]), ARGV[9])\n"
          + "else redis.call('ZADD', KEYS[2], now, ARGV[9]) end\n"
          + "return {'A'}\n";

  /** KEYS: ready, retry, lease. ARGV: now, max, owner, lease, hash prefix. */
  static final String CLAIM =
      CLOCK
          + "local now = clock(ARGV[1])\n"
          + "local max = tonumber(ARGV[2])\n"
          + "local cand = {}\n"
          + "for _, z in ipairs({KEYS[1], KEYS[2], KEYS[3]}) do\n"
          + "  local r = redis.call('ZRANGEBYSCORE', z, '-inf', now, 'WITHSCORES', 'LIMIT', 0, max)\n"
          + "  for i = 1, #r, 2 do table.insert(cand, {r[i], tonumber(r[i + 1]), z}) end\n"
          + "end\n"
          + "table.sort(cand, function(a, b) return a[2] < b[2] end)\n"
          + "local out = {}\n"
          + "for i = 1, math.min(max, #cand) do\n"
          + "  local m, z = cand[i][1], cand[i][3]\n"
          + "  local h = ARGV[5] .. m\n"
          + "  redis.call('ZREM', z, m)\n"
          + "  if redis.call('EXISTS', h) == 1 then\n"
          + "    local att = redis.call('HINCRBY', h, 'attempts', 1)\n"
          + "    redis.call('HSET', h, 'state', 'P', 'owner', ARGV[3])\n"
          + "    redis.call('ZADD', KEYS[3], now + tonumber(ARGV[4]), m)\n"
          + "    local v = redis.call('HMGET', h, 'type', 'meta', 'body', 'recv')\n"
          + "    table.insert(out, {m, v[1] or '', v[2], v[3], tostring(att), v[4]})\n"
          + "  end\n"
          + "end\n"
          + "return out\n";

  /** KEYS: hash, lease. ARGV: now, owner, lease, member. */
  static final String HEARTBEAT =
      CLOCK
          + "local now = clock(ARGV[1])\n"
          + "local st, owner = unpack(redis.call('HMGET', KEYS[1], 'state', 'owner'))\n"
          + "if st ~= 'P' or owner ~= ARGV[2] then return 0 end\n"
          + "redis.call('ZADD', KEYS[2], now + tonumber(ARGV[3]), ARGV[4])\n"
          + "return 1\n";

  /** KEYS: hash, lease. ARGV: now, owner, status, retention, member. */
  static final String COMPLETE =
      CLOCK
          + "local now = clock(ARGV[1])\n"
          + "local st, owner = unpack(redis.call('HMGET', KEYS[1], 'state', 'owner'))\n"
          + "if st ~= 'P' or owner ~= ARGV[2] then return 0 end\n"
          + "redis.call('HSET', KEYS[1], 'state', 'C', 'status', ARGV[3], 'owner', '',"
          + " 'exp', now + tonumber(ARGV[4]))\n"
          + "redis.call('HDEL', KEYS[1], 'meta', 'body')\n"
          + "redis.call('ZREM', KEYS[2], ARGV[5])\n"
          + "redis.call('PEXPIRE', KEYS[1], ARGV[4])\n"
          + "return 1\n";

  /** KEYS: hash, lease, retry. ARGV: now, owner, delay, error, member. */
  static final String RETRY =
      CLOCK
          + "local now = clock(ARGV[1])\n"
          + "local st, owner = unpack(redis.call('HMGET', KEYS[1], 'state', 'owner'))\n"
          + "if st ~= 'P' or owner ~= ARGV[2] then return 0 end\n"
          + "redis.call('HSET', KEYS[1], 'state', 'R', 'owner', '', 'err', ARGV[4])\n"
          + "redis.call('ZREM', KEYS[2], ARGV[5])\n"
          + "redis.call('ZADD', KEYS[3], now + tonumber(ARGV[3]), ARGV[5])\n"
          + "return 1\n";

  /** KEYS: hash, lease, dead. ARGV: owner, error, member. */
  static final String DEAD =
      """
          local st, owner, recv = unpack(redis.call('HMGET', KEYS[1], 'state', 'owner', 'recv'))
          if st ~= 'P' or owner ~= ARGV[1] then return 0 end
          redis.call('HSET', KEYS[1], 'state', 'D', 'owner', '', 'err', ARGV[2])
          redis.call('ZREM', KEYS[2], ARGV[3])
          redis.call('ZADD', KEYS[3], tonumber(recv), ARGV[3])
          return 1
          """;

  /** KEYS: ready, dead. ARGV: now, hash prefix, member ('' for every dead one). */
  static final String REPLAY =
      CLOCK
          + "local now = clock(ARGV[1])\n"
          + "local members = {ARGV[3]}\n"
          + "if ARGV[3] == '' then members = redis.call('ZRANGE', KEYS[2], 0, -1) end\n"
          + "local n = 0\n"
          + "for _, m in ipairs(members) do\n"
          + "  local h = ARGV[2] .. m\n"
          + "  if redis.call('HGET', h, 'state') == 'D' then\n"
          + "    redis.call('HSET', h, 'state', 'Q', 'attempts', 0)\n"
          + "    redis.call('ZREM', KEYS[2], m)\n"
          + "    redis.call('ZADD', KEYS[1], now, m)\n"
          + "    n = n + 1\n"
          + "  end\n"
          + "end\n"
          + "return n\n";

  /** KEYS: dead. ARGV: max, hash prefix. */
  static final String LIST_DEAD =
      """
          local out = {}
          for _, m in ipairs(redis.call('ZRANGE', KEYS[1], 0, tonumber(ARGV[1]) - 1)) do
            local v = redis.call('HMGET', ARGV[2] .. m, 'type', 'attempts', 'err', 'recv')
            table.insert(out, {m, v[1] or '', v[2] or '0', v[3] or '', v[4] or '0'})
          end
          return out
          """;

  /** KEYS: ready, retry, lease, dead. ARGV: now. */
  static final String STATS =
      CLOCK
          + "local now = clock(ARGV[1])\n"
          + "local oldest = now\n"
          + "for _, z in ipairs({KEYS[1], KEYS[2]}) do\n"
          + "  local first = redis.call('ZRANGE', z, 0, 0, 'WITHSCORES')\n"
          + "  if #first > 0 and tonumber(first[2]) < oldest then oldest = tonumber(first[2]) end\n"
          + "end\n"
          + "return {redis.call('ZCARD', KEYS[1]), redis.call('ZCARD', KEYS[2]),"
          + " redis.call('ZCARD', KEYS[3]), redis.call('ZCARD', KEYS[4]), now - oldest}\n";

  private final RedisScriptingCommands<String, String> redis;
  private final String prefix;
  private final @Nullable Clock clock;
  private final OwnerTokens tokens;

  RedisInbox(
      RedisScriptingCommands<String, String> redis,
      String prefix,
      @Nullable Clock clock,
      OwnerTokens tokens) {
    this.redis = redis;
    this.prefix = prefix;
    this.clock = clock;
    this.tokens = tokens;
  }

  private static String endpointOf(String key) {
    int colon = key.indexOf(':');
    return colon < 0 ? key : key.substring(0, colon);
  }

  private String slot(String endpoint) {
    return prefix + "{" + endpoint + "}:";
  }

  private String hashPrefix(String endpoint) {
    return slot(endpoint) + "d:";
  }

  private String hash(String key) {
    return hashPrefix(endpointOf(key)) + key;
  }

  private String set(String endpoint, String name) {
    return slot(endpoint) + name;
  }

  private String now() {
    return clock == null ? "-1" : Long.toString(clock.millis());
  }

  @SuppressWarnings("TypeParameterUnusedInFormals") // as Lettuce's own eval
  private <T> T eval(String script, ScriptOutputType type, String[] keys, String... args) {
    try {
      return redis.eval(script, type, keys, args);
    } catch (RedisException e) {
      throw new IdempotencyStoreException("Redis inbox failed: " + e.getClass().getSimpleName(), e);
    }
  }

  Enqueued enqueue(InboxEntry e, String fingerprint, @Nullable Duration heldFor) {
    String ep = e.endpoint();
    String token = heldFor == null ? "" : tokens.next();
    List<Object> reply =
        eval(
            ENQUEUE,
            ScriptOutputType.MULTI,
            new String[] {hash(e.key()), set(ep, "ready"), set(ep, "lease")},
            now(),
            fingerprint,
            e.metadata(),
            Base64.getEncoder().encodeToString(e.body()),
            e.eventType() == null ? "" : e.eventType(),
            heldFor == null ? "Q" : "P",
            token,
            Long.toString(heldFor == null ? 0 : heldFor.toMillis()),
            e.key());
    return switch (String.valueOf(reply.get(0))) {
      case "A" -> new Enqueued.Accepted(token);
      case "M" -> new Enqueued.FingerprintMismatch();
      case "C" -> new Enqueued.Completed(Integer.parseInt(String.valueOf(reply.get(1))));
      default -> new Enqueued.Pending(DeliveryState.ofCode(String.valueOf(reply.get(1)).charAt(0)));
    };
  }

  List<ClaimedEntry> claimDue(String endpoint, int max, Duration lease) {
    if (max <= 0) {
      return List.of();
    }
    String token = tokens.next();
    List<Object> reply =
        eval(
            CLAIM,
            ScriptOutputType.MULTI,
            new String[] {set(endpoint, "ready"), set(endpoint, "retry"), set(endpoint, "lease")},
            now(),
            Integer.toString(max),
            token,
            Long.toString(lease.toMillis()),
            hashPrefix(endpoint));
    List<ClaimedEntry> out = new ArrayList<>();
    for (Object row : reply) {
      List<?> r = (List<?>) row;
      String type = String.valueOf(r.get(1));
      out.add(
          new ClaimedEntry(
              new InboxEntry(
                  String.valueOf(r.get(0)),
                  endpoint,
                  type.isEmpty() ? null : type,
                  String.valueOf(r.get(2)),
                  Base64.getDecoder().decode(String.valueOf(r.get(3)))),
              token,
              Integer.parseInt(String.valueOf(r.get(4))),
              Instant.ofEpochMilli(Long.parseLong(String.valueOf(r.get(5))))));
    }
    return out;
  }

  private boolean one(String script, String[] keys, String... args) {
    Long done = eval(script, ScriptOutputType.INTEGER, keys, args);
    return done == 1L;
  }

  boolean heartbeat(String key, String token, Duration lease) {
    String ep = endpointOf(key);
    return one(
        HEARTBEAT,
        new String[] {hash(key), set(ep, "lease")},
        now(),
        token,
        Long.toString(lease.toMillis()),
        key);
  }

  boolean complete(String key, String token, int status, Duration retention) {
    String ep = endpointOf(key);
    return one(
        COMPLETE,
        new String[] {hash(key), set(ep, "lease")},
        now(),
        token,
        Integer.toString(status),
        Long.toString(Math.max(1, retention.toMillis())),
        key);
  }

  boolean retry(String key, String token, Duration delay, String error) {
    String ep = endpointOf(key);
    return one(
        RETRY,
        new String[] {hash(key), set(ep, "lease"), set(ep, "retry")},
        now(),
        token,
        Long.toString(delay.toMillis()),
        error,
        key);
  }

  boolean dead(String key, String token, String error) {
    String ep = endpointOf(key);
    return one(
        DEAD, new String[] {hash(key), set(ep, "lease"), set(ep, "dead")}, token, error, key);
  }

  List<DeadEntry> listDead(String endpoint, int max) {
    List<Object> reply =
        eval(
            LIST_DEAD,
            ScriptOutputType.MULTI,
            new String[] {set(endpoint, "dead")},
            Integer.toString(max),
            hashPrefix(endpoint));
    List<DeadEntry> out = new ArrayList<>();
    for (Object row : reply) {
      List<?> r = (List<?>) row;
      String type = String.valueOf(r.get(1));
      String err = String.valueOf(r.get(3));
      out.add(
          new DeadEntry(
              String.valueOf(r.get(0)),
              endpoint,
              type.isEmpty() ? null : type,
              Integer.parseInt(String.valueOf(r.get(2))),
              err.isEmpty() ? null : err,
              Instant.ofEpochMilli(Long.parseLong(String.valueOf(r.get(4))))));
    }
    return out;
  }

  boolean replay(String key) {
    String ep = endpointOf(key);
    Long n =
        eval(
            REPLAY,
            ScriptOutputType.INTEGER,
            new String[] {set(ep, "ready"), set(ep, "dead")},
            now(),
            hashPrefix(ep),
            key);
    return n == 1L;
  }

  int replayDead(String endpoint) {
    Long n =
        eval(
            REPLAY,
            ScriptOutputType.INTEGER,
            new String[] {set(endpoint, "ready"), set(endpoint, "dead")},
            now(),
            hashPrefix(endpoint),
            "");
    return n.intValue();
  }

  InboxStats stats(String endpoint) {
    List<Object> r =
        eval(
            STATS,
            ScriptOutputType.MULTI,
            new String[] {
              set(endpoint, "ready"),
              set(endpoint, "retry"),
              set(endpoint, "lease"),
              set(endpoint, "dead")
            },
            now());
    return new InboxStats(
        ((Number) r.get(0)).longValue(),
        ((Number) r.get(1)).longValue(),
        ((Number) r.get(2)).longValue(),
        ((Number) r.get(3)).longValue(),
        Duration.ofMillis(Math.max(0, ((Number) r.get(4)).longValue())));
  }
}
