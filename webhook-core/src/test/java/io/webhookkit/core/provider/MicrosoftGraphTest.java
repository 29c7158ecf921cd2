package io.webhookkit.core.provider;

import static io.webhookkit.core.provider.PresetTests.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.webhookkit.core.Decision;
import io.webhookkit.core.Reason;
import io.webhookkit.core.WebhookGuard;
import io.webhookkit.core.WebhookRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The MicrosoftGraph preset through the whole guard; how vectors are chosen: {@link PresetTests}.
 */
class MicrosoftGraphTest {
  @Test
  void dropboxAndGraphEchoTheirChallengeAsPlainText() {
    Decision.Respond dropbox =
        responds(guard("dropbox", SECRET, Map.of()), get("challenge=hxk5Kq").build());
    assertThat(text(dropbox)).isEqualTo("hxk5Kq");
    assertThat(dropbox.headers())
        .containsEntry("Content-Type", "text/plain")
        .containsEntry("X-Content-Type-Options", "nosniff");
    Decision.Respond graph =
        responds(
            guard("microsoft-graph", SECRET, Map.of()),
            WebhookRequest.builder()
                .remoteAddress("127.0.0.1")
                .header("Content-Type", "text/plain")
                .query(
                    "validationToken=Validation%3A%20Testing%20client%20application%20reachability")
                .build());
    assertThat(text(graph)).isEqualTo("Validation: Testing client application reachability");
    assertThat(graph.headers()).containsEntry("Content-Type", "text/plain");
  }

  @Test
  void graphNotificationsMustAllCarryAConfiguredClientState() {
    WebhookGuard guard = guard("microsoft-graph", SECRET, Map.of());
    String one =
        "{\"subscriptionId\":\"s\",\"clientState\":\"" + SECRET + "\",\"changeType\":\"created\"}";
    proceeds(guard, post("{\"value\":[" + one + "," + one + "]}").build());
    refused(
        guard,
        post("{\"value\":[" + one + "," + one.replace(SECRET, "guess") + "]}").build(),
        Reason.SIGNATURE_INVALID);
    refused(
        guard, post("{\"value\":[{\"subscriptionId\":\"s\"}]}").build(), Reason.SIGNATURE_MISSING);
  }
}
