package io.webhookkit.core.internal.keys;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.webhookkit.core.internal.ClockTimeMeter;
import io.webhookkit.core.provider.RemoteKeys;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verification keys a provider publishes at a URL (a certificate, a JWKS, a key by id), fetched
 * only from the preset's {@link HostPin} over HTTPS, without redirects, with a bounded answer and
 * time-outs; cached per URL for the answer's {@code Cache-Control: max-age} within a floor and a
 * ceiling, and refreshed in the background once four fifths of that have passed (the request is
 * answered from the cache and does not wait); one fetch in flight per URL however many requests
 * wait; the last good keys kept while the host is down; a key id the cached set lacks refreshes it
 * at most once per interval, and URLs never fetched before (a certificate URL, a key by id) are
 * fetched at most a budget's worth per interval, so forged ids or URLs cannot cause a fetch storm.
 * A request never waits longer than the time-out: then the lookup is {@link KeyLookup.Unavailable}
 * and the guard answers 503 with {@code Retry-After}. Thread-safe.
 *
 * @param <K> the parsed key type
 */
public final class RemoteKeySource<K> {
  private static final Logger LOG = LoggerFactory.getLogger(RemoteKeySource.class);
  private static final Pattern MAX_AGE = Pattern.compile("max-age\\s*=\\s*(\\d+)");

  /** Parses a fetched answer into its keys by id ({@code ""} for a single key). */
  @FunctionalInterface
  public interface Parser<K> {
    /**
     * The keys in this answer.
     *
     * @throws Exception when the answer is not a key set of the expected kind
     */
    Map<String, K> parse(byte[] body) throws Exception;
  }

  /**
   * Fetched keys: fresh until {@code freshUntil}, refreshed in the background from {@code
   * refreshFrom}.
   */
  private record Entry<K>(
      Map<String, K> keys, Instant freshUntil, Instant refreshFrom, Instant fetchedAt) {}

  /** Builds the HTTP request that fetches the keys at a URL (a GET by default). */
  @FunctionalInterface
  public interface Request {
    /** The request for this URL, with the source's time-out. */
    HttpRequest to(URI url, Duration timeout);
  }

  private final HostPin pin;
  private final Parser<K> parser;
  private final HttpClient client;
  private final Duration timeout;
  private final long maxBytes;
  private final Duration floor;
  private final Duration ceiling;
  private final Duration defaultTtl;
  private final Duration minRefresh;
  private final Duration retryAfter;
  private final Clock clock;
  private final Executor fetcher;
  private final Cache<URI, Entry<K>> cache;
  private final Map<URI, CompletableFuture<Entry<K>>> inFlight = new ConcurrentHashMap<>();
  private final Map<URI, Instant> lastRefresh = new ConcurrentHashMap<>();
  private final Request request;
  private final Bucket newUrls;

