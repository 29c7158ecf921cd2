package io.webhookkit.core.idempotency;

/** The idempotency store could not answer; the guard answers 503 and the provider retries. */
public class IdempotencyStoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An error with a message and its cause. */
  public IdempotencyStoreException(String message, Throwable cause) {
    super(message, cause);
  }

  /** An error with a message. */
  public IdempotencyStoreException(String message) {
    super(message);
  }
}
