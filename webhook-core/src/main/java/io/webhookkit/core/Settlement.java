package io.webhookkit.core;

import io.webhookkit.core.idempotency.IdempotencyStore;
import io.webhookkit.core.internal.LogValues;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Settles the deliveries of one endpoint after their handler ran: completes a claimed delivery in
 * the idempotency store on a 2xx, releases it otherwise, and tells of the attempt. When the store
 * cannot take the settlement, it is tried again on the scheduler (100 ms, doubling to 2 s) until
 * the store answers or the claim's lease ends, so that a short outage neither loses a completed
 * delivery (its retry would be processed again) nor keeps a failed one locked. Thread-safe.
 */
final class Settlement {
  private final EndpointConfig config;
  private final @Nullable IdempotencyStore store;
  private final @Nullable ScheduledExecutorService scheduler;
  private final AttemptLog log;

  /**
   * @param scheduler runs the store retries; {@code null} for one shared daemon thread, started the
   *     first time a store fails
   */
  Settlement(
      EndpointConfig config,
      @Nullable IdempotencyStore store,
      @Nullable ScheduledExecutorService scheduler,
      AttemptLog log) {
    this.config = config;
    this.store = store;
    this.scheduler = scheduler;
    this.log = log;
  }

  /**
   * A ticket for a delivery that holds no claim (idempotency off, or no delivery id); {@code
   * client} tells the client address when a log line or listener asks.
   */
  DeliveryTicket unclaimed(WebhookEvent event, AttemptLog.Facts client, long startNanos) {
    return new Ticket(event, null, null, client, startNanos);
  }

  /** A ticket for a delivery claimed under {@code key} with the store's owner token. */
  DeliveryTicket claimed(
      WebhookEvent event, String key, String token, AttemptLog.Facts client, long startNanos) {
    return new Ticket(event, key, token, client, startNanos);
  }

  /**
   * Completes ({@code ok}) or releases the ticket's claim without telling of the attempt: the
   * caller tells (a forwarded delivery).
   */
  void settleQuietly(DeliveryTicket ticket, boolean ok, int status) {
    Ticket t = (Ticket) ticket;
    if (t.settleOnce()) {
      t.finish(ok, status);
    }
  }

  private static final VarHandle SETTLED;

  static {
    try {
      SETTLED = MethodHandles.lookup().findVarHandle(Ticket.class, "settled", boolean.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final class Ticket implements DeliveryTicket, AttemptLog.Facts {
    private final WebhookEvent event;
    private final @Nullable String key; // the claim's store key and owner token, when claimed
    private final @Nullable String token;
    private final AttemptLog.Facts client;
    private final long start;

    private volatile boolean settled; // set once, through SETTLED

    Ticket(
        WebhookEvent event,
        @Nullable String key,
        @Nullable String token,
        AttemptLog.Facts client,
        long start) {
      this.event = event;
      this.key = key;
      this.token = token;
      this.client = client;
      this.start = start;
    }

    /** True for the one caller that settles this ticket. */
    boolean settleOnce() {
      return SETTLED.compareAndSet(this, false, true);
    }

    @Override
    public void settle(int status) {
      if (settleOnce()) {
        boolean ok = status >= 200 && status < 300;
        finish(ok, status);
        log.emit(this, ok ? Outcome.ACCEPTED : Outcome.FAILED, null, status);
      }
    }

    @Override
    public void fail(Throwable error) {
      if (settleOnce()) {
        finish(false, 500);
        AttemptLog.LOG.debug(
            "webhook handler failed on endpoint {}: {}", config.name(), error.toString());
        log.emit(this, Outcome.FAILED, null, 500);
      }
    }

    @Override
    public boolean isSettled() {
      return settled;
    }

    @Override
    public String client() {
      return client.client();
    }

    @Override
    public long startNanos() {
      return start;
    }

    @Override
    public WebhookEvent event() {
      return event;
    }

    @Override
    public String secretLabel() {
      return event.secretLabel();
    }

    /** The delivery id for a log line. */
    private @Nullable String id() {
      return LogValues.clean(event.deliveryIdValue());
    }

    private void finish(boolean ok, int status) {
      IdempotencyStore s = store;
      String k = key;
      String t = token;
      if (s != null && k != null && t != null) {
        // The claim holds until start + lease; past that another attempt may take it over.
        inStore(s, k, t, ok, status, 0, start + config.idempotencyLease().toNanos());
      }
    }

    private void inStore(
        IdempotencyStore s,
        String k,
        String t,
        boolean ok,
        int status,
        int attempt,
        long deadlineNanos) {
      try {
        boolean owned =
            ok ? s.complete(k, t, status, config.idempotencyRetention()) : s.release(k, t);
        if (!owned) {
          AttemptLog.LOG.warn(
              "webhook delivery {} on endpoint {} outlived its lease ({}); another attempt may"
                  + " process it",
              id(),
              config.name(),
              config.idempotencyLease());
        } else if (attempt > 0) {
          AttemptLog.LOG.info(
              "webhook delivery {} on endpoint {} {} after {} retries of the idempotency store",
              id(),
              config.name(),
              ok ? "completed" : "released",
              attempt);
        }
      } catch (RuntimeException storeDown) {
        long delayMillis = Math.min(2_000, 100L << Math.min(attempt, 4));
        if (System.nanoTime() + delayMillis * 1_000_000L >= deadlineNanos) {
          AttemptLog.LOG.warn(
              "webhook idempotency store stayed unavailable for the lease of delivery {} on"
                  + " endpoint {}: {}; it was not recorded as {} and a retry may process it again",
              id(),
              config.name(),
              storeDown.toString(),
              ok ? "completed" : "released");
          return;
        }
        if (attempt == 0) {
          AttemptLog.LOG.warn(
              "webhook idempotency store failed to {} delivery {} on endpoint {}: {}; retrying"
                  + " until the lease ends",
              ok ? "complete" : "release",
              id(),
              config.name(),
              storeDown.toString());
        }
        ScheduledFuture<?> unused =
            scheduler()
                .schedule(
                    () -> inStore(s, k, t, ok, status, attempt + 1, deadlineNanos),
                    delayMillis,
                    TimeUnit.MILLISECONDS);
      }
    }
  }

  private ScheduledExecutorService scheduler() {
    ScheduledExecutorService s = scheduler;
    return s != null ? s : SharedScheduler.INSTANCE;
  }

  /** The default scheduler: one daemon thread for the JVM, made when first needed. */
  private static final class SharedScheduler {
    static final ScheduledExecutorService INSTANCE =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "webhook-settle-retry");
              t.setDaemon(true);
              return t;
            });
  }
}
