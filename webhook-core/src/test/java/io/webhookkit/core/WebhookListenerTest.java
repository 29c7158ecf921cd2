package io.webhookkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookListenerTest {
  private static final WebhookAttempt ATTEMPT =
      new WebhookAttempt(
          "github",
          "github",
          "d1",
          "push",
          "127.0.0.1",
          Outcome.ACCEPTED,
          null,
          200,
          Duration.ofMillis(1),
          "secrets[0]");

  @Test
  void everyListenerIsToldInOrderEvenAfterOneThrows() {
    List<String> told = new ArrayList<>();
    WebhookListener all =
        WebhookListener.all(
            List.of(
                a -> told.add("first " + a.deliveryId()),
                a -> {
                  throw new IllegalStateException("broken listener");
                },
                a -> told.add("third " + a.deliveryId())));

    all.onAttempt(ATTEMPT);

    assertThat(told).containsExactly("first d1", "third d1");
  }
}
