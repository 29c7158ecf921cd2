package io.webhookkit.core.provider;

import static io.webhookkit.core.provider.PresetTests.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.webhookkit.core.Decision;
import io.webhookkit.core.Reason;
import io.webhookkit.core.WebhookGuard;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Okta preset through the whole guard; how vectors are chosen: {@link PresetTests}. */
class OktaTest {
  @Test
  void oktaVerificationIsAnsweredAfterItsAuthorizationVerified() {
    WebhookGuard guard = guard("okta", SECRET, Map.of());
    Decision.Respond r =
        responds(
            guard,
            request("GET")
                .header("Authorization", SECRET)
                .header("X-Okta-Verification-Challenge", "oHx2-8XDbJx0B7zq")
                .build());
    assertThat(text(r)).isEqualTo("{\"verification\":\"oHx2-8XDbJx0B7zq\"}");
    refused(
        guard,
        request("GET").header("X-Okta-Verification-Challenge", "oHx2-8XDbJx0B7zq").build(),
        Reason.SIGNATURE_MISSING);
  }
}
