package io.webhookkit.core;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.webhookkit.core.idempotency.Acquisition;
import io.webhookkit.core.idempotency.IdempotencyStore;
import io.webhookkit.core.idempotency.InMemoryIdempotencyStore;
import io.webhookkit.core.internal.ClientResolver;
import io.webhookkit.core.internal.ClockTimeMeter;
import io.webhookkit.core.internal.LogValues;
import io.webhookkit.core.provider.HandshakeAnswer;
import io.webhookkit.core.provider.HandshakeResponder;
import io.webhookkit.core.provider.Payload;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.signature.RequestUrl;
import io.webhookkit.core.signature.SignatureScheme;
import io.webhookkit.core.signature.SignatureVerdict;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides each request to one endpoint, running its checks in this order: HTTPS, client address,
 * rate limit, body size, unsigned handshake, signature, timestamp window, signed handshake, method
 * ({@code GET}/{@code HEAD}/{@code OPTIONS} only as handshakes), payload and delivery id,
 * idempotency. The first check that fails answers with its status and reason code as {@code
 * application/problem+json}; nothing after it runs and the handler is not called.
 *
 * <p>Security facts: signatures are verified over the body bytes exactly as received, compared in
 * constant time; the timestamp window applies in both directions; forwarding headers are believed
 * only from trusted proxies; a refusal never contains a secret or an expected signature. Untrusted
 * input never throws out of {@link #inspect}. Every attempt is logged once on one line and passed
 * to the listener. Immutable and thread-safe.
 */
public final class WebhookGuard {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookGuard.class);
  private static final long STORE_RETRY_AFTER_SECONDS = 5;

  /** Retries of settlements the store could not take; one daemon thread for the whole JVM. */
  private static final java.util.concurrent.ScheduledExecutorService SETTLE_RETRIES =
      java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "webhook-settle-retry");
            t.setDaemon(true);
            return t;
          });

  private final EndpointConfig config;
  private final ProviderRules rules;
  private final Clock clock;
  private final @Nullable IdempotencyStore store;
  private final WebhookListener listener;
  private final ClientResolver clientResolver;
  private final @Nullable Bucket bucket;

  private WebhookGuard(Builder b) {
    this.config = b.config;
    this.rules = config.rules();
    this.clock = b.clock;
    this.listener = b.listener;
    this.clientResolver = new ClientResolver(config.trustedProxySet());
    IdempotencyStore s = b.store;
    if (config.idempotencyEnabled() && s == null) {
      s = InMemoryIdempotencyStore.create(clock, InMemoryIdempotencyStore.DEFAULT_MAXIMUM_SIZE);
    }
    this.store = config.idempotencyEnabled() ? s : null;
    this.bucket =
        config
            .rateLimit()
            .map(
                limit ->
                    (Bucket)
                        Bucket.builder()
                            .addLimit(
                                Bandwidth.builder()
                                    .capacity(limit.permits())
                                    .refillGreedy(limit.permits(), limit.period())
                                    .build())
                            .withCustomTimePrecision(new ClockTimeMeter(clock))
                            .build())
            .orElse(null);
  }

  /** A guard with the system clock, an in-memory idempotency store and no listener. */
  public static WebhookGuard of(EndpointConfig config) {
    return builder(config).build();
  }

  /** A builder for a guard of this endpoint. */
  public static Builder builder(EndpointConfig config) {
    return new Builder(config);
  }

  /** The endpoint's configuration. */
  public EndpointConfig config() {
    return config;
  }

  /** The largest body to read, for adapters' {@link BoundedBody#read}. */
  public long maxBodySize() {
    return config.maxBodySize();
  }

  /** Decides one request. Never throws for any request. */
  public Decision inspect(WebhookRequest request) {
    long start = System.nanoTime();
    try {
      return decide(request, start);
    } catch (RuntimeException defect) {
      LOG.error("webhook guard defect on endpoint {}", config.name(), defect);
      return refuse(
          Reason.INTERNAL_ERROR, "The request could not be checked.", null, "unknown", start);
    }
  }

  private Decision decide(WebhookRequest request, long start) {
    Headers h = request.headers();
    ClientResolver.Client client =
        clientResolver.resolve(
            request.remoteAddress().orElse(null),
            request.isSecure(),
            h.all("forwarded"),
            h.all("x-forwarded-for"),
            h.all("x-forwarded-proto"));
    String clientText = client.display();

    if (config.requireHttps() && !client.secure() && !client.loopback()) {
      return refuse(
          Reason.HTTPS_REQUIRED, "Webhooks must be sent over HTTPS.", null, clientText, start);
    }
    if (!config.allowedIpSet().isEmpty() && !config.allowedIpSet().contains(client.address())) {
      return refuse(
          Reason.IP_NOT_ALLOWED, "The client address is not allowed.", null, clientText, start);
    }
    if (bucket != null) {
      ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
      if (!probe.isConsumed()) {
        long seconds = ceilSeconds(probe.getNanosToWaitForRefill());
        return refuse(
            Reason.RATE_LIMITED, "Too many requests; retry later.", seconds, clientText, start);
      }
    }
    OptionalLong declared = request.contentLength();
    if (request.isBodyExceeded()
        || request.body().length > config.maxBodySize()
        || (declared.isPresent() && declared.getAsLong() > config.maxBodySize())) {
      return refuse(
          Reason.PAYLOAD_TOO_LARGE,
          "The body is larger than " + config.maxBodySize() + " bytes.",
          null,
          clientText,
          start);
    }

    Payload payload = null;
    if (!rules.unsignedHandshakes().isEmpty()) {
      payload = rules.parse(request);
      for (HandshakeResponder responder : rules.unsignedHandshakes()) {
        Optional<HandshakeAnswer> answer = responder.answer(request, payload, null);
        if (answer.isPresent()) {
          return handshake(answer.get(), null, clientText, start);
        }
      }
    }

    SignatureScheme scheme = rules.signatureScheme();
    SignatureVerdict verdict =
        scheme.signsUrl()
            ? scheme.verify(
                request,
                RequestUrl.of(
                    request,
                    rules.publicUrl().orElse(null),
                    clientResolver.trusts(request.remoteAddress().orElse(null))))
            : scheme.verify(request);
    if (verdict instanceof SignatureVerdict.Failed) {
      SignatureVerdict.Failed failed = (SignatureVerdict.Failed) verdict;
      return refuse(failed.reason(), failed.detail(), null, clientText, start);
    }
    SignatureVerdict.Verified verified = (SignatureVerdict.Verified) verdict;
    Instant timestamp = verified.timestamp();
    if (timestamp != null) {
      Duration skew = Duration.between(timestamp, clock.instant()).abs();
      if (skew.compareTo(config.tolerance()) > 0) {
        return refuse(
            Reason.TIMESTAMP_OUT_OF_TOLERANCE,
            "The signed timestamp is more than "
                + config.tolerance().toSeconds()
                + " seconds away from this server's clock.",
            null,
            clientText,
            start);
      }
    }

    if (payload == null) {
      payload = rules.parse(request);
    }
    for (HandshakeResponder responder : rules.signedHandshakes()) {
      Optional<HandshakeAnswer> answer = responder.answer(request, payload, verified.secretLabel());
      if (answer.isPresent()) {
        return handshake(answer.get(), verified.secretLabel(), clientText, start);
      }
    }
    if (isHandshakeMethod(request.method())) {
      return refuse(
          Reason.METHOD_NOT_ALLOWED,
          "Only a provider's handshake is answered to " + request.method() + ".",
          null,
          clientText,
          start);
    }
    if (!payload.isWellFormed()) {
      return refuse(
          Reason.MALFORMED_PAYLOAD,
          "The body is not well-formed "
              + payload.kind().name().toLowerCase(java.util.Locale.ROOT)
              + ".",
          null,
          clientText,
          start);
    }
    String deliveryId = verified.signedId();
    if (deliveryId == null) {
      deliveryId = rules.deliveryId(request, payload).orElse(null);
    }
    if (deliveryId == null ? rules.deliveryIdRequired() : !LogValues.isValidId(deliveryId)) {
      return refuse(
          Reason.MALFORMED_PAYLOAD,
          deliveryId == null
              ? "The delivery id is missing."
              : "The delivery id must be 1 to 256 characters without control characters.",
          null,
          clientText,
          start);
    }
    String eventType = rules.eventType(request, payload).orElse(null);
    WebhookEvent event =
        new WebhookEvent(
            config.name(),
            config.provider().name(),
            deliveryId,
            eventType,
            timestamp,
            verified.secretLabel(),
            h,
            request.body(),
            rules.attributes(request, payload));

    if (store == null || deliveryId == null) {
      return new Decision.Proceed(event, new Ticket(event, null, null, clientText, start));
    }
    String key = config.name() + ":" + deliveryId;
    Acquisition acquisition;
    try {
      acquisition =
          Objects.requireNonNull(
              store.acquire(key, payload.sha256Hex(), config.idempotencyLease()),
              "the store answered null");
    } catch (RuntimeException storeDown) {
      LOG.warn(
          "webhook idempotency store failed on endpoint {}: {}",
          config.name(),
          storeDown.toString());
      return refuse(
          Reason.STORE_UNAVAILABLE,
          "The delivery cannot be recorded right now; retry later.",
          STORE_RETRY_AFTER_SECONDS,
          clientText,
          start,
          event);
    }
    if (acquisition instanceof Acquisition.Acquired) {
      String token = ((Acquisition.Acquired) acquisition).ownerToken();
      return new Decision.Proceed(event, new Ticket(event, key, token, clientText, start));
    }
    if (acquisition instanceof Acquisition.Completed) {
      int status = ((Acquisition.Completed) acquisition).status();
      record(event.endpoint(), event, clientText, Outcome.DUPLICATE, null, status, start);
      return new Decision.Respond(status, Map.of(), new byte[0], Outcome.DUPLICATE, null);
    }
    if (acquisition instanceof Acquisition.InProgress) {
      long seconds = ceilSeconds(((Acquisition.InProgress) acquisition).retryAfter().toNanos());
      return refuse(
          Reason.DELIVERY_IN_PROGRESS,
          "This delivery is being processed; retry later.",
          seconds,
          clientText,
          start,
          event);
    }
    return refuse(
        Reason.DELIVERY_CONFLICT,
        "This delivery id was already received with a different body.",
        null,
        clientText,
        start,
        event);
  }

  /**
   * True for {@code GET}, {@code HEAD} and {@code OPTIONS}: methods providers use for handshakes
   * only, never for a delivery. Adapters send such a request to the guard when it has no handler of
   * its own on a webhook endpoint's path; the guard never lets one proceed.
   */
  public static boolean isHandshakeMethod(String method) {
    return method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
  }

  private static long ceilSeconds(long nanos) {
    return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
  }

  private Decision handshake(
      HandshakeAnswer answer, @Nullable String secretLabel, String client, long start) {
    Map<String, String> headers = new LinkedHashMap<>(answer.headers());
    headers.put("Content-Type", answer.contentType());
    emit(
        new WebhookAttempt(
            config.name(),
            config.provider().name(),
            null,
            null,
            client,
            Outcome.HANDSHAKE,
            null,
            answer.status(),
            elapsed(start),
            secretLabel));
    return new Decision.Respond(answer.status(), headers, answer.body(), Outcome.HANDSHAKE, null);
  }

  private Decision refuse(
      Reason reason, String detail, @Nullable Long retryAfterSeconds, String client, long start) {
    return refuse(reason, detail, retryAfterSeconds, client, start, null);
  }

  private Decision refuse(
      Reason reason,
      String detail,
      @Nullable Long retryAfterSeconds,
      String client,
      long start,
      @Nullable WebhookEvent event) {
    emit(
        new WebhookAttempt(
            config.name(),
            config.provider().name(),
            event == null ? null : event.deliveryId().orElse(null),
            event == null ? null : event.eventType().orElse(null),
            client,
            Outcome.REJECTED,
            reason,
            reason.status(),
            elapsed(start),
            event == null ? null : event.secretLabel()));
    return Decision.refusal(reason, detail, retryAfterSeconds);
  }

  private void record(
      String endpoint,
      WebhookEvent event,
      String client,
      Outcome outcome,
      @Nullable Reason reason,
      int status,
      long start) {
    emit(
        new WebhookAttempt(
            endpoint,
            event.provider(),
            event.deliveryId().orElse(null),
            event.eventType().orElse(null),
            client,
            outcome,
            reason,
            status,
            elapsed(start),
            event.secretLabel()));
  }

  private static Duration elapsed(long start) {
    return Duration.ofNanos(System.nanoTime() - start);
  }

  private void emit(WebhookAttempt attempt) {
    if (LOG.isInfoEnabled()) {
      LOG.atInfo()
          .addKeyValue("endpoint", attempt.endpoint())
          .addKeyValue("provider", attempt.provider())
          .addKeyValue("delivery", LogValues.clean(attempt.deliveryId()))
          .addKeyValue("type", LogValues.clean(attempt.eventType()))
          .addKeyValue("client", attempt.clientAddress())
          .addKeyValue("outcome", attempt.outcome().code())
          .addKeyValue("reason", attempt.reason() == null ? null : attempt.reason().code())
          .addKeyValue("status", attempt.status())
          .addKeyValue("secret", attempt.secretLabel())
          .addKeyValue("durationMs", attempt.duration().toNanos() / 1_000_000.0)
          .log("webhook attempt");
    }
    try {
      listener.onAttempt(attempt);
    } catch (RuntimeException e) {
      LOG.warn("webhook listener failed on endpoint {}", config.name(), e);
    }
  }

  /** Settles one delivery; see {@link DeliveryTicket}. */
  private final class Ticket implements DeliveryTicket {
    private final WebhookEvent event;
    private final @Nullable String key;
    private final @Nullable String token;
    private final String client;
    private final long start;
    private final AtomicBoolean settled = new AtomicBoolean();

    Ticket(
        WebhookEvent event,
        @Nullable String key,
        @Nullable String token,
        String client,
        long start) {
      this.event = event;
      this.key = key;
      this.token = token;
      this.client = client;
      this.start = start;
    }

    @Override
    public void settle(int status) {
      if (!settled.compareAndSet(false, true)) {
        return;
      }
      boolean ok = status >= 200 && status < 300;
      finish(ok, status);
      record(
          event.endpoint(),
          event,
          client,
          ok ? Outcome.ACCEPTED : Outcome.FAILED,
          null,
          status,
          start);
    }

    @Override
    public void fail(Throwable error) {
      if (!settled.compareAndSet(false, true)) {
        return;
      }
      finish(false, 500);
      LOG.debug("webhook handler failed on endpoint {}: {}", config.name(), error.toString());
      record(event.endpoint(), event, client, Outcome.FAILED, null, 500, start);
    }

    private void finish(boolean ok, int status) {
      if (store == null || key == null || token == null) {
        return;
      }
      // The claim holds until start + lease; past that another attempt may take it over.
      settleInStore(ok, status, 0, start + config.idempotencyLease().toNanos());
    }

    /**
     * Records the outcome in the store; when the store fails, tries again in the background until
     * it answers or the lease runs out, so that a short store outage neither loses a completed
     * delivery (its retry would be processed again) nor keeps a failed one locked.
     */
    private void settleInStore(boolean ok, int status, int attempt, long deadlineNanos) {
      String id = LogValues.clean(event.deliveryId().orElse(null));
      try {
        boolean owned =
            ok
                ? store.complete(key, token, status, config.idempotencyRetention())
                : store.release(key, token);
        if (!owned) {
          LOG.warn(
              "webhook delivery {} on endpoint {} outlived its lease ({}); another attempt may process it",
              id,
              config.name(),
              config.idempotencyLease());
        } else if (attempt > 0) {
          LOG.info(
              "webhook delivery {} on endpoint {} {} after {} retries of the idempotency store",
              id,
              config.name(),
              ok ? "completed" : "released",
              attempt);
        }
      } catch (RuntimeException storeDown) {
        long delayMillis = Math.min(2_000, 100L << Math.min(attempt, 4));
        if (System.nanoTime() + delayMillis * 1_000_000L < deadlineNanos) {
          if (attempt == 0) {
            LOG.warn(
                "webhook idempotency store failed to {} delivery {} on endpoint {}: {}; retrying until the lease ends",
                ok ? "complete" : "release",
                id,
                config.name(),
                storeDown.toString());
          }
          SETTLE_RETRIES.schedule(
              () -> settleInStore(ok, status, attempt + 1, deadlineNanos),
              delayMillis,
              java.util.concurrent.TimeUnit.MILLISECONDS);
        } else {
          LOG.warn(
              "webhook idempotency store stayed unavailable for the lease of delivery {} on endpoint {}: {};"
                  + " it was not recorded as {} and a retry may process it again",
              id,
              config.name(),
              storeDown.toString(),
              ok ? "completed" : "released");
        }
      }
    }

    @Override
    public boolean isSettled() {
      return settled.get();
    }
  }

  /** Builds a guard. Not thread-safe. */
  public static final class Builder {
    private final EndpointConfig config;
    private Clock clock = Clock.systemUTC();
    private @Nullable IdempotencyStore store;
    private WebhookListener listener = WebhookListener.NONE;

    private Builder(EndpointConfig config) {
      this.config = Objects.requireNonNull(config, "config");
    }

    /** The clock for timestamp windows, leases and the rate limit. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The idempotency store (default: a new in-memory store). Share one across endpoints. */
    public Builder idempotencyStore(IdempotencyStore store) {
      this.store = Objects.requireNonNull(store, "store");
      return this;
    }

    /** Told of every attempt. */
    public Builder listener(WebhookListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /** The guard. */
    public WebhookGuard build() {
      return new WebhookGuard(this);
    }
  }
}
