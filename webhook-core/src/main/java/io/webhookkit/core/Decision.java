package io.webhookkit.core;

import io.webhookkit.core.internal.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The guard's verdict on one request: answer it now, or proceed to the handler.
 *
 * <p>Adapters write a {@link Respond} exactly as given (status, headers, body) and never call the
 * handler; for a {@link Proceed} they hand the event to the handler and settle the ticket with the
 * handler's status before the response is committed.
 */
public sealed interface Decision permits Decision.Respond, Decision.Proceed {

  /**
   * A refusal as every adapter answers it: the reason's status, {@code application/problem+json}
   * with {@code title}, {@code status}, {@code reason} and {@code detail}, {@code Retry-After} when
   * given, and {@code Allow: POST} for {@link Reason#METHOD_NOT_ALLOWED}. The detail must be a
   * fixed sentence, never a received value or a secret.
   */
  static Respond refusal(Reason reason, String detail, @Nullable Long retryAfterSeconds) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/problem+json");
    if (retryAfterSeconds != null) {
      headers.put("Retry-After", Long.toString(retryAfterSeconds));
    }
    if (reason == Reason.METHOD_NOT_ALLOWED) {
      headers.put("Allow", "POST");
    }
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("title", reason.title());
    problem.put("status", reason.status());
    problem.put("reason", reason.code());
    problem.put("detail", detail);
    return new Respond(reason.status(), headers, Json.object(problem), Outcome.REJECTED, reason);
  }

  /**
   * Answer now: a refusal (problem+json), a handshake answer, or a duplicate's stored status.
   *
   * @param status the HTTP status
   * @param headers headers to set, including {@code Content-Type} when there is a body and {@code
   *     Retry-After} where due
   * @param body the body bytes (possibly empty)
   * @param outcome how the attempt ended
   * @param reason the reason code for a refusal, {@code null} otherwise
   */
  record Respond(
      int status,
      Map<String, String> headers,
      byte[] body,
      Outcome outcome,
      @Nullable Reason reason)
      implements Decision {
    /** Copies the headers. */
    public Respond {
      headers = Map.copyOf(headers);
      Objects.requireNonNull(body, "body");
      Objects.requireNonNull(outcome, "outcome");
    }
  }

  /**
   * Call the handler with this event, then settle the ticket.
   *
   * @param event the verified event
   * @param ticket settles the delivery with the handler's status
   */
  record Proceed(WebhookEvent event, DeliveryTicket ticket) implements Decision {}
}
