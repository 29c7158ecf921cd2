package io.webhookkit.core;

/**
 * Why a request was refused: the reason code in the problem body, logs and metrics, with the status
 * it is answered with. The codes are public API.
 */
public enum Reason {
  /** Plain HTTP from a client that is not on this machine. */
  HTTPS_REQUIRED("https_required", 403, "HTTPS required"),
  /** The client address is not in {@code allowed-ips}. */
  IP_NOT_ALLOWED("ip_not_allowed", 403, "Client address not allowed"),
  /** Over {@code rate-limit}; the answer carries {@code Retry-After}. */
  RATE_LIMITED("rate_limited", 429, "Too many requests"),
  /** The body is larger than {@code max-body-size}. */
  PAYLOAD_TOO_LARGE("payload_too_large", 413, "Payload too large"),
  /** The signature header (or a header it needs) is absent. */
  SIGNATURE_MISSING("signature_missing", 401, "Signature missing"),
  /** No signature matched any configured secret, or the signature header is malformed. */
  SIGNATURE_INVALID("signature_invalid", 401, "Invalid signature"),
  /**
   * The provider signs with a key the kit fetches (a certificate, a JWKS) and it could not be had
   * in time from the provider's pinned host, nor is a good one cached: fail closed, the answer
   * carries {@code Retry-After} so that the provider retries.
   */
  KEY_UNAVAILABLE("key_unavailable", 503, "Verification key unavailable"),
  /** The signed timestamp is outside {@code tolerance}, in either direction. */
  TIMESTAMP_OUT_OF_TOLERANCE(
      "timestamp_out_of_tolerance", 401, "Timestamp outside the accepted window"),
  /**
   * A {@code GET}, {@code HEAD} or {@code OPTIONS} request that is no handshake: providers deliver
   * with a body; the answer carries {@code Allow: POST}.
   */
  METHOD_NOT_ALLOWED("method_not_allowed", 405, "Method not allowed"),
  /** The body is not well-formed, or the delivery id is not where the provider puts it. */
  MALFORMED_PAYLOAD("malformed_payload", 400, "Malformed payload"),
  /** The same delivery is being processed elsewhere; the answer carries {@code Retry-After}. */
  DELIVERY_IN_PROGRESS("delivery_in_progress", 409, "Delivery in progress"),
  /** The delivery id was seen with a different body. */
  DELIVERY_CONFLICT("delivery_conflict", 409, "Delivery id reused with a different body"),
  /** The idempotency store failed; fail closed so that the provider retries. */
  STORE_UNAVAILABLE("store_unavailable", 503, "Idempotency store unavailable"),
  /**
   * {@code processing=forward}: the broker did not acknowledge the record within {@code
   * forward.timeout}; the delivery is released and the answer carries {@code Retry-After}, so that
   * the provider's retry is forwarded.
   */
  FORWARD_UNAVAILABLE("forward_unavailable", 503, "Forwarding destination unavailable"),
  /**
   * A handler serving endpoints by name from its path ({@code @WebhookEndpoint("{provider}")}) was
   * called with a name that is not configured.
   */
  UNKNOWN_ENDPOINT("unknown_endpoint", 404, "Unknown webhook endpoint"),
  /** A defect in the kit itself; logged with its stack trace. */
  INTERNAL_ERROR("internal_error", 500, "Internal error");

  private final String code;
  private final int status;
  private final String title;

  Reason(String code, int status, String title) {
    this.code = code;
    this.status = status;
    this.title = title;
  }

  /** The reason code, e.g. {@code signature_invalid}. */
  public String code() {
    return code;
  }

  /** The HTTP status this reason is answered with. */
  public int status() {
    return status;
  }

  /** A short human title for the problem body. */
  public String title() {
    return title;
  }
}
