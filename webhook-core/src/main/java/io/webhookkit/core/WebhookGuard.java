package io.webhookkit.core;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.webhookkit.core.forward.WebhookForwarder;
import io.webhookkit.core.forward.WebhookForwarderProvider;
import io.webhookkit.core.idempotency.Acquisition;
import io.webhookkit.core.idempotency.IdempotencyStore;
import io.webhookkit.core.idempotency.InMemoryIdempotencyStore;
import io.webhookkit.core.inbox.ClaimedEntry;
import io.webhookkit.core.inbox.DeliveryInbox;
import io.webhookkit.core.inbox.DeliveryState;
import io.webhookkit.core.inbox.Enqueued;
import io.webhookkit.core.inbox.InboxEntry;
import io.webhookkit.core.internal.ClientResolver;
import io.webhookkit.core.internal.ClockTimeMeter;
import io.webhookkit.core.internal.Fingerprints;
import io.webhookkit.core.internal.IpAddresses;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * Decides each request to one endpoint, running its checks in this order: HTTPS, client address,
 * rate limit, body size, unsigned handshake, signature, timestamp window, signed handshake, method
 * ({@code GET}/{@code HEAD}/{@code OPTIONS} only as handshakes), payload and delivery id,
 * idempotency. The first check that fails answers with its status and reason code as {@code
 * application/problem+json}; nothing after it runs and the handler is not called.
 *
 * <p>{@link #inspect} reads as that order: {@code transport} (HTTPS, address, rate limit, size),
 * {@code unsignedHandshake}, {@code verification} (signature, window), {@code signedHandshake},
 * {@code methodAndPayload}, {@code claim}; each phase either answers or lets the next one run.
 * Settlement after the handler is a {@code Settlement}'s, whose store retries run on the {@link
 * Builder#settlementScheduler scheduler} given.
 *
 * <p>Security facts: signatures are verified over the body bytes exactly as received, compared in
 * constant time; the timestamp window applies in both directions; forwarding headers are believed
 * only from trusted proxies; a refusal never contains a secret or an expected signature. Untrusted
 * input never throws out of {@link #inspect}. Every attempt is logged once on one line and passed
 * to the listener. Immutable and thread-safe.
 */
public final class WebhookGuard {
  private static final long STORE_RETRY_AFTER_SECONDS = 5;

  /**
   * The header on answers to deferred deliveries: {@code queued}, {@code processing}, {@code
   * retrying}, {@code dead} or {@code completed}.
   */
  public static final String DELIVERY_STATE_HEADER = "Webhook-Delivery-State";

  /** The {@link #DELIVERY_STATE_HEADER} value of a delivery the broker acknowledged. */
  public static final String FORWARDED_STATE = "forwarded";

  private final EndpointConfig config;
  private final ProviderRules rules;
  private final Clock clock;
  private final @Nullable IdempotencyStore store;
  private final ClientResolver clientResolver;
  private final @Nullable Bucket bucket;
  private final AttemptLog log;
  private final Settlement settlement;
  private final @Nullable DeliveryInbox inbox;
  private final @Nullable WebhookWorkers workers;
  private final @Nullable WebhookHandler handler;
  private final @Nullable WebhookForwarder forwarder;

  private WebhookGuard(Builder b) {
    this.config = b.config;
    this.rules = config.rules();
    this.clock = b.clock;
    this.clientResolver = new ClientResolver(config.trustedProxySet());
    IdempotencyStore s = b.store;
    if (config.idempotencyEnabled() && s == null) {
      s = InMemoryIdempotencyStore.create(clock, InMemoryIdempotencyStore.DEFAULT_MAXIMUM_SIZE);
    }
    this.store = config.idempotencyEnabled() ? s : null;
    this.bucket = config.rateLimit().map(this::bucket).orElse(null);
    this.log = new AttemptLog(config, b.listener);
    this.settlement = new Settlement(config, store, b.scheduler, log);
    this.workers = b.workers;
    this.handler = b.handler;
    this.inbox = config.processing().usesInbox() ? inbox(s, b) : null;
    this.forwarder = config.processing() == Processing.FORWARD ? forwarder(b) : null;
  }

  /**
   * The forwarder of a forward endpoint: the one given in code, else one made from the endpoint's
   * keys by the {@link WebhookForwarderProvider} on the class path (webhook-kafka).
   */
  private WebhookForwarder forwarder(Builder b) {
    WebhookForwarder given = b.forwarder;
    if (given != null) {
      return given;
    }
    for (WebhookForwarderProvider p :
        ServiceLoader.load(WebhookForwarderProvider.class, WebhookGuard.class.getClassLoader())) {
      return Objects.requireNonNull(p.create(config), "the forwarder provider answered null");
    }
    throw new WebhookConfigurationException(
        config.name(),
        EndpointConfig.PROCESSING,
        "forward needs a forwarder: add io.webhookkit:webhook-kafka to the class path and set"
            + " forward.kafka.bootstrap.servers, or give the guard one in code");
  }

  /** The inbox of a deferred or auto endpoint, checked against what the mode needs. */
  private DeliveryInbox inbox(@Nullable IdempotencyStore s, Builder b) {
    String mode = config.processing().code();
    if (!(s instanceof DeliveryInbox in)) {
      throw new WebhookConfigurationException(
          config.name(),
          EndpointConfig.PROCESSING,
          mode
              + " needs a store with a durable inbox (webhook.idempotency.store=jdbc or redis, or"
              + " memory for development); "
              + (s == null ? "there is none" : s.getClass().getSimpleName() + " has none"));
    }
    try {
      in.prepare(config.name());
    } catch (IllegalStateException notReady) {
      throw new WebhookConfigurationException(
          config.name(),
          EndpointConfig.PROCESSING,
          Objects.requireNonNullElse(notReady.getMessage(), "the inbox is not ready"));
    }
    WebhookWorkers w = b.workers;
    if (w != null && w.inbox() != in) {
      throw new WebhookConfigurationException(
          config.name(),
          EndpointConfig.PROCESSING,
          "the workers claim from another inbox than the idempotency store this guard writes to");
    }
    if (config.processing() == Processing.AUTO && (w == null || b.handler == null)) {
      throw new WebhookConfigurationException(
          config.name(),
          EndpointConfig.PROCESSING,
          "auto runs the handler on the worker pool within the deadline: give the endpoint a"
              + " handler and the workers");
    }
    if (config.transactional() && !in.joinsTransactions()) {
      throw new WebhookConfigurationException(
          config.name(),
          EndpointConfig.TRANSACTIONAL,
          "needs a store whose transactions a handler can join (the JDBC store); "
              + in.getClass().getSimpleName()
              + " cannot");
    }
    WebhookHandler h = b.handler;
    if (w != null && h != null) {
      w.register(config, h);
    }
    if (in instanceof InMemoryIdempotencyStore) {
      AttemptLog.LOG.warn(
          "webhook endpoint {} uses processing={} on the in-memory inbox: queued deliveries are"
              + " lost when this JVM stops; use webhook.idempotency.store=jdbc or redis in"
              + " production",
          config.name(),
          mode);
    }
    return in;
  }

  private Bucket bucket(EndpointConfig.RateLimit limit) {
    return Bucket.builder()
        .addLimit(
            Bandwidth.builder()
                .capacity(limit.permits())
                .refillGreedy(limit.permits(), limit.period())
                .build())
        .withCustomTimePrecision(new ClockTimeMeter(clock))
        .build();
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

  /**
   * The largest body to read, for adapters' {@link io.webhookkit.core.adapter.BoundedBody#read}.
   */
  public long maxBodySize() {
    return config.maxBodySize();
  }

  /** Decides one request, in the documented order. Never throws for any request. */
  public Decision inspect(WebhookRequest request) {
    Attempt a = new Attempt(request, System.nanoTime());
    try {
      Decision d;
      if ((d = transport(a)) != null
          || (d = unsignedHandshake(a)) != null
          || (d = verification(a)) != null
          || (d = signedHandshake(a)) != null
          || (d = methodAndPayload(a)) != null) {
        return d;
      }
      return claim(a);
    } catch (RuntimeException defect) {
      AttemptLog.LOG.error("webhook guard defect on endpoint {}", config.name(), defect);
      return refuse(a, Reason.INTERNAL_ERROR, "The request could not be checked.");
    }
  }

  /**
   * What one request has shown so far, passed from phase to phase; when the delivery proceeds, its
   * ticket.
   */
  private static final class Attempt extends Settlement.Ticket {
    final WebhookRequest request;
    ClientResolver.@Nullable Client resolved;
    @Nullable Payload payload;
    SignatureVerdict.@Nullable Verified verified;
    @Nullable WebhookEvent event;
    @Nullable String fingerprint;
    @Nullable String keyId;

    Attempt(WebhookRequest request, long start) {
      super(start);
      this.request = request;
    }

    /** The body's fingerprint, hashed once per attempt (the duplicate lookup, then the claim). */
    String fingerprint() {
      String f = fingerprint;
      if (f == null) {
        Payload p = payload;
        f = p != null ? p.fingerprint() : Fingerprints.xxh3(request.body());
        fingerprint = f;
      }
      return f;
    }

    /** The store key of this delivery id, made once per attempt (the lookup, then the claim). */
    String key(String endpoint, String id) {
      String k = key;
      if (k == null || !id.equals(keyId)) {
        k = endpoint + ":" + id;
        key = k;
        keyId = id;
      }
      return k;
    }

    Payload payload(ProviderRules rules) {
      Payload p = payload;
      if (p == null) {
        p = rules.parse(request);
        payload = p;
      }
      return p;
    }

    /**
     * The client address for logs: formatted only when a log line or a listener reads it. Without
     * trusted proxies the client is the peer, and nothing was resolved for it.
     */
    @Override
    public String client() {
      ClientResolver.Client r = resolved;
      return r != null
          ? r.display()
          : IpAddresses.display(IpAddresses.parse(request.remoteAddressValue()));
    }

    @Override
    public long startNanos() {
      return start;
    }

    @Override
    public @Nullable WebhookEvent event() {
      return event;
    }

    @Override
    public @Nullable String secretLabel() {
      SignatureVerdict.Verified v = verified;
      return v == null ? null : v.secretLabel();
    }
  }

  /** HTTPS, client address, rate limit, body size: what is known before the body is read. */
  private @Nullable Decision transport(Attempt a) {
    WebhookRequest request = a.request;
    boolean secure;
    byte @Nullable [] address;
    boolean loopback;
    if (clientResolver.hasTrustedProxies()) {
      ClientResolver.Client client = trustedClient(request);
      a.resolved = client;
      secure = client.secure();
      address = client.address();
      loopback = IpAddresses.isLoopback(address);
    } else {
      // no forwarding header can count: the peer is the client, parsed only when a rule reads it
      // (for the loopback exemption alone, an IPv4 peer is read without an array)
      secure = request.isSecure();
      if (config.allowedIpSet().isEmpty()) {
        address = null;
        loopback =
            config.requireHttps()
                && !secure
                && IpAddresses.isLoopback(request.remoteAddressValue());
      } else {
        address = IpAddresses.parse(request.remoteAddressValue());
        loopback = IpAddresses.isLoopback(address);
      }
    }
    if (config.requireHttps() && !secure && !loopback) {
      return refuse(a, Reason.HTTPS_REQUIRED, "Webhooks must be sent over HTTPS.");
    }
    if (!config.allowedIpSet().isEmpty() && !config.allowedIpSet().contains(address)) {
      return refuse(a, Reason.IP_NOT_ALLOWED, "The client address is not allowed.");
    }
    if (bucket != null) {
      ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
      if (!probe.isConsumed()) {
        long seconds = ceilSeconds(probe.getNanosToWaitForRefill());
        return refuse(a, Reason.RATE_LIMITED, "Too many requests; retry later.", seconds);
      }
    }
    if (request.isBodyExceeded()
        || request.body().length > config.maxBodySize()
        || request.contentLengthValue() > config.maxBodySize()) {
      return refuse(
          a,
          Reason.PAYLOAD_TOO_LARGE,
          "The body is larger than " + config.maxBodySize() + " bytes.");
    }
    return null;
  }

  /** The client behind trusted proxies, as their forwarding headers name it. */
  private ClientResolver.Client trustedClient(WebhookRequest request) {
    Headers h = request.headers();
    return clientResolver.resolve(
        request.remoteAddressValue(),
        request.isSecure(),
        h.all("forwarded"),
        h.all("x-forwarded-for"),
        h.all("x-forwarded-proto"));
  }

  /** Handshakes a provider sends unsigned (e.g. a subscription check with a verify token). */
  private @Nullable Decision unsignedHandshake(Attempt a) {
    List<HandshakeResponder> responders = rules.unsignedHandshakes();
    for (int k = 0; k < responders.size(); k++) { // indexed: no iterator per delivery
      Optional<HandshakeAnswer> answer =
          responders.get(k).answer(a.request, a.payload(rules), null);
      if (answer.isPresent()) {
        return handshake(a, answer.get());
      }
    }
    return null;
  }

  /** The signature over the bytes as received, then the signed timestamp's two-sided window. */
  private @Nullable Decision verification(Attempt a) {
    SignatureScheme scheme = rules.signatureScheme();
    SignatureVerdict verdict =
        scheme.signsUrl()
            ? scheme.verify(
                a.request,
                RequestUrl.of(
                    a.request,
                    rules.publicUrl().orElse(null),
                    clientResolver.trusts(a.request.remoteAddressValue())))
            : scheme.verify(a.request);
    if (verdict instanceof SignatureVerdict.Failed failed) {
      return refuse(a, failed.reason(), failed.detail());
    }
    if (verdict instanceof SignatureVerdict.KeyUnavailable unavailable) {
      return refuse(
          a,
          Reason.KEY_UNAVAILABLE,
          unavailable.detail(),
          Math.max(1, ceilSeconds(unavailable.retryAfter().toNanos())));
    }
    SignatureVerdict.Verified verified = (SignatureVerdict.Verified) verdict;
    a.verified = verified;
    Instant timestamp = verified.timestamp();
    if (timestamp != null && outside(timestamp, clock.instant(), config.tolerance())) {
      return refuse(
          a,
          Reason.TIMESTAMP_OUT_OF_TOLERANCE,
          "The signed timestamp is more than "
              + config.tolerance().toSeconds()
              + " seconds away from this server's clock.");
    }
    return null;
  }

  /**
   * Whether {@code |t - now| > tolerance}, to the nanosecond, as {@code Duration.between(t,
   * now).abs().compareTo(tolerance) > 0} but without making the two durations per delivery.
   */
  static boolean outside(Instant t, Instant now, Duration tolerance) {
    long seconds = t.getEpochSecond() - now.getEpochSecond(); // both within ±3.2e16: no overflow
    long nanos = (long) t.getNano() - now.getNano();
    if (seconds < 0 || (seconds == 0 && nanos < 0)) {
      seconds = -seconds;
      nanos = -nanos;
    }
    if (nanos < 0) {
      seconds--;
      nanos += 1_000_000_000L;
    }
    return seconds > tolerance.getSeconds()
        || (seconds == tolerance.getSeconds() && nanos > tolerance.getNano());
  }

  /** Handshakes that are signed like a delivery (e.g. Slack's url_verification). */
  private @Nullable Decision signedHandshake(Attempt a) {
    List<HandshakeResponder> responders = rules.signedHandshakes();
    for (int k = 0; k < responders.size(); k++) {
      Optional<HandshakeAnswer> answer =
          responders.get(k).answer(a.request, a.payload(rules), a.secretLabel());
      if (answer.isPresent()) {
        return handshake(a, answer.get());
      }
    }
    return null;
  }

  /**
   * No delivery by {@code GET}/{@code HEAD}/{@code OPTIONS}; a well-formed body; a valid delivery
   * id where the provider sends one. Builds the event.
   */
  private @Nullable Decision methodAndPayload(Attempt a) {
    WebhookRequest request = a.request;
    if (isHandshakeMethod(request.method())) {
      return refuse(
          a,
          Reason.METHOD_NOT_ALLOWED,
          "Only a provider's handshake is answered to " + request.method() + ".");
    }
    Decision duplicate = completedDuplicate(a);
    if (duplicate != null) {
      return duplicate;
    }
    Payload payload = a.payload(rules);
    if (!payload.isWellFormed()) {
      return refuse(
          a,
          Reason.MALFORMED_PAYLOAD,
          "The body is not well-formed " + payload.kind().name().toLowerCase(Locale.ROOT) + ".");
    }
    SignatureVerdict.Verified verified = Objects.requireNonNull(a.verified);
    String deliveryId = verified.signedId();
    if (deliveryId == null) {
      deliveryId = rules.deliveryIdValue(request, payload);
    }
    if (deliveryId == null ? rules.deliveryIdRequired() : !LogValues.isValidId(deliveryId)) {
      return refuse(
          a,
          Reason.MALFORMED_PAYLOAD,
          deliveryId == null
              ? "The delivery id is missing."
              : "The delivery id must be 1 to 256 characters without control characters.");
    }
    a.event = event(request, payload, verified, deliveryId);
    return null;
  }

  /**
   * A delivery already completed with these very bytes, found before the body is read again: when
   * the delivery id comes from the signature or a header and the store answers from memory ({@link
   * IdempotencyStore#completedStatus}), the stored status is replayed without the JSON pass. The
   * bytes are those of a delivery that was well-formed when it completed (same fingerprint).
   */
  private @Nullable Decision completedDuplicate(Attempt a) {
    IdempotencyStore s = store;
    SignatureVerdict.Verified verified = a.verified;
    if (s == null || inbox != null || verified == null) {
      return null;
    }
    String id = verified.signedId();
    if (id == null) {
      id = rules.headerDeliveryIdValue(a.request);
    }
    if (id == null || !LogValues.isValidId(id)) {
      return null;
    }
    OptionalInt status;
    try {
      status = s.completedStatus(a.key(config.name(), id), a.fingerprint());
    } catch (RuntimeException storeDown) {
      return null; // the claim asks again, and answers a store that is down
    }
    if (status == null || status.isEmpty()) {
      return null;
    }
    log.emit(a, Outcome.DUPLICATE, null, status.getAsInt());
    return new Decision.Respond(status.getAsInt(), Map.of(), new byte[0], Outcome.DUPLICATE, null);
  }

  private WebhookEvent event(
      WebhookRequest request,
      Payload payload,
      SignatureVerdict.Verified verified,
      @Nullable String deliveryId) {
    return new WebhookEvent(
        config.name(),
        config.provider().name(),
        deliveryId,
        rules.eventTypeValue(request, payload),
        verified.timestamp(),
        verified.secretLabel(),
        request.headers(),
        request.body(),
        rules.attributes(request, payload));
  }

  /** Claims the delivery id in the idempotency store, so that only one attempt proceeds. */
  private Decision claim(Attempt a) {
    WebhookEvent event = Objects.requireNonNull(a.event);
    String deliveryId = event.deliveryIdValue();
    IdempotencyStore s = store;
    if (s == null || deliveryId == null) {
      DeliveryTicket unclaimed = settlement.unclaimed(a);
      WebhookForwarder f = forwarder;
      return f != null ? forward(a, f, event, unclaimed) : new Decision.Proceed(event, unclaimed);
    }
    String key = a.key(config.name(), deliveryId);
    DeliveryInbox in = inbox;
    if (in != null) {
      return enqueue(a, in, event, key);
    }
    Acquisition acquisition;
    try {
      Payload payload = a.payload(rules);
      acquisition =
          Objects.requireNonNull(
              s.acquire(key, a.fingerprint(), config.idempotencyLease()),
              "the store answered null");
      if (acquisition instanceof Acquisition.FingerprintMismatch) {
        // an entry written by 0.1 holds the body's SHA-256: compare with that before refusing
        acquisition =
            Objects.requireNonNull(
                s.acquire(key, payload.sha256Hex(), config.idempotencyLease()),
                "the store answered null");
      }
    } catch (RuntimeException storeDown) {
      AttemptLog.LOG.warn(
          "webhook idempotency store failed on endpoint {}: {}",
          config.name(),
          storeDown.toString());
      return refuse(
          a,
          Reason.STORE_UNAVAILABLE,
          "The delivery cannot be recorded right now; retry later.",
          STORE_RETRY_AFTER_SECONDS);
    }
    return answer(a, event, acquisition);
  }

  /** What the store's answer to the claim means for this attempt. */
  private Decision answer(Attempt a, WebhookEvent event, Acquisition acquisition) {
    if (acquisition instanceof Acquisition.Acquired acquired) {
      DeliveryTicket ticket = settlement.claimed(a, acquired.ownerToken());
      WebhookForwarder f = forwarder;
      return f != null ? forward(a, f, event, ticket) : new Decision.Proceed(event, ticket);
    }
    if (acquisition instanceof Acquisition.Completed completed) {
      int status = completed.status();
      log.emit(a, Outcome.DUPLICATE, null, status);
      return new Decision.Respond(status, Map.of(), new byte[0], Outcome.DUPLICATE, null);
    }
    if (acquisition instanceof Acquisition.InProgress inProgress) {
      return refuse(
          a,
          Reason.DELIVERY_IN_PROGRESS,
          "This delivery is being processed; retry later.",
          ceilSeconds(inProgress.retryAfter().toNanos()));
    }
    return refuse(
        a,
        Reason.DELIVERY_CONFLICT,
        "This delivery id was already received with a different body.");
  }

  /**
   * Forward: publishes the claimed delivery and waits up to {@code forward.timeout} for the broker.
   * Acknowledged: completed with the ack status, which answers the provider. Refused, failed or
   * late: released, and answered 503 so that the provider's retry is forwarded (a late
   * acknowledgement may still land: at-least-once into the topic, the key names the delivery).
   */
  private Decision forward(
      Attempt a, WebhookForwarder f, WebhookEvent event, DeliveryTicket ticket) {
    String failure;
    try {
      long deadline = System.nanoTime() + config.forwardTimeout().toNanos();
      CompletableFuture<?> acknowledged =
          f.forward(config.forwardTopic(), ForwardedRecord.of(event, config.secrets()))
              .toCompletableFuture();
      // the whole wait, a send blocked on metadata included, stays within forward.timeout
      acknowledged.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      int status = config.ackStatus();
      settlement.settleQuietly(ticket, true, status);
      log.emit(a, Outcome.FORWARDED, null, status);
      return new Decision.Respond(
          status,
          Map.of(DELIVERY_STATE_HEADER, FORWARDED_STATE),
          new byte[0],
          Outcome.FORWARDED,
          null);
    } catch (TimeoutException late) {
      failure = "no acknowledgement within " + config.forwardTimeout();
    } catch (ExecutionException refused) {
      Throwable cause = refused.getCause();
      failure = (cause != null ? cause : refused).toString();
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      failure = "interrupted";
    } catch (RuntimeException clientFailed) {
      failure = clientFailed.toString();
    }
    settlement.settleQuietly(ticket, false, Reason.FORWARD_UNAVAILABLE.status());
    AttemptLog.LOG.warn(
        "webhook forward failed on endpoint {} to topic {}: {}",
        config.name(),
        config.forwardTopic(),
        failure);
    return refuse(
        a,
        Reason.FORWARD_UNAVAILABLE,
        "The delivery cannot be handed on right now; retry later.",
        STORE_RETRY_AFTER_SECONDS);
  }

  /**
   * Deferred and auto: writes the delivery to the inbox in the claim of its id and answers only
   * after that write returned; a duplicate of an unfinished delivery gets the ack status.
   */
  private Decision enqueue(Attempt a, DeliveryInbox in, WebhookEvent event, String key) {
    InboxEntry entry = DeliveryCodec.entry(key, event, config.secrets());
    boolean auto = config.processing() == Processing.AUTO;
    Enqueued enqueued;
    try {
      Payload payload = a.payload(rules);
      Duration heldFor = auto ? config.idempotencyLease() : null;
      enqueued =
          Objects.requireNonNull(
              in.enqueue(entry, a.fingerprint(), heldFor), "the inbox answered null");
      if (enqueued instanceof Enqueued.FingerprintMismatch) {
        // an entry written by 0.1 holds the body's SHA-256: compare with that before refusing
        enqueued =
            Objects.requireNonNull(
                in.enqueue(entry, payload.sha256Hex(), heldFor), "the inbox answered null");
      }
    } catch (RuntimeException storeDown) {
      AttemptLog.LOG.warn(
          "webhook inbox failed on endpoint {}: {}", config.name(), storeDown.toString());
      return refuse(
          a,
          Reason.STORE_UNAVAILABLE,
          "The delivery cannot be recorded right now; retry later.",
          STORE_RETRY_AFTER_SECONDS);
    }
    if (enqueued instanceof Enqueued.Accepted accepted) {
      WebhookWorkers w = workers;
      WebhookHandler h = handler;
      if (auto && w != null && h != null) {
        return inline(a, w, h, new ClaimedEntry(entry, accepted.ownerToken(), 1, clock.instant()));
      }
      if (w != null) {
        w.wake();
      }
      return acknowledged(a, DeliveryState.QUEUED, Outcome.QUEUED);
    }
    if (enqueued instanceof Enqueued.Pending pending) {
      return acknowledged(a, pending.state(), Outcome.DUPLICATE);
    }
    if (enqueued instanceof Enqueued.Completed completed) {
      log.emit(a, Outcome.DUPLICATE, null, completed.status());
      return new Decision.Respond(
          completed.status(),
          Map.of(DELIVERY_STATE_HEADER, DeliveryState.COMPLETED.label()),
          new byte[0],
          Outcome.DUPLICATE,
          null);
    }
    return refuse(
        a,
        Reason.DELIVERY_CONFLICT,
        "This delivery id was already received with a different body.");
  }

  /**
   * Auto: the delivery is durable and held by this request; its handler runs on the pool while the
   * request waits up to the deadline. Completed in time: 200. Failed in time (its retry is
   * scheduled) or still running at the deadline: the ack status, and a worker finishes it.
   */
  private Decision inline(Attempt a, WebhookWorkers w, WebhookHandler h, ClaimedEntry claimed) {
    CompletableFuture<Boolean> done = w.runHeld(config, h, claimed);
    try {
      if (done.get(config.deadline().toNanos(), TimeUnit.NANOSECONDS)) {
        log.emit(a, Outcome.ACCEPTED, null, 200);
        return new Decision.Respond(
            200,
            Map.of(DELIVERY_STATE_HEADER, DeliveryState.COMPLETED.label()),
            new byte[0],
            Outcome.ACCEPTED,
            null);
      }
      return acknowledged(a, DeliveryState.RETRYING, Outcome.QUEUED);
    } catch (TimeoutException | ExecutionException late) {
      return acknowledged(a, DeliveryState.PROCESSING, Outcome.QUEUED);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return acknowledged(a, DeliveryState.PROCESSING, Outcome.QUEUED);
    }
  }

  private Decision acknowledged(Attempt a, DeliveryState state, Outcome outcome) {
    int status = config.ackStatus();
    log.emit(a, outcome, null, status);
    return new Decision.Respond(
        status, Map.of(DELIVERY_STATE_HEADER, state.label()), new byte[0], outcome, null);
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

  private Decision handshake(Attempt a, HandshakeAnswer answer) {
    Map<String, String> headers = new LinkedHashMap<>(answer.headers());
    headers.put("Content-Type", answer.contentType());
    log.emit(a, Outcome.HANDSHAKE, null, answer.status());
    return new Decision.Respond(answer.status(), headers, answer.body(), Outcome.HANDSHAKE, null);
  }

  private Decision refuse(Attempt a, Reason reason, String detail) {
    return refuse(a, reason, detail, null);
  }

  private Decision refuse(
      Attempt a, Reason reason, String detail, @Nullable Long retryAfterSeconds) {
    log.emit(a, Outcome.REJECTED, reason, reason.status());
    return Decision.refusal(reason, detail, retryAfterSeconds);
  }

  /** Builds a guard. Not thread-safe. */
  public static final class Builder {
    private final EndpointConfig config;
    private Clock clock = Clock.systemUTC();
    private @Nullable IdempotencyStore store;
    private WebhookListener listener = WebhookListener.NONE;
    private @Nullable ScheduledExecutorService scheduler;
    private @Nullable WebhookWorkers workers;
    private @Nullable WebhookHandler handler;
    private @Nullable WebhookForwarder forwarder;

    private Builder(EndpointConfig config) {
      this.config = Objects.requireNonNull(config, "config");
    }

    /** The clock for timestamp windows, leases and the rate limit. Default: the system's, UTC. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The idempotency store (default: a new in-memory store). Share one across endpoints. */
    public Builder idempotencyStore(IdempotencyStore store) {
      this.store = Objects.requireNonNull(store, "store");
      return this;
    }

    /** Told of every attempt. Default: nobody. */
    public Builder listener(WebhookListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Runs the retries of settlements the idempotency store could not take (completing or releasing
     * a delivery after its handler). Default: one daemon thread shared by every guard in the JVM,
     * started the first time a store fails. The guard never shuts it down.
     */
    public Builder settlementScheduler(ScheduledExecutorService scheduler) {
      this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
      return this;
    }

    /**
     * The worker pool of a deferred or auto endpoint: woken after each local enqueue, and in {@code
     * auto} the pool the handler runs on. Must claim from the idempotency store given here.
     */
    public Builder workers(WebhookWorkers workers) {
      this.workers = Objects.requireNonNull(workers, "workers");
      return this;
    }

    /**
     * The handler of a deferred or auto endpoint; registered with the {@link #workers} at {@link
     * #build()}. A receive-only instance gives workers no handler: other instances handle.
     */
    public Builder handler(WebhookHandler handler) {
      this.handler = Objects.requireNonNull(handler, "handler");
      return this;
    }

    /**
     * The forwarder of a {@code processing=forward} endpoint. Default: one made from the endpoint's
     * {@code forward.*} keys by the {@link WebhookForwarderProvider} on the class path. The guard
     * never closes it.
     */
    public Builder forwarder(WebhookForwarder forwarder) {
      this.forwarder = Objects.requireNonNull(forwarder, "forwarder");
      return this;
    }

    /**
     * The guard.
     *
     * @throws WebhookConfigurationException when {@code processing} needs what is missing: an inbox
     *     store, or for {@code auto} workers and a handler
     */
    public WebhookGuard build() {
      return new WebhookGuard(this);
    }
  }
}
