package io.webhookkit.core.provider;

import static io.webhookkit.core.provider.PresetTests.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.webhookkit.core.Decision;
import io.webhookkit.core.Reason;
import io.webhookkit.core.WebhookGuard;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Twitter preset through the whole guard; how vectors are chosen: {@link PresetTests}. */
class TwitterTest {
  @Test
  void twitterCrcIsAnsweredWithTheResponseToken() {
    Decision.Respond r =
        responds(guard("twitter", SECRET, Map.of()), get("crc_token=abc%2B123").build());
    assertThat(r.headers()).containsEntry("Content-Type", "application/json");
    assertThat(text(r))
        .isEqualTo("{\"response_token\":\"sha256=" + b64256(SECRET, "abc+123") + "\"}");
  }

  /**
   * X keys CRC answers and delivery signatures alike: the CRC answer must never sign a body that
   * would verify.
   */
  @Test
  void twitterCrcIsNoSigningOracle() {
    WebhookGuard guard = guard("twitter", SECRET, Map.of());
    refused(
        guard,
        get("crc_token=%7B%22tweet_create_events%22%3A%5B%5D%7D").build(),
        Reason.SIGNATURE_MISSING);
    Decision.Respond answer = responds(guard, get("crc_token=true").build());
    String token = text(answer).replaceAll(".*\"(sha256=[^\"]+)\".*", "$1");
    refused(
        guard,
        post("true").header("x-twitter-webhooks-signature", token).build(),
        Reason.SIGNATURE_INVALID);
    String object = "{\"tweet_create_events\":[]}";
    proceeds(
        guard,
        post(object)
            .header("x-twitter-webhooks-signature", "sha256=" + b64256(SECRET, object))
            .build());
  }
}
