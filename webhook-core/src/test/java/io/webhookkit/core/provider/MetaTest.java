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

/** The Meta preset through the whole guard; how vectors are chosen: {@link PresetTests}. */
class MetaTest {
  @Test
  void metaSubscriptionIsAnsweredOnlyWithTheVerifyToken() {
    WebhookGuard guard = guard("meta", SECRET, Map.of("verify-token", "meatball"));
    Decision.Respond ok =
        responds(
            guard,
            get("hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=meatball").build());
    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.headers()).containsEntry("Content-Type", "text/plain");
    assertThat(text(ok)).isEqualTo("1158201444");
    refused(
        guard,
        get("hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=guess").build(),
        Reason.SIGNATURE_MISSING);
    assertThatThrownBy(() -> guard("meta", SECRET, Map.of()))
        .isInstanceOf(WebhookConfigurationException.class)
        .hasMessageContaining("verify-token");
  }
}
