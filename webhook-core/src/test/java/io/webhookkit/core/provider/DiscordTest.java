package io.webhookkit.core.provider;

import static io.webhookkit.core.provider.PresetTests.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.webhookkit.core.Decision;
import io.webhookkit.core.Outcome;
import io.webhookkit.core.Reason;
import io.webhookkit.core.WebhookGuard;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Discord preset through the whole guard; how vectors are chosen: {@link PresetTests}. */
class DiscordTest {
  /** Computed vector with the RFC 8032 section 7.1 TEST 1 key pair, signed by the JDK. */
  @Test
  void discordEd25519AndPing() throws Exception {
    byte[] seed =
        HexFormat.of().parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
    String publicKey = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
    PrivateKey key =
        KeyFactory.getInstance("Ed25519")
            .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed));
    long ts = NOW.getEpochSecond();
    String ping = "{\"application_id\":\"1\",\"id\":\"ping-1\",\"type\":1,\"version\":1}";
    Signature signer = Signature.getInstance("Ed25519");
    signer.initSign(key);
    signer.update((ts + ping).getBytes(StandardCharsets.UTF_8));
    String signature = HexFormat.of().formatHex(signer.sign());
    WebhookGuard guard = guard("discord", publicKey, Map.of());

    Decision.Respond r =
        responds(
            guard,
            post(ping)
                .header("X-Signature-Timestamp", Long.toString(ts))
                .header("X-Signature-Ed25519", signature)
                .build());
    assertThat(r.outcome()).isEqualTo(Outcome.HANDSHAKE);
    assertThat(text(r)).isEqualTo("{\"type\":1}");
    refused(
        guard,
        post(ping.replace("ping-1", "ping-2"))
            .header("X-Signature-Timestamp", Long.toString(ts))
            .header("X-Signature-Ed25519", signature)
            .build(),
        Reason.SIGNATURE_INVALID);
    refused(
        guard,
        post(ping)
            .header("X-Signature-Timestamp", Long.toString(ts + 1))
            .header("X-Signature-Ed25519", signature)
            .build(),
        Reason.SIGNATURE_INVALID);
  }
}
