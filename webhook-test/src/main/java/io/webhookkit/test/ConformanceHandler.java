package io.webhookkit.test;

import io.webhookkit.core.WebhookEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The application handler behind every conformance endpoint. An adapter's test server calls {@link
 * #handle} from its framework's normal handler, passing the event the adapter exposed, the body as
 * the handler read it the framework's way, and the request parameters; it answers with the returned
 * status. The kit tells it what to do per delivery id (fail, wait) and reads back what it saw. One
 * shared instance; thread-safe.
 */
public final class ConformanceHandler {
  private static final ConformanceHandler SHARED = new ConformanceHandler();

  /**
   * What the handler saw for one call.
   *
   * @param endpoint the endpoint name
   * @param event the event the adapter exposed, if any
   * @param body the body bytes as the handler read them
   * @param parameters the request parameters as the framework parsed them
   */
  public record Call(
      String endpoint,
      @Nullable WebhookEvent event,
      byte[] body,
      Map<String, List<String>> parameters) {}

  /**
   * One run of a handler outside the request ({@code deferred}, {@code auto}).
   *
   * @param endpoint the endpoint name
   * @param route which handler ran: the event pattern it was declared for
   * @param event the event the worker rebuilt from the inbox
   * @param boundId the payload's {@code id} as the adapter bound the body (its JSON mapper into a
   *     map or record), or {@code null} where the body has none
   * @param thread the thread it ran on
   * @param atNanos when it started ({@link System#nanoTime()})
   */
  public record Handled(
      String endpoint,
      String route,
      WebhookEvent event,
      @Nullable String boundId,
      String thread,
      long atNanos) {}

  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final List<Handled> handled = new CopyOnWriteArrayList<>();
  private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
  private final Map<String, CountDownLatch> gates = new ConcurrentHashMap<>();
  private final Map<String, CountDownLatch> entered = new ConcurrentHashMap<>();

  private ConformanceHandler() {}

  /** The shared instance. */
  public static ConformanceHandler shared() {
    return SHARED;
  }

  /** Handles one call and returns the status to answer with. */
  public int handle(
      String endpoint,
      @Nullable WebhookEvent event,
      byte[] body,
      Map<String, List<String>> parameters) {
    calls.add(new Call(endpoint, event, body, Map.copyOf(parameters)));
    String id = event == null ? null : event.deliveryId().orElse(null);
    if (id == null) {
      return 200;
    }
    CountDownLatch in = entered.get(id);
    if (in != null) {
      in.countDown();
    }
    CountDownLatch gate = gates.get(id);
    if (gate != null) {
      try {
        if (!gate.await(30, TimeUnit.SECONDS)) {
          return 504;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return 503;
      }
    }
    AtomicInteger failing = failures.get(id);
    if (failing != null && failing.getAndDecrement() > 0) {
      return 500;
    }
    return 200;
  }

  /**
   * Handles one delivery outside the request: what an adapter's {@code @WebhookHandler} (or CDI
   * observer, or core {@code WebhookHandler}) calls. Throws when told to fail, as a failing
   * application handler does; waits when held.
   *
   * @throws IllegalStateException when this delivery is told to fail
   */
  public void handleDeferred(
      String endpoint, String route, WebhookEvent event, @Nullable String boundId)
      throws InterruptedException {
    String id = event.deliveryId().orElse("");
    handled.add(
        new Handled(
            endpoint, route, event, boundId, Thread.currentThread().getName(), System.nanoTime()));
    synchronized (handled) {
      handled.notifyAll();
    }
    CountDownLatch in = entered.get(id);
    if (in != null) {
      in.countDown();
    }
    CountDownLatch gate = gates.get(id);
    if (gate != null && !gate.await(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the conformance gate never opened");
    }
    AtomicInteger failing = failures.get(id);
    if (failing != null && failing.getAndDecrement() > 0) {
      throw new IllegalStateException("the conformance handler fails on purpose");
    }
  }

  /** The runs outside the request of this delivery, in order. */
  public List<Handled> handledFor(String deliveryId) {
    List<Handled> out = new ArrayList<>();
    for (Handled h : handled) {
      if (h.event().deliveryId().filter(deliveryId::equals).isPresent()) {
        out.add(h);
      }
    }
    return out;
  }

  /**
   * Waits until this delivery was handled {@code count} times outside the request (woken by each
   * run, no sleeping), then returns the runs.
   *
   * @throws AssertionError when fewer ran within the time-out
   */
  public List<Handled> awaitHandled(String deliveryId, int count, Duration timeout)
      throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    synchronized (handled) {
      while (handledFor(deliveryId).size() < count) {
        long left = end - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError(
              "delivery "
                  + deliveryId
                  + " was handled "
                  + handledFor(deliveryId).size()
                  + " times, not "
                  + count
                  + ", within "
                  + timeout);
        }
        TimeUnit.NANOSECONDS.timedWait(handled, left);
      }
    }
    return handledFor(deliveryId);
  }

  /** The calls whose event has this delivery id. */
  public List<Call> callsFor(String deliveryId) {
    List<Call> out = new ArrayList<>();
    for (Call c : calls) {
      if (c.event() != null && c.event().deliveryId().filter(deliveryId::equals).isPresent()) {
        out.add(c);
      }
    }
    return out;
  }

  /** All calls to an endpoint whose body contains this text. */
  public List<Call> callsWithBodyContaining(String text) {
    List<Call> out = new ArrayList<>();
    for (Call c : calls) {
      if (new String(c.body(), StandardCharsets.UTF_8).contains(text)) {
        out.add(c);
      }
    }
    return out;
  }

  /** The next {@code times} calls for this delivery answer 500. */
  public void failNext(String deliveryId, int times) {
    failures.put(deliveryId, new AtomicInteger(times));
  }

  /**
   * Calls for this delivery wait until the gate opens; {@code entered} is counted down when a call
   * arrives.
   */
  public void hold(String deliveryId, CountDownLatch entered, CountDownLatch gate) {
    this.entered.put(deliveryId, entered);
    gates.put(deliveryId, gate);
  }
}
