package io.webhookkit.core.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.webhookkit.core.WebhookWorkers;
import io.webhookkit.core.inbox.InboxStats;
import java.time.Duration;
import java.util.function.ToDoubleFunction;

/**
 * Micrometer meters of the deferred inbox, low cardinality only: the gauges {@code
 * webhook.inbox.depth} tagged {@code endpoint} and {@code state} (queued, retrying, processing,
 * dead) and {@code webhook.inbox.oldest.due} (seconds the oldest due delivery has waited — the one
 * figure to alert on), refreshed by the workers every poll; the timer {@code
 * webhook.handler.duration} and the counter {@code webhook.handler.attempts}, both tagged {@code
 * endpoint} and {@code outcome} (completed, retry, dead, lost). Give it to {@link
 * WebhookWorkers.Builder#listener}. Needs {@code micrometer-core}. Thread-safe.
 */
@SuppressWarnings("exports") // Micrometer is optional: applications that use this class bring it.
public final class InboxMeters implements WebhookWorkers.Listener {
  private final MeterRegistry registry;

  /** Meters in this registry. */
  public InboxMeters(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void onAttempt(String endpoint, String outcome, Duration duration) {
    Timer.builder("webhook.handler.duration")
        .description("Deferred webhook handler runs by endpoint and outcome")
        .tag("endpoint", endpoint)
        .tag("outcome", outcome)
        .register(registry)
        .record(duration);
    registry
        .counter("webhook.handler.attempts", "endpoint", endpoint, "outcome", outcome)
        .increment();
  }

  @Override
  public void onRegistered(String endpoint, WebhookWorkers workers) {
    gauge(workers, endpoint, "queued", InboxStats::queued);
    gauge(workers, endpoint, "retrying", InboxStats::retrying);
    gauge(workers, endpoint, "processing", InboxStats::processing);
    gauge(workers, endpoint, "dead", InboxStats::dead);
    Gauge.builder(
            "webhook.inbox.oldest.due",
            workers,
            w -> stats(w, endpoint).oldestDue().toMillis() / 1000.0)
        .description("Seconds the oldest due deferred delivery has waited")
        .baseUnit("seconds")
        .tag("endpoint", endpoint)
        .register(registry);
  }

  private void gauge(
      WebhookWorkers workers, String endpoint, String state, ToDoubleFunction<InboxStats> value) {
    Gauge.builder("webhook.inbox.depth", workers, w -> value.applyAsDouble(stats(w, endpoint)))
        .description("Deferred webhook deliveries by state")
        .tag("endpoint", endpoint)
        .tag("state", state)
        .register(registry);
  }

  private static InboxStats stats(WebhookWorkers w, String endpoint) {
    return w.stats().getOrDefault(endpoint, InboxStats.EMPTY);
  }
}
