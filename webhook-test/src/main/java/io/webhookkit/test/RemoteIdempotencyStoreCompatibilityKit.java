package io.webhookkit.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.webhookkit.core.Decision;
import io.webhookkit.core.EndpointConfig;
import io.webhookkit.core.Reason;
import io.webhookkit.core.WebhookGuard;
import io.webhookkit.core.WebhookRequest;
import io.webhookkit.core.idempotency.IdempotencyStoreException;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * The compatibility kit for stores on a server (JDBC, Redis): on top of {@link
 * IdempotencyStoreCompatibilityKit}, the store must report an outage as {@link
 * IdempotencyStoreException} so the guard fails closed with 503 and {@code Retry-After}, and work
 * again once the server is back.
 */
public abstract class RemoteIdempotencyStoreCompatibilityKit
    extends IdempotencyStoreCompatibilityKit {

  /** Stops the store's server (the test restarts it). */
  protected abstract void stopServer() throws Exception;

  /** Starts the server again, on the same address, with its data or without. */
  protected abstract void startServer() throws Exception;

  private WebhookRequest delivery(TestDelivery d) {
    WebhookRequest.Builder b = WebhookRequest.builder().remoteAddress("127.0.0.1").body(d.body());
    d.headers().forEach(b::header);
    return b.build();
  }

  @Test
  void anOutageIsReportedAndTheGuardFailsClosedThenRecovers() throws Exception {
    WebhookGuard guard =
        WebhookGuard.builder(
                EndpointConfig.builder("outage").provider("github").secrets("s").build())
            .idempotencyStore(store)
            .build();
    TestDelivery d = TestDelivery.github("s");
    stopServer();
    try {
      Assertions.assertThatThrownBy(() -> store.acquire(key(), "fp", LEASE))
          .isInstanceOf(IdempotencyStoreException.class);
      Decision decision = guard.inspect(delivery(d));
      assertThat(decision).isInstanceOf(Decision.Respond.class);
      Decision.Respond r = (Decision.Respond) decision;
      assertThat(r.reason()).isEqualTo(Reason.STORE_UNAVAILABLE);
      assertThat(r.status()).isEqualTo(503);
      assertThat(r.headers()).containsKey("Retry-After");
      assertThat(Map.copyOf(r.headers())).doesNotContainValue("s");
    } finally {
      startServer();
    }
    Decision retried = guard.inspect(delivery(d));
    assertThat(retried).isInstanceOf(Decision.Proceed.class);
    ((Decision.Proceed) retried).ticket().settle(200);
    assertThat(((Decision.Respond) guard.inspect(delivery(d))).status()).isEqualTo(200);
  }
}
