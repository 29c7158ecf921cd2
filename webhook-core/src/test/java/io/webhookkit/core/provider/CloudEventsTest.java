package io.webhookkit.core.provider;

import static io.webhookkit.core.provider.PresetTests.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.webhookkit.core.Decision;
import io.webhookkit.core.Reason;
import io.webhookkit.core.WebhookConfigurationException;
import io.webhookkit.core.WebhookGuard;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The CloudEvents preset through the whole guard; how vectors are chosen: {@link PresetTests}. */
class CloudEventsTest {
  @Test
  void cloudEventsOptionsIsAnsweredWithTheAllowedOrigin() {
    Decision.Respond r =
        responds(
            guard("cloudevents", SECRET, Map.of()),
            request("OPTIONS")
                .header("WebHook-Request-Origin", "eventemitter.example.com")
                .header("WebHook-Request-Rate", "120")
                .build());
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.headers())
        .containsEntry("WebHook-Allowed-Origin", "eventemitter.example.com")
        .containsEntry("WebHook-Allowed-Rate", "*");
  }

  @Test
  void cloudEventsOptionsIsAnsweredOnlyForAllowedOriginsWhenTheyAreListed() {
    WebhookGuard guard =
        guard(
            "cloudevents", SECRET, Map.of("allowed-origins", "events.example.com, other.example"));
    Decision.Respond listed =
        responds(
            guard,
            request("OPTIONS").header("WebHook-Request-Origin", "Events.Example.com").build());
    assertThat(listed.headers()).containsEntry("WebHook-Allowed-Origin", "Events.Example.com");
    refused(
        guard,
        request("OPTIONS").header("WebHook-Request-Origin", "eventemitter.example.com").build(),
        Reason.SIGNATURE_MISSING);
    assertThatThrownBy(() -> guard("github", SECRET, Map.of("allowed-origins", "x")))
        .isInstanceOf(WebhookConfigurationException.class)
        .hasMessageContaining("allowed-origins");
  }
}
