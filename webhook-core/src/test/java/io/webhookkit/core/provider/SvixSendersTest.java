package io.webhookkit.core.provider;

import static io.webhookkit.core.provider.PresetTests.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.webhookkit.core.WebhookEvent;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The SvixSenders preset through the whole guard; how vectors are chosen: {@link PresetTests}. */
class SvixSendersTest {
  @Test
  void resendAndClerkAreSvix() {
    String raw = "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    long ts = NOW.getEpochSecond();
    String body = "{\"type\":\"email.sent\"}";
    String sig =
        Base64.getEncoder()
            .encodeToString(
                mac("HmacSHA256", Base64.getDecoder().decode(raw), "msg_1." + ts + "." + body));
    for (String provider : java.util.List.of("resend", "clerk")) {
      WebhookEvent event =
          proceeds(
              guard(provider, "whsec_" + raw, Map.of()),
              post(body)
                  .header("svix-id", "msg_1")
                  .header("svix-timestamp", Long.toString(ts))
                  .header("svix-signature", "v1," + sig)
                  .build());
      assertThat(event.provider()).isEqualTo(provider);
      assertThat(event.eventType()).contains("email.sent");
    }
  }
}
