package io.webhookkit.core;

import io.webhookkit.core.idempotency.IdempotencyStore;
import io.webhookkit.core.internal.LogValues;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;
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
   * Makes {@code attempt} the ticket of a delivery that holds no claim (idempotency off, or no
   * delivery id).
   */
  DeliveryTicket unclaimed(Ticket attempt) {
    attempt.settlement = this;
    return attempt;
  }

  /**
   * Makes {@code attempt} the ticket of a delivery claimed under its {@link Ticket#key} with the
   * store's owner token.
   */
  DeliveryTicket claimed(Ticket attempt, String token) {
    Objects.requireNonNull(attempt.key, "a claim's key");
    attempt.token = token;
    attempt.settlement = this; // last: publishes the attempt to whoever settles it
    return attempt;
  }

  /**
   * Completes ({@code ok}) or releases the ticket's claim without telling of the attempt: the
   * caller tells (a forwarded delivery).
   */
  void settleQuietly(DeliveryTicket ticket, boolean ok, int status) {
    Ticket t = (Ticket) ticket;
    if (t.settleOnce()) {
      finish(t, ok, status);
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

  /**
   * A delivery's ticket. The guard's record of one attempt extends this class and becomes the
   * ticket when the delivery proceeds ({@link #unclaimed}, {@link #claimed}): no second object per
   * delivery. Binding it writes {@code settlement} last, and settling reads it first: a volatile
   * field, so that a thread that settles a ticket it got without synchronization still sees the
   * attempt's state, or fails plainly and stays unsettled.
   */
  abstract static class Ticket implements DeliveryTicket, AttemptLog.Facts {
    final long start;
    @Nullable String key; // the store key of the delivery id, once made; the claim's when claimed
    private @Nullable String token; // the store's owner token, when claimed
    private volatile @Nullable Settlement settlement; // set last, when the delivery proceeds
    private volatile boolean settled; // set once, through SETTLED

    Ticket(long start) {
      this.start = start;
    }

    /** True for the one caller that settles this ticket. */
    boolean settleOnce() {
      return SETTLED.compareAndSet(this, false, true);
    }

    @Override
    public void settle(int status) {
      Settlement owner = owner(); // before the ticket is spent: a misuse leaves it settleable
      if (settleOnce()) {
        boolean ok = status >= 200 && status < 300;
        owner.finish(this, ok, status);
        owner.log.emit(this, ok ? Outcome.ACCEPTED : Outcome.FAILED, null, status);
      }
    }

    @Override
    public void fail(Throwable error) {
      Settlement owner = owner();
      if (settleOnce()) {
        owner.finish(this, false, 500);
        AttemptLog.LOG.debug(
            "webhook handler failed on endpoint {}: {}", owner.config.name(), error.toString());
        owner.log.emit(this, Outcome.FAILED, null, 500);
      }
    }

    private Settlement owner() {
      return Objects.requireNonNull(settlement, "settled before the delivery proceeded");
    }

    @Override
    public boolean isSettled() {
      return settled;
    }

    /** The delivery id for a log line. */
    @Nullable String id() {
      WebhookEvent e = event();
      return e == null ? null : LogValues.clean(e.deliveryIdValue());
    }
  }

  private void finish(Ticket ticket, boolean ok, int status) {
    IdempotencyStore s = store;
    String k = ticket.key;
    String t = ticket.token;
    if (s != null && k != null && t != null) {
      // The claim holds until start + lease; past that another attempt may take it over.
      inStore(ticket, s, k, t, ok, status, 0, ticket.start + config.idempotencyLease().toNanos());
    }
  }

  private void inStore(
      Ticket ticket,
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
            ticket.id(),
            config.name(),
            config.idempotencyLease());
      } else if (attempt > 0) {
        AttemptLog.LOG.info(
            "webhook delivery {} on endpoint {} {} after {} retries of the idempotency store",
            ticket.id(),
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
            ticket.id(),
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
            ticket.id(),
            config.name(),
            storeDown.toString());
      }
      ScheduledFuture<?> unused =
          scheduler()
              .schedule(
                  () -> inStore(ticket, s, k, t, ok, status, attempt + 1, deadlineNanos),
                  delayMillis,
                  TimeUnit.MILLISECONDS);
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
