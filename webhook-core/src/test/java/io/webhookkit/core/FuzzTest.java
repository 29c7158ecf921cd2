package io.webhookkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import io.webhookkit.core.internal.AddressSet;
import io.webhookkit.core.internal.CidrBlock;
import io.webhookkit.core.internal.ClientResolver;
import io.webhookkit.core.internal.ConfigValues;
import io.webhookkit.core.internal.FormBody;
import io.webhookkit.core.internal.IpAddresses;
import io.webhookkit.core.internal.JsonScan;
import io.webhookkit.core.provider.PresetTests;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Jazzer fuzz tests. The invariant everywhere: untrusted input gets an answer, never an exception;
 * configuration parsers throw only {@link IllegalArgumentException}. In CI they run in regression
 * mode over the seeds in {@code src/test/resources/.../FuzzTestInputs}; {@code JAZZER_FUZZ=1}
 * fuzzes for real (see the README).
 */
class FuzzTest {
  private static final Clock CLOCK = Clock.fixed(Delivery.NOW, ZoneOffset.UTC);

  private static final List<WebhookGuard> FIRST_GUARDS =
      List.of(
          guard("github", Delivery.SECRET, b -> b.allowedIps(List.of("0.0.0.0/0", "::/0"))),
          guard(
              "stripe",
              Delivery.STRIPE_SECRET,
              b -> b.rateLimit(1_000_000, java.time.Duration.ofSeconds(1))),
          guard(
              "slack",
              "8f742231b10e8888abcd99yyyzzz85a5",
              b -> b.trustedProxies(List.of("127.0.0.1", "::1"))),
          guard("standard-webhooks", Delivery.SW_SECRET, b -> {}),
          guard("svix", Delivery.SW_SECRET, b -> {}),
          guard("shopify", "shopify-client-secret", b -> b.maxBodySize(4096)),
          WebhookGuard.builder(
                  EndpointConfig.builder("hmac")
                      .provider("hmac")
                      .secrets("k")
                      .providerKey("signature.header", "X-Sig")
                      .providerKey("signature.payload", "{id}:{timestamp}:{body}")
                      .providerKey("timestamp.header", "X-Ts")
                      .providerKey("id.header", "X-Id")
                      .providerKey("signature.encoding", "base64")
                      .build())
              .clock(CLOCK)
              .build());

  private static final List<WebhookGuard> GUARDS = guards();

  private static List<WebhookGuard> guards() {
    List<WebhookGuard> all = new java.util.ArrayList<>(FIRST_GUARDS);
    all.addAll(PresetTests.catalogueGuards(CLOCK));
    return List.copyOf(all);
  }

  private static WebhookGuard guard(
      String provider, String secret, java.util.function.Consumer<EndpointConfig.Builder> tweak) {
    EndpointConfig.Builder b = EndpointConfig.builder(provider).provider(provider).secrets(secret);
    tweak.accept(b);
    return WebhookGuard.builder(b.build()).clock(CLOCK).build();
  }

  private static final String[] HEADERS = PresetTests.headerNames();

  /** The header names the fuzzer sets. */
  @com.code_intelligence.jazzer.junit.FuzzTest
  void theGuardAnswersEveryRequestWithADecision(FuzzedDataProvider data) {
    WebhookGuard guard = GUARDS.get(data.consumeInt(0, GUARDS.size() - 1));
    WebhookRequest.Builder b =
        WebhookRequest.builder()
            .method(data.pickValue(new String[] {"POST", "GET", "HEAD", "OPTIONS"}))
            .query(data.consumeBoolean() ? data.consumeString(200) : null)
            .remoteAddress(data.consumeString(45))
            .secure(data.consumeBoolean());
    int headers = data.consumeInt(0, 8);
    for (int i = 0; i < headers; i++) {
      b.header(HEADERS[data.consumeInt(0, HEADERS.length - 1)], data.consumeString(200));
    }
    b.body(data.consumeRemainingAsBytes());

    Decision decision = guard.inspect(b.build());

    assertThat(decision).isNotNull();
    if (decision instanceof Decision.Respond) {
      assertThat(((Decision.Respond) decision).reason()).isNotEqualTo(Reason.INTERNAL_ERROR);
    } else {
      ((Decision.Proceed) decision).ticket().settle(200);
    }
  }

  @com.code_intelligence.jazzer.junit.FuzzTest
  void headerGrammarsNeverThrow(FuzzedDataProvider data) {
    String a = data.consumeString(300);
    String b = data.consumeString(300);
    String c = data.consumeRemainingAsString();
    IpAddresses.parse(a);
    new ClientResolver(AddressSet.parse(List.of("0.0.0.0/0", "::/0")))
        .resolve(a, false, List.of(b), List.of(c), List.of(a));
    new JsonScan(Set.of("id", "event.type")).scan(b.getBytes(StandardCharsets.UTF_8));
    FormBody.parse(c.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
  }

  @com.code_intelligence.jazzer.junit.FuzzTest
  void configParsersThrowOnlyIllegalArgument(FuzzedDataProvider data) {
    String text = data.consumeRemainingAsString();
    for (java.util.function.Consumer<String> parser :
        List.<java.util.function.Consumer<String>>of(
            ConfigValues::duration,
            ConfigValues::size,
            ConfigValues::rate,
            ConfigValues::bool,
            CidrBlock::parse)) {
      try {
        parser.accept(text);
      } catch (IllegalArgumentException expected) {
        assertThat(expected.getMessage()).isNotBlank();
      }
    }
    try {
      EndpointConfig.from(
          "fuzz",
          ConfigSource.of(
              Map.of("provider", "github", "secrets", "x", "tolerance", text, "allowed-ips", text)),
          n -> null);
    } catch (WebhookConfigurationException expected) {
      assertThat(expected.getMessage()).contains("fuzz");
    }
  }
}