  private RemoteKeySource(Builder<K> b) {
    this.pin = b.pin;
    this.parser = b.parser;
    this.timeout = b.timeout;
    this.maxBytes = b.maxBytes;
    this.floor = b.floor;
    this.ceiling = b.ceiling;
    this.defaultTtl = b.defaultTtl;
    this.minRefresh = b.minRefresh;
    this.retryAfter = b.retryAfter;
    this.clock = b.clock;
    HttpClient c = b.client;
    this.client =
        c != null
            ? c
            : HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(b.timeout)
                .build();
    this.fetcher =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "webhook-key-fetch");
              t.setDaemon(true);
              return t;
            });
    this.cache = Caffeine.newBuilder().maximumSize(b.maxUrls).build();
    this.request = b.request;
    this.newUrls =
        Bucket.builder()
            .addLimit(
                Bandwidth.builder()
                    .capacity(b.newUrlsPerInterval)
                    .refillGreedy(b.newUrlsPerInterval, b.minRefresh)
                    .build())
            .withCustomTimePrecision(new ClockTimeMeter(b.clock))
            .build();
  }

  /**
   * A builder for keys at URLs this pin admits (moved to the test server when the settings name
   * one), read by this parser, with the settings' client, time-out and clock.
   */
  public static <K> Builder<K> builder(HostPin pin, Parser<K> parser, RemoteKeys remoteKeys) {
    return new Builder<>(pin.under(remoteKeys), parser)
        .httpClient(remoteKeys.httpClient())
        .timeout(remoteKeys.timeout())
        .clock(remoteKeys.clock());
  }

  /** A builder for keys at URLs this pin admits, read by this parser. */
  public static <K> Builder<K> builder(HostPin pin, Parser<K> parser) {
    return new Builder<>(pin, parser);
  }

  /**
   * The key with this id at this URL.
   *
   * @param url where the provider publishes it (from the request or the preset)
   * @param kid the key id ({@code ""} for a URL holding a single key)
   */
  public KeyLookup<K> key(URI url, String kid) {
    String refused = pin.refusal(url);
    if (refused != null) {
      return new KeyLookup.Refused<>(refused);
    }
    Instant now = clock.instant();
    Entry<K> cached = cache.getIfPresent(url);
    if (cached != null && now.isBefore(cached.freshUntil())) {
      K key = cached.keys().get(kid);
      if (key != null) {
        if (!now.isBefore(cached.refreshFrom()) && !inFlight.containsKey(url)) {
          // near its expiry: refreshed off this request, which does not wait; a failure keeps the
          // cached keys (fetch failures are reported when a request has to wait for one)
          CompletableFuture<Entry<K>> unused = start(url, now);
        }
        return new KeyLookup.Found<>(key);
      }
      Instant last = lastRefresh.get(url);
      if (last != null && now.isBefore(last.plus(minRefresh))) {
        return new KeyLookup.NotFound<>(kid); // refreshed recently: a forged or retired id
      }
    }
    if (cached == null
        && !lastRefresh.containsKey(url)
        && !inFlight.containsKey(url)
        && !newUrls.tryConsume(1)) {
      // more never-seen URLs than the budget allows: forged ones, most likely; the provider retries
      return new KeyLookup.Unavailable<>("too many new key URLs", retryAfter);
    }
    CompletableFuture<Entry<K>> fetch = start(url, now);
    try {
      Entry<K> fresh = fetch.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
      cache.put(url, fresh);
      K key = fresh.keys().get(kid);
      return key != null ? new KeyLookup.Found<>(key) : new KeyLookup.NotFound<>(kid);
    } catch (TimeoutException | ExecutionException failed) {
      String why =
          failed instanceof TimeoutException
              ? "time-out"
              : String.valueOf(
                  Optional.ofNullable(failed.getCause())
                      .map(Throwable::getMessage)
                      .orElse("failed"));
      if (cached != null && cached.keys().containsKey(kid)) {
        LOG.warn(
            "webhook key fetch from {} failed ({}); using the last good key", url.getHost(), why);
        return new KeyLookup.Found<>(cached.keys().get(kid));
      }
      return new KeyLookup.Unavailable<>(why, retryAfter);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new KeyLookup.Unavailable<>("interrupted", retryAfter);
    }
  }

  /** The fetch of this URL under way, or a new one; what it fetches is cached when it completes. */
  private CompletableFuture<Entry<K>> start(URI url, Instant now) {
    return inFlight.computeIfAbsent(
        url,
        u -> {
          lastRefresh.put(u, now);
          return CompletableFuture.supplyAsync(() -> fetch(u), fetcher)
              .whenComplete(
                  (fetched, error) -> {
                    if (fetched != null) {
                      cache.put(u, fetched);
                    }
                  })
              .whenCompleteAsync((fetched, error) -> inFlight.remove(u), fetcher);
        });
  }

  /** Waits for the fetches under way (background refreshes included) to end: for tests. */
  void awaitFetches() {
    for (CompletableFuture<Entry<K>> f : List.copyOf(inFlight.values())) {
      f.handle((fetched, error) -> fetched).join();
    }
  }

  private Entry<K> fetch(URI url) {
    HttpResponse<InputStream> response;
    try {
      response = client.send(request.to(url, timeout), HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw new IllegalStateException("unreachable: " + e.getClass().getSimpleName(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    byte[] body;
    try (InputStream in = response.body()) {
      if (response.statusCode() != 200) {
        throw new IllegalStateException("answered " + response.statusCode());
      }
      long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
      if (declared > maxBytes) {
        throw new IllegalStateException("answer larger than " + maxBytes + " bytes");
      }
      body = in.readNBytes((int) maxBytes + 1);
      if (body.length > maxBytes) {
        throw new IllegalStateException("answer larger than " + maxBytes + " bytes");
      }
    } catch (IOException e) {
      throw new IllegalStateException("unreadable answer: " + e.getClass().getSimpleName(), e);
    }
    Map<String, K> keys;
    try {
      keys = Map.copyOf(parser.parse(body));
    } catch (Exception e) {
      throw new IllegalStateException("not a key: " + e.getClass().getSimpleName(), e);
    }
    Instant now = clock.instant();
    Duration ttl = ttl(response.headers().firstValue("Cache-Control"));
    return new Entry<>(keys, now.plus(ttl), now.plus(ttl.multipliedBy(4).dividedBy(5)), now);
  }

  /** {@code max-age} within [floor, ceiling]; {@code no-cache}/{@code no-store} mean the floor. */
  Duration ttl(Optional<String> cacheControl) {
    Duration ttl = defaultTtl;
    if (cacheControl.isPresent()) {
      String cc = cacheControl.get();
      Matcher m = MAX_AGE.matcher(cc);
      if (cc.contains("no-store") || cc.contains("no-cache")) {
        ttl = floor;
      } else if (m.find()) {
        ttl = Duration.ofSeconds(Long.parseLong(m.group(1)));
      }
    }
    if (ttl.compareTo(floor) < 0) {
      return floor;
    }
    return ttl.compareTo(ceiling) > 0 ? ceiling : ttl;
  }

  /** Configures the source; not thread-safe. */
  public static final class Builder<K> {
    private final HostPin pin;
    private final Parser<K> parser;
    private @Nullable HttpClient client;
    private Duration timeout = Duration.ofSeconds(3);
    private long maxBytes = 64 * 1024;
    private Duration floor = Duration.ofMinutes(1);
    private Duration ceiling = Duration.ofHours(24);
    private Duration defaultTtl = Duration.ofHours(1);
    private Duration minRefresh = Duration.ofMinutes(5);
    private Duration retryAfter = Duration.ofSeconds(30);
    private Clock clock = Clock.systemUTC();
    private long maxUrls = 100;
    private int newUrlsPerInterval = 10;
    private Request request =
        (url, timeout) ->
            HttpRequest.newBuilder(url).timeout(timeout).header("Accept", "*/*").GET().build();

    private Builder(HostPin pin, Parser<K> parser) {
      this.pin = Objects.requireNonNull(pin, "pin");
      this.parser = Objects.requireNonNull(parser, "parser");
    }

    /**
     * The HTTP client (tests: one trusting a local test CA). It must not follow redirects; the
     * default follows none and times out connecting after the time-out.
     */
    public Builder<K> httpClient(HttpClient client) {
      if (client.followRedirects() != HttpClient.Redirect.NEVER) {
        throw new IllegalArgumentException("the key source's client must not follow redirects");
      }
      this.client = client;
      return this;
    }

    /** The longest a request waits for a fetch (default 3 s). */
    public Builder<K> timeout(Duration timeout) {
      this.timeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /** The largest accepted answer (default 64 KiB). */
    public Builder<K> maxBytes(long maxBytes) {
      this.maxBytes = maxBytes;
      return this;
    }

    /** How long keys stay fresh: the answer's max-age within these bounds, else the default. */
    public Builder<K> freshness(Duration floor, Duration defaultTtl, Duration ceiling) {
      this.floor = floor;
      this.defaultTtl = defaultTtl;
      this.ceiling = ceiling;
      return this;
    }

    /** The least time between two refreshes caused by unknown key ids (default 5 min). */
    public Builder<K> minRefresh(Duration minRefresh) {
      this.minRefresh = minRefresh;
      return this;
    }

    /**
     * How the keys at a URL are asked for (default: a GET): for providers whose key endpoint wants
     * a POST or credentials. The request goes to the URL given, already admitted by the pin.
     */
    public Builder<K> request(Request request) {
      this.request = Objects.requireNonNull(request, "request");
      return this;
    }

    /**
     * How many URLs never fetched before may be fetched per refresh interval (default 10); past
     * that a lookup is unavailable until the budget refills.
     */
    public Builder<K> newUrlsPerInterval(int budget) {
      if (budget < 1) {
        throw new IllegalArgumentException("the new-URL budget is at least 1");
      }
      this.newUrlsPerInterval = budget;
      return this;
    }

    /** The {@code Retry-After} of an unavailable key (default 30 s). */
    public Builder<K> retryAfter(Duration retryAfter) {
      this.retryAfter = retryAfter;
      return this;
    }

    /** The clock of the freshness (default: the system's). */
    public Builder<K> clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The source. */
    public RemoteKeySource<K> build() {
      return new RemoteKeySource<>(this);
    }
  }
}
