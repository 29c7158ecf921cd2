package io.webhookkit.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The scenario builder breaks exactly what it says. */
class TestDeliveryTest {
  @Test
  void aTamperedBodyDiffersFromTheSignedOneInOneBit() {
    TestDelivery d = TestDelivery.github("s").withTamperedBody();
    byte[] signed = d.signedBody();
    byte[] sent = d.body();
    int differing = 0;
    for (int i = 0; i < signed.length; i++) {
      differing += Integer.bitCount((signed[i] ^ sent[i]) & 0xff);
    }
    assertThat(differing).isEqualTo(1);
  }

  @Test
  void aSecondSignatureIsAddedInTheProvidersOwnSyntax() {
    assertThat(
            TestDelivery.stripe("whsec_a")
                .withSecondSignature("whsec_b")
                .headers()
                .get("Stripe-Signature"))
        .matches("t=\\d+,v1=[0-9a-f]{64},v1=[0-9a-f]{64}");
    assertThat(
            TestDelivery.standardWebhooks("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
                .withSecondSignature("whsec_c2Vjb25k")
                .headers()
                .get("webhook-signature"))
        .matches("v1,\\S+ v1,\\S+");
  }

  @Test
  void everyDeliveryHasItsOwnIdAndStripeAndSlackCarryItInTheBody() {
    TestDelivery a = TestDelivery.stripe("whsec_a");
    TestDelivery b = TestDelivery.stripe("whsec_a");
    assertThat(a.id()).isNotEqualTo(b.id());
    assertThat(new String(a.body(), StandardCharsets.UTF_8)).contains("\"id\":\"" + a.id() + "\"");
    assertThat(new String(TestDelivery.slackCommand("x").body(), StandardCharsets.UTF_8))
        .contains("command=%2Fdeploy");
  }

  @Test
  void removedAndReplacedHeadersAreGone() {
    TestDelivery d = TestDelivery.github("s");
    assertThat(d.withoutSignature().headers()).doesNotContainKey("X-Hub-Signature-256");
    assertThat(d.withMalformedSignature().headers())
        .containsEntry("X-Hub-Signature-256", "not-a-signature");
  }
}
