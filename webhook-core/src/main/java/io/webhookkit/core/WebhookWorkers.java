package io.webhookkit.core;

import io.webhookkit.core.inbox.ClaimedEntry;
import io.webhookkit.core.inbox.DeadEntry;
import io.webhookkit.core.inbox.DeliveryInbox;
import io.webhookkit.core.inbox.InboxStats;
import io.webhookkit.core.internal.ConfigValues;
import io.webhookkit.core.internal.LogValues;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker pool of deferred deliveries: claims due deliveries of its endpoints from the inbox,
 * runs their {@link WebhookHandler} on a bounded pool of named threads ({@code webhook-worker-N},
 * {@code inbox.workers}), renews the leases of running handlers, completes a delivery when its
 * handler returns, schedules the next attempt on the endpoint's {@link
 * io.webhookkit.core.inbox.RetryPolicy} when it throws, and marks it dead after the last attempt
 * with its last error (class and message, the endpoint's secrets masked).
 *
 * <p>An idle pool looks for due deliveries every {@code inbox.poll}; a local enqueue wakes it at
 * once. Any instance may finish what another began: a delivery whose worker died is claimed again
 * when its lease ({@code idempotency.lease}) ran out. {@link #close()} stops claiming, lets running
 * handlers finish within {@code inbox.shutdown-grace} (their leases still renewed), then interrupts
 * the rest and releases them, due at once, their attempt counted. One line is logged per state
 * change (logger {@code io.webhookkit.core.WebhookWorkers}): started, completed, retry scheduled
 * with its delay, dead, replayed, lease lost. Thread-safe.
 */
public final class WebhookWorkers implements AutoCloseable {
  static final Logger LOG = LoggerFactory.getLogger(WebhookWorkers.class);

  /** The default number of worker threads ({@code inbox.workers}). */
  public static final int DEFAULT_WORKERS = 4;

  /** The default idle poll interval ({@code inbox.poll}). */
  public static final Duration DEFAULT_POLL = Duration.ofSeconds(1);

  /** The default grace for running handlers at shutdown ({@code inbox.shutdown-grace}). */
  public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(30);

  /** The application-wide key for the number of worker threads. */
  public static final String WORKERS_KEY = "webhook.inbox.workers";

  /** The application-wide key for the idle poll interval. */
  public static final String POLL_KEY = "webhook.inbox.poll";

  /** The application-wide key for the shutdown grace of running handlers. */
  public static final String SHUTDOWN_GRACE_KEY = "webhook.inbox.shutdown-grace";

  /**
   * The application-wide key of the adapters' inbox health (Actuator, Micronaut): DOWN when an
   * endpoint's oldest due delivery waited longer.
   */
  public static final String HEALTH_OLDEST_DUE_KEY = "webhook.inbox.health-oldest-due";

  /** Default {@value #HEALTH_OLDEST_DUE_KEY}: 5 minutes. */
  public static final Duration DEFAULT_HEALTH_OLDEST_DUE = Duration.ofMinutes(5);

  /** Told of every attempt a worker ran, for metrics. */
  @FunctionalInterface
  public interface Listener {
    /** Does nothing. */
    Listener NONE = (endpoint, outcome, duration) -> {};

    /**
     * One attempt ended.
     *
     * @param endpoint the endpoint
     * @param outcome {@code completed}, {@code unhandled} (completed: no handler takes its event
     *     type), {@code retry}, {@code dead} or {@code lost} (the lease was lost: another worker
     *     owns the delivery)
     * @param duration how long the handler ran
     */
    void onAttempt(String endpoint, String outcome, Duration duration);

    /** An endpoint's handler was registered with these workers (gauges start here). */
    default void onRegistered(String endpoint, WebhookWorkers workers) {}
  }

  private record Registration(EndpointConfig config, WebhookHandler handler) {}

  private static final class Held {
    final String endpoint;
    final String token;
    final Duration lease;
    final Thread thread = Thread.currentThread();
    volatile long renewedNanos = System.nanoTime();

    Held(String endpoint, String token, Duration lease) {
      this.endpoint = endpoint;
      this.token = token;
      this.lease = lease;
    }
  }

  private final DeliveryInbox inbox;
  private final int workers;
  private final Duration poll;
  private final Duration shutdownGrace;
  private final Clock clock;
  private final Listener listener;
  private final Map<String, Registration> endpoints = new ConcurrentHashMap<>();
  private final Map<String, Held> held = new ConcurrentHashMap<>();
  private final Map<String, InboxStats> stats = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> unhandled = new ConcurrentHashMap<>();
  private final UnaryOperator<Runnable> decorator;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition wake = lock.newCondition();
  private final Executor executor;
  private final @Nullable ThreadPoolExecutor owned;
  private final Object idle = new Object();
  private final ScheduledExecutorService heartbeats;
  private volatile boolean running;
  private volatile boolean closed;
  private boolean woken;
  private @Nullable Thread poller;
  private volatile boolean storeDown;
  private long statsRefreshedNanos;
  private boolean statsRefreshed;

  private WebhookWorkers(Builder b) {
    this.inbox = b.inbox;
    this.workers = b.workers;
    this.poll = b.poll;
    this.shutdownGrace = b.shutdownGrace;
    this.clock = b.clock;
    this.listener = b.listener;
    this.decorator = b.decorator;
    AtomicInteger n = new AtomicInteger();
    ThreadFactory factory = b.threadFactory;
    Executor given = b.executor;
    this.owned =
        given != null
            ? null
            : new ThreadPoolExecutor(
                workers,
                workers,
                0,
                TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(),
                factory != null
                    ? factory
                    : r -> daemon(r, "webhook-worker-" + n.incrementAndGet()));
    this.executor = given != null ? given : Objects.requireNonNull(owned);
    ScheduledThreadPoolExecutor beat =
        new ScheduledThreadPoolExecutor(1, r -> daemon(r, "webhook-inbox-heartbeat"));
    beat.setRemoveOnCancelPolicy(true);
    this.heartbeats = beat;
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  /** A builder over this inbox (the store the guards write to). */
  public static Builder builder(DeliveryInbox inbox) {
    return new Builder(inbox);
  }

  /** The inbox the workers claim from. */
  public DeliveryInbox inbox() {
    return inbox;
  }

  /**
   * Handles an endpoint's deferred deliveries with this handler (route by type with {@link
   * WebhookHandlers}). May be called before or after {@link #start()}.
   *
   * @throws IllegalStateException when the endpoint has a handler already
   */
  public void register(EndpointConfig config, WebhookHandler handler) {
    Registration r = new Registration(config, Objects.requireNonNull(handler, "handler"));
    if (endpoints.putIfAbsent(config.name(), r) != null) {
      throw new IllegalStateException("endpoint " + config.name() + " has a handler already");
    }
    listener.onRegistered(config.name(), this);
    wake();
  }

  /** Whether an endpoint has a handler here. */
  public boolean handles(String endpoint) {
    return endpoints.containsKey(endpoint);
  }

  /** Starts claiming (idempotent). */
  public synchronized void start() {
    if (running || closed) {
      return;
    }
    running = true;
    Thread t = daemon(this::pollLoop, "webhook-inbox-poller");
    poller = t;
    t.start();
    long beat = Math.max(20, Math.min(1_000, poll.toMillis()));
    ScheduledFuture<?> unused =
        heartbeats.scheduleWithFixedDelay(this::renewLeases, beat, beat, TimeUnit.MILLISECONDS);
  }

  /** Has the pool look for due deliveries now instead of at its next poll. */
  public void wake() {
    lock.lock();
    try {
      woken = true;
      wake.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private void pollLoop() {
    int round = 0;
    while (running) {
      boolean claimed = false;
      // Each round starts at the next endpoint, so a busy one cannot take every slot for good.
      List<Registration> all = new ArrayList<>(endpoints.values());
      for (int i = 0; i < all.size(); i++) {
        int free = workers - inFlight.get();
        if (free <= 0 || !running) {
          break;
        }
        claimed |= claim(all.get(Math.floorMod(round + i, all.size())), free);
      }
      round++;
      refreshStats();
      if (!claimed || inFlight.get() >= workers) {
        await();
      }
    }
  }

  private boolean claim(Registration r, int free) {
    String endpoint = r.config().name();
    List<ClaimedEntry> due;
    try {
      due = inbox.claimDue(endpoint, free, r.config().idempotencyLease());
      if (storeDown) {
        storeDown = false;
        LOG.info("webhook inbox answers again; claiming resumed");
      }
    } catch (RuntimeException e) {
      if (!storeDown) {
        storeDown = true;
        LOG.warn("webhook inbox failed to claim for endpoint {}: {}", endpoint, e.toString());
      }
      return false;
    }
    for (ClaimedEntry c : due) {
      inFlight.incrementAndGet();
      try {
        executor.execute(decorator.apply(() -> run(r, c, null)));
      } catch (RuntimeException rejected) {
        inFlight.decrementAndGet();
        release(c.key(), c.ownerToken(), "the worker pool is shutting down");
      }
    }
    return !due.isEmpty();
  }

  private void await() {
    lock.lock();
    try {
      long left = poll.toNanos();
      while (!woken && running && left > 0) {
        left = wake.awaitNanos(left);
      }
      woken = false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    } finally {
      lock.unlock();
    }
  }

  private void refreshStats() {
    long now = System.nanoTime();
    if (statsRefreshed && now - statsRefreshedNanos < poll.toNanos()) {
      return;
    }
    statsRefreshed = true;
    statsRefreshedNanos = now;
    for (String endpoint : endpoints.keySet()) {
      try {
        stats.put(endpoint, inbox.stats(endpoint));
      } catch (RuntimeException e) {
        // The store is down: the gauges keep the last figures; claim() logs the outage.
      }
    }
  }

  /**
   * Runs a delivery the request wrote as held ({@code auto}) now, on the pool; the future tells
   * whether it completed.
   */
  CompletableFuture<Boolean> runHeld(
      EndpointConfig config, WebhookHandler handler, ClaimedEntry c) {
    CompletableFuture<Boolean> done = new CompletableFuture<>();
    inFlight.incrementAndGet();
    try {
      executor.execute(decorator.apply(() -> run(new Registration(config, handler), c, done)));
    } catch (RuntimeException rejected) {
      inFlight.decrementAndGet();
      done.complete(false); // held under its lease: a worker claims it when the lease ends
    }
    return done;
  }

  private void run(Registration r, ClaimedEntry c, @Nullable CompletableFuture<Boolean> done) {
    EndpointConfig config = r.config();
    String endpoint = config.name();
    String id =
        Objects.requireNonNullElse(
            LogValues.clean(c.key().substring(Math.min(c.key().length(), endpoint.length() + 1))),
            "-");
    held.put(c.key(), new Held(endpoint, c.ownerToken(), config.idempotencyLease()));
    long start = System.nanoTime();
    boolean completed = false;
    try {
      LOG.atInfo()
          .addKeyValue("endpoint", endpoint)
          .addKeyValue("delivery", id)
          .addKeyValue("attempt", c.attempts())
          .log("webhook delivery started");
      WebhookEvent event;
      try {
        event = DeliveryCodec.event(c.entry());
      } catch (IllegalArgumentException unreadable) {
        // Not the core's metadata: no attempt can succeed, so it is dead at once.
        failed(config, c, id, unreadable, Duration.ZERO, true);
        return;
      }
      boolean owned;
      boolean taken = r.handler().handles(event);
      if (!taken) {
        // No handler takes this event type: complete it (a retry could not help), and count it.
        owned = inbox.completeDelivery(c.key(), c.ownerToken(), 200, config.idempotencyRetention());
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        if (owned) {
          completed = true;
          unhandled.computeIfAbsent(endpoint, e -> new LongAdder()).increment();
          LOG.atDebug()
              .addKeyValue("endpoint", endpoint)
              .addKeyValue("delivery", id)
              .addKeyValue("type", LogValues.clean(event.eventType().orElse("(none)")))
              .log("webhook delivery has no handler for its event type; completed as unhandled");
          tell(endpoint, "unhandled", took);
        } else {
          lost(endpoint, id, took);
        }
      } else if (config.transactional() && inbox.joinsTransactions()) {
        owned =
            inbox.completeWith(
                c.key(),
                c.ownerToken(),
                200,
                config.idempotencyRetention(),
                () -> r.handler().handle(event));
      } else {
        r.handler().handle(event);
        owned = inbox.completeDelivery(c.key(), c.ownerToken(), 200, config.idempotencyRetention());
      }
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      if (owned) {
        completed = true;
        LOG.atInfo()
            .addKeyValue("endpoint", endpoint)
            .addKeyValue("delivery", id)
            .addKeyValue("attempt", c.attempts())
            .addKeyValue("durationMs", took.toMillis())
            .log("webhook delivery completed");
        tell(endpoint, "completed", took);
      } else {
        lost(endpoint, id, took);
      }
    } catch (Exception | LinkageError | AssertionError e) {
      failed(config, c, id, e, Duration.ofNanos(System.nanoTime() - start), false);
    } finally {
      held.remove(c.key());
      inFlight.decrementAndGet();
      synchronized (idle) {
        idle.notifyAll();
      }
      if (done != null) {
        done.complete(completed);
      }
      wake();
    }
  }

  private void failed(
      EndpointConfig config,
      ClaimedEntry c,
      String id,
      Throwable e,
      Duration took,
      boolean permanent) {
    String endpoint = config.name();
    String error = errorText(config, e);
    if (closed && e instanceof InterruptedException) {
      return; // released by close()
    }
    Optional<Duration> next =
        permanent
            ? Optional.empty()
            : config.retryPolicy().next(c.attempts(), c.receivedAt(), clock.instant());
    try {
      if (next.isPresent()) {
        if (inbox.retry(c.key(), c.ownerToken(), next.get(), error)) {
          LOG.atInfo()
              .addKeyValue("endpoint", endpoint)
              .addKeyValue("delivery", id)
              .addKeyValue("attempt", c.attempts())
              .addKeyValue("nextIn", next.get())
              .addKeyValue("error", error)
              .log("webhook delivery retry scheduled");
          tell(endpoint, "retry", took);
        } else {
          lost(endpoint, id, took);
        }
      } else if (inbox.dead(c.key(), c.ownerToken(), error)) {
        LOG.atWarn()
            .addKeyValue("endpoint", endpoint)
            .addKeyValue("delivery", id)
            .addKeyValue("attempts", c.attempts())
            .addKeyValue("error", error)
            .log("webhook delivery dead");
        tell(endpoint, "dead", took);
      } else {
        lost(endpoint, id, took);
      }
    } catch (RuntimeException storeDown) {
      LOG.warn(
          "webhook inbox could not record the failure of delivery {} on endpoint {}: {}; it is"
              + " claimed again when its lease ends",
          id,
          endpoint,
          storeDown.toString());
    }
  }

  private void lost(String endpoint, String id, Duration took) {
    LOG.atWarn()
        .addKeyValue("endpoint", endpoint)
        .addKeyValue("delivery", id)
        .log("webhook delivery lost its lease; another worker owns it and may run it again");
    tell(endpoint, "lost", took);
  }

  private void tell(String endpoint, String outcome, Duration took) {
    try {
      listener.onAttempt(endpoint, outcome, took);
    } catch (RuntimeException e) {
      LOG.warn("webhook worker listener failed on endpoint {}", endpoint, e);
    }
  }

  /**
   * A failure as the inbox keeps it: class and message, at most 1,000 characters, with any of the
   * endpoint's secrets masked (a handler may have put one in a message).
   */
  static String errorText(EndpointConfig config, Throwable e) {
    String message = e.getMessage();
    String text = e.getClass().getName() + (message == null ? "" : ": " + message);
    for (Secret s : config.secrets()) {
      if (!s.reveal().isEmpty()) {
        text = text.replace(s.reveal(), "****");
      }
    }
    return text.length() > 1000 ? text.substring(0, 1000) : text;
  }

  /** Renews each running handler's lease once a third of it has passed. */
  private void renewLeases() {
    long now = System.nanoTime();
    for (Map.Entry<String, Held> h : held.entrySet()) {
      Held v = h.getValue();
      if (now - v.renewedNanos < v.lease.toNanos() / 3) {
        continue;
      }
      v.renewedNanos = now;
      try {
        if (!inbox.heartbeat(h.getKey(), v.token, v.lease)) {
          LOG.warn("webhook delivery {} lost its lease while its handler runs", h.getKey());
        }
      } catch (RuntimeException e) {
        LOG.debug("webhook inbox heartbeat failed: {}", e.toString());
      }
    }
  }

  private void release(String key, String token, String why) {
    try {
      inbox.retry(key, token, Duration.ZERO, why);
    } catch (RuntimeException e) {
      LOG.warn(
          "webhook delivery {} could not be released ({}); its lease will end", key, e.toString());
    }
  }

  /** The last figures of each endpoint's inbox (refreshed every poll), for gauges. */
  public Map<String, InboxStats> stats() {
    Map<String, InboxStats> out = new LinkedHashMap<>();
    for (String endpoint : endpoints.keySet()) {
      out.put(endpoint, stats.getOrDefault(endpoint, InboxStats.EMPTY));
    }
    return out;
  }

  /** How many deliveries of an endpoint were completed unhandled (no handler takes their type). */
  public long unhandled(String endpoint) {
    LongAdder n = unhandled.get(endpoint);
    return n == null ? 0 : n.sum();
  }

  /** Dead deliveries of one endpoint, oldest first. */
  public List<DeadEntry> dead(String endpoint, int max) {
    return inbox.listDead(endpoint, max);
  }

  /** Queues a dead delivery again; false when it is not dead. */
  public boolean replay(String key) {
    boolean replayed = inbox.replay(key);
    if (replayed) {
      LOG.atInfo().addKeyValue("delivery", LogValues.clean(key)).log("webhook delivery replayed");
      wake();
    }
    return replayed;
  }

  /** Queues every dead delivery of an endpoint again; returns how many. */
  public int replayDead(String endpoint) {
    int n = inbox.replayDead(endpoint);
    if (n > 0) {
      LOG.atInfo()
          .addKeyValue("endpoint", endpoint)
          .addKeyValue("count", n)
          .log("webhook dead deliveries replayed");
      wake();
    }
    return n;
  }

  /**
   * For health checks: whether every endpoint's oldest due delivery waited at most {@code
   * maxOldestDue} (false as well when the inbox does not answer), with each endpoint's depth and
   * oldest due age in {@code details}.
   */
  public boolean healthy(Duration maxOldestDue, Map<String, Object> details) {
    boolean up = true;
    for (String endpoint : endpoints.keySet()) {
      Map<String, Object> e = new LinkedHashMap<>();
      try {
        InboxStats s = inbox.stats(endpoint);
        e.put("depth", s.depth());
        e.put("dead", s.dead());
        e.put("oldestDue", s.oldestDue().toString());
        if (s.oldestDue().compareTo(maxOldestDue) > 0) {
          up = false;
          e.put("problem", "the oldest due delivery waited longer than " + maxOldestDue);
        }
      } catch (RuntimeException storeDown) {
        up = false;
        e.put("error", storeDown.getClass().getSimpleName());
      }
      details.put(endpoint, e);
    }
    return up;
  }

  /**
   * For management endpoints: per endpoint its depth by state, the oldest due age, and up to 20
   * dead deliveries (key, type, attempts, last error, received).
   */
  public Map<String, Object> describe() {
    Map<String, Object> out = new LinkedHashMap<>();
    for (String endpoint : endpoints.keySet()) {
      Map<String, Object> e = new LinkedHashMap<>();
      try {
        InboxStats s = inbox.stats(endpoint);
        e.put("queued", s.queued());
        e.put("retrying", s.retrying());
        e.put("processing", s.processing());
        e.put("dead", s.dead());
        e.put("oldestDue", s.oldestDue().toString());
        e.put("unhandled", unhandled(endpoint));
        List<Map<String, Object>> dead = new ArrayList<>();
        for (DeadEntry d : inbox.listDead(endpoint, 20)) {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("key", d.key());
          m.put("type", Objects.requireNonNullElse(d.eventType(), ""));
          m.put("attempts", d.attempts());
          m.put("lastError", Objects.requireNonNullElse(d.lastError(), ""));
          m.put("receivedAt", d.receivedAt().toString());
          dead.add(m);
        }
        e.put("deadDeliveries", dead);
      } catch (RuntimeException storeDown) {
        e.put("error", storeDown.getClass().getSimpleName());
      }
      out.put(endpoint, e);
    }
    return out;
  }

  /**
   * Stops claiming, lets running handlers finish within the shutdown grace, then interrupts those
   * still running and releases their deliveries (due at once, the attempt counted).
   */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      running = false;
    }
    wake();
    Thread p = poller;
    ThreadPoolExecutor own = owned;
    if (own != null) {
      own.shutdown();
    }
    try {
      if (p != null) {
        p.join(poll.toMillis() + 5_000);
      }
      if (!drained(own, shutdownGrace)) {
        Map<String, Held> running = new LinkedHashMap<>(held);
        if (own != null) {
          List<Runnable> unused = own.shutdownNow();
        } else {
          running.values().forEach(h -> h.thread.interrupt());
        }
        for (Map.Entry<String, Held> h : running.entrySet()) {
          release(h.getKey(), h.getValue().token, "released at shutdown after the grace");
          LOG.atWarn()
              .addKeyValue("endpoint", h.getValue().endpoint)
              .addKeyValue("delivery", LogValues.clean(h.getKey()))
              .log("webhook delivery released at shutdown; due again at once");
        }
        boolean unusedDone = drained(own, Duration.ofSeconds(5));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      heartbeats.shutdownNow();
    }
  }

  /** Whether every run ended within the time (the owned pool terminated, or none in flight). */
  private boolean drained(@Nullable ThreadPoolExecutor own, Duration within)
      throws InterruptedException {
    if (own != null) {
      return own.awaitTermination(within.toMillis(), TimeUnit.MILLISECONDS);
    }
    long end = System.nanoTime() + within.toNanos();
    synchronized (idle) {
      while (inFlight.get() > 0) {
        long left = end - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(idle, left);
      }
    }
    return true;
  }

  /** Configures the pool; not thread-safe. */
  public static final class Builder {
    private final DeliveryInbox inbox;
    private int workers = DEFAULT_WORKERS;
    private Duration poll = DEFAULT_POLL;
    private Duration shutdownGrace = DEFAULT_SHUTDOWN_GRACE;
    private Clock clock = Clock.systemUTC();
    private Listener listener = Listener.NONE;
    private @Nullable ThreadFactory threadFactory;
    private @Nullable Executor executor;
    private UnaryOperator<Runnable> decorator = UnaryOperator.identity();

    private Builder(DeliveryInbox inbox) {
      this.inbox = Objects.requireNonNull(inbox, "inbox");
    }

    /**
     * Reads the application-wide keys {@value #WORKERS_KEY}, {@value #POLL_KEY} and {@value
     * #SHUTDOWN_GRACE_KEY} (unset keys keep their defaults), as every adapter does.
     *
     * @param keys looks up a full key
     * @throws WebhookConfigurationException naming the key that does not parse
     */
    public Builder settings(Function<String, @Nullable String> keys) {
      String n = keys.apply(WORKERS_KEY);
      try {
        if (n != null && !n.isBlank()) {
          workers(ConfigValues.positiveInt(n));
        }
      } catch (IllegalArgumentException e) {
        throw new WebhookConfigurationException(WORKERS_KEY, String.valueOf(e.getMessage()));
      }
      Duration p = duration(keys, POLL_KEY);
      if (p != null) {
        poll(p);
      }
      Duration g = duration(keys, SHUTDOWN_GRACE_KEY);
      if (g != null) {
        shutdownGrace(g);
      }
      return this;
    }

    private static @Nullable Duration duration(
        Function<String, @Nullable String> keys, String key) {
      String v = keys.apply(key);
      if (v == null || v.isBlank()) {
        return null;
      }
      try {
        Duration d = ConfigValues.duration(v);
        if (d.isNegative() || (d.isZero() && !key.equals(SHUTDOWN_GRACE_KEY))) {
          throw new IllegalArgumentException("must be positive");
        }
        return d;
      } catch (IllegalArgumentException e) {
        throw new WebhookConfigurationException(key, String.valueOf(e.getMessage()));
      }
    }

    /** Worker threads ({@code inbox.workers}, default 4). */
    public Builder workers(int workers) {
      if (workers < 1 || workers > 1024) {
        throw new IllegalArgumentException("inbox.workers must be 1 to 1024");
      }
      this.workers = workers;
      return this;
    }

    /** How often an idle pool looks for due deliveries ({@code inbox.poll}, default 1 s). */
    public Builder poll(Duration poll) {
      if (poll.isNegative() || poll.isZero()) {
        throw new IllegalArgumentException("inbox.poll must be positive");
      }
      this.poll = poll;
      return this;
    }

    /** How long running handlers may finish at shutdown ({@code inbox.shutdown-grace}). */
    public Builder shutdownGrace(Duration grace) {
      if (grace.isNegative()) {
        throw new IllegalArgumentException("inbox.shutdown-grace must not be negative");
      }
      this.shutdownGrace = grace;
      return this;
    }

    /** The clock for the retry schedule's max-age (default: the system's). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Told of every attempt (e.g. {@code InboxMeters}). */
    public Builder listener(Listener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Where the worker threads come from: a framework's factory (Spring's virtual threads, a
     * Jakarta {@code ManagedThreadFactory}, Micronaut's). Default: daemon threads named {@code
     * webhook-worker-N}.
     */
    public Builder threadFactory(ThreadFactory threadFactory) {
      this.threadFactory = Objects.requireNonNull(threadFactory, "threadFactory");
      return this;
    }

    /**
     * Runs handlers on the framework's executor instead of a pool of the kit's own (Micronaut's
     * blocking executor, a Jakarta {@code ManagedExecutorService}): at most {@code inbox.workers}
     * run at once; the executor is not shut down by {@link #close()}, which waits for the runs
     * within the grace and then interrupts and releases the rest.
     */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * Wraps every handler run, as Spring's {@code TaskDecorator}: to carry a security, tracing or
     * logging context onto the worker thread. Default: none.
     */
    public Builder decorator(UnaryOperator<Runnable> decorator) {
      this.decorator = Objects.requireNonNull(decorator, "decorator");
      return this;
    }

    /** The pool, not started. */
    public WebhookWorkers build() {
      return new WebhookWorkers(this);
    }
  }
}
