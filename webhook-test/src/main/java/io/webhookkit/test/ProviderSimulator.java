package io.webhookkit.test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Sends a delivery the way a provider does: signs it, POSTs it, and retries on a non-2xx answer, a
 * timeout or a connection error, following a {@link RetrySchedule}. Like real providers it keeps
 * the delivery id and re-signs every attempt with the current time. The schedule's time can be
 * scaled ({@code timeScale(0.001)} turns a minute into 60 ms) so that tests run in seconds. Every
 * attempt and its answer is kept in the returned log. Thread-safe.
 */
public final class ProviderSimulator {
  private static final Pattern REASON = Pattern.compile("\"reason\"\\s*:\\s*\"([a-z_]+)\"");

  private final HttpClient client;
  private final RetrySchedule schedule;
  private final double timeScale;
  private final Duration timeout;

  private ProviderSimulator(Builder b) {
    this.client =
        b.client != null
            ? b.client
            : HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    this.schedule = b.schedule;
    this.timeScale = b.timeScale;
    this.timeout = b.timeout;
  }

  /**
   * A builder; defaults: the tutorial's exponential 1, 2, 4, 8 min schedule, real time, 30 s
   * timeout.
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * One attempt.
   *
   * @param number 1 for the first attempt
   * @param delay the scheduled wait before it (unscaled)
   * @param sentAt when it was sent
   * @param status the HTTP status, or 0 when there was no answer
   * @param reason the refusal's reason code from a problem body, if any
   * @param error what went wrong when there was no answer
   */
  public record Attempt(
      int number,
      Duration delay,
      Instant sentAt,
      int status,
      @Nullable String reason,
      @Nullable String error) {
    /** True for a 2xx answer. */
    public boolean succeeded() {
      return status >= 200 && status < 300;
    }
  }

  /**
   * The attempts of one delivery.
   *
   * @param delivery the delivery
   * @param attempts every attempt in order
   */
  public record DeliveryLog(TestDelivery delivery, List<Attempt> attempts) {
    /** True when the last attempt succeeded. */
    public boolean delivered() {
      return !attempts.isEmpty() && attempts.get(attempts.size() - 1).succeeded();
    }

    /** The last attempt. */
    public Attempt last() {
      return attempts.get(attempts.size() - 1);
    }
  }

  /** Delivers and retries until a 2xx answer or the schedule is exhausted. */
  public DeliveryLog deliver(URI url, TestDelivery delivery) throws InterruptedException {
    List<Attempt> attempts = new ArrayList<>();
    for (int n = 1; n <= schedule.maxAttempts(); n++) {
      Duration delay = n == 1 ? Duration.ZERO : schedule.delays().get(n - 2);
      long waitNanos = (long) (delay.toNanos() * timeScale);
      if (waitNanos > 0) {
        TimeUnit.NANOSECONDS.sleep(
            waitNanos); // the schedule's (scaled) wait is the simulated behaviour
      }
      Attempt attempt = send(url, delivery.withTimestamp(Instant.now()), n, delay);
      attempts.add(attempt);
      if (attempt.succeeded()) {
        break;
      }
    }
    return new DeliveryLog(delivery, List.copyOf(attempts));
  }

  /** Sends once, without retrying. */
  public Attempt sendOnce(URI url, TestDelivery delivery) throws InterruptedException {
    return send(url, delivery, 1, Duration.ZERO);
  }

  private Attempt send(URI url, TestDelivery delivery, int number, Duration delay)
      throws InterruptedException {
    Instant sentAt = Instant.now();
    try {
      HttpRequest request =
          HttpRequest.newBuilder(delivery.toHttpRequest(url), (k, v) -> true)
              .timeout(timeout)
              .build();
      HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
      Matcher m = REASON.matcher(new String(response.body(), StandardCharsets.UTF_8));
      return new Attempt(
          number, delay, sentAt, response.statusCode(), m.find() ? m.group(1) : null, null);
    } catch (HttpTimeoutException e) {
      return new Attempt(number, delay, sentAt, 0, null, "timeout");
    } catch (IOException e) {
      return new Attempt(number, delay, sentAt, 0, null, e.getClass().getSimpleName());
    }
  }

  /** Builds a simulator. */
  public static final class Builder {
    private @Nullable HttpClient client;
    private RetrySchedule schedule = RetrySchedule.exponential(Duration.ofMinutes(1), 4);
    private double timeScale = 1.0;
    private Duration timeout = Duration.ofSeconds(30);

    private Builder() {}

    /** The HTTP client (default: JDK client pinned to HTTP/1.1). */
    public Builder client(HttpClient client) {
      this.client = Objects.requireNonNull(client);
      return this;
    }

    /** The retry schedule. */
    public Builder schedule(RetrySchedule schedule) {
      this.schedule = Objects.requireNonNull(schedule);
      return this;
    }

    /** Multiplies every wait: {@code 0.001} makes a minute last 60 ms. */
    public Builder timeScale(double scale) {
      if (scale < 0) {
        throw new IllegalArgumentException("scale must not be negative");
      }
      this.timeScale = scale;
      return this;
    }

    /** How long to wait for an answer before counting a timeout (real time). */
    public Builder timeout(Duration timeout) {
      this.timeout = Objects.requireNonNull(timeout);
      return this;
    }

    /** The simulator. */
    public ProviderSimulator build() {
      return new ProviderSimulator(this);
    }
  }
}
