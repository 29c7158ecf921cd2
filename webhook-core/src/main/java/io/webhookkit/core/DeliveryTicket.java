package io.webhookkit.core;

/**
 * Settles one verified delivery after the handler ran: a 2xx status completes it (a retry will be
 * answered with the stored status), anything else or an exception releases it (the retry is
 * processed). Settling twice has no further effect. Implementations never throw: a store failure
 * while settling is logged. Thread-safe.
 */
public interface DeliveryTicket {

  /** Settles with the handler's HTTP status. */
  void settle(int status);

  /** Settles after the handler threw; the delivery is released. */
  void fail(Throwable error);

  /** True once settled. */
  boolean isSettled();
}
