package io.webhookkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.webhookkit.core.provider.Locator;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderKey;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import io.webhookkit.core.provider.Providers;
import io.webhookkit.core.signature.HmacAlgorithm;
import io.webhookkit.core.signature.HmacSignatureScheme;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Configuration from flat keys: defaults, parsing, and errors that name endpoint and key. */
class EndpointConfigTest {
  private static final String SECRET = "s3cr3t-value-never-printed";

  private static Map<String, String> keys(String... pairs) {
    Map<String, String> map = new HashMap<>();
    map.put("provider", "github");
    map.put("secrets", SECRET);
    for (int i = 0; i < pairs.length; i += 2) {
      if (pairs[i + 1] == null) {
        map.remove(pairs[i]);
      } else {
        map.put(pairs[i], pairs[i + 1]);
      }
    }
    return map;
  }

  private static EndpointConfig from(String... pairs) {
    return EndpointConfig.from("orders", ConfigSource.of(keys(pairs)), name -> null);
  }

  @Test
  void defaultsAreTheDesignsDefaults() {
    EndpointConfig c = from();
    assertThat(c.tolerance()).isEqualTo(Duration.ofMinutes(5));
    assertThat(c.requireHttps()).isTrue();
    assertThat(c.maxBodySize()).isEqualTo(1024 * 1024);
    assertThat(c.rateLimit()).isEmpty();
    assertThat(c.idempotencyEnabled()).isTrue();
    assertThat(c.idempotencyRetention()).isEqualTo(Duration.ofDays(7));
    assertThat(c.idempotencyLease()).isEqualTo(Duration.ofSeconds(60));
    assertThat(c.allowedIps()).isEmpty();
  }

  @Test
  void everyKeyIsParsed() {
    EndpointConfig c =
        from(
            "tolerance", "PT2M",
            "allowed-ips", "192.0.2.0/24, 2001:db8::/32",
            "trusted-proxies", "10.0.0.1",
            "require-https", "FALSE",
            "max-body-size", "512KB",
            "rate-limit", "100/1s",
            "idempotency.enabled", "true",
            "idempotency.retention", "2h",
            "idempotency.lease", "300ms");
    assertThat(c.tolerance()).isEqualTo(Duration.ofMinutes(2));
    assertThat(c.allowedIps()).containsExactly("192.0.2.0/24", "2001:db8:0:0:0:0:0:0/32");
    assertThat(c.trustedProxies()).containsExactly("10.0.0.1/32");
    assertThat(c.requireHttps()).isFalse();
    assertThat(c.maxBodySize()).isEqualTo(512 * 1024);
    assertThat(c.rateLimit()).contains(new EndpointConfig.RateLimit(100, Duration.ofSeconds(1)));
    assertThat(c.idempotencyRetention()).isEqualTo(Duration.ofHours(2));
    assertThat(c.idempotencyLease()).isEqualTo(Duration.ofMillis(300));
  }

  @Test
  void secretsRotateInOrderAndFromTheEnvironmentWithLabels() {
    EndpointConfig c =
        EndpointConfig.from(
            "orders",
            ConfigSource.of(keys("secrets", "old, new", "secrets-env", "GH_SECRET")),
            name -> name.equals("GH_SECRET") ? "from-env" : null);
    assertThat(c.secretLabels()).containsExactly("secrets[0]", "secrets[1]", "env:GH_SECRET");
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "provider|nope|is not a known provider",
        "provider||is required",
        "secrets||is required",
        "tolerance|5 minutes|unknown unit 'minutes'",
        "tolerance|300|has no unit",
        "tolerance|0s|must be positive",
        "allowed-ips|example.com|host names are not accepted",
        "allowed-ips|10.0.0.0/33|prefix longer than 32",
        "trusted-proxies|::1/129|prefix longer than 128",
        "require-https|yes|is not true or false",
        "max-body-size|1 TB|unknown unit",
        "max-body-size|0|must be between",
        "rate-limit|100|is not a rate limit",
        "rate-limit|0/1s|at least 1",
        "idempotency.lease|-1s|is not a duration",
        "secret|x|is not a webhook endpoint key",
        "signature.header|X-Sig|is not used by provider 'github'",
        "secrets-env|MISSING_VAR|MISSING_VAR is not set"
      })
  void aBadKeyFailsNamingTheEndpointAndTheKeyWithoutTheSecret(
      String key, String value, String problem) {
    String expectedKey = key;
    assertThatThrownBy(() -> from(key, value))
        .isInstanceOf(WebhookConfigurationException.class)
        .hasMessageContaining("endpoint 'orders'")
        .hasMessageContaining("key '" + expectedKey + "'")
        .hasMessageContaining(problem)
        .hasMessageNotContaining(SECRET)
        .satisfies(
            e -> assertThat(((WebhookConfigurationException) e).key()).isEqualTo(expectedKey));
  }

  @Test
  void aStandardWebhooksSecretThatIsNotBase64FailsWithoutPrintingIt() {
    assertThatThrownBy(() -> from("provider", "standard-webhooks", "secrets", "whsec_not*base64!"))
        .isInstanceOf(WebhookConfigurationException.class)
        .hasMessageContaining("key 'secrets'")
        .hasMessageNotContaining("not*base64");
  }

  @Test
  void theGenericHmacSchemeIsConfiguredByKeys() {
    EndpointConfig c =
        from(
            "provider", "hmac",
            "signature.header", "X-Signature",
            "signature.algorithm", "sha512",
            "signature.encoding", "base64",
            "signature.prefix", "v1=",
            "signature.payload", "{timestamp}.{body}",
            "timestamp.header", "X-Timestamp",
            "id.header", "X-Delivery");
    assertThat(c.rules().hasDeliveryId()).isTrue();
  }

  @Test
  void theGenericHmacSchemeRefusesContradictions() {
    assertThatThrownBy(
            () ->
                from(
                    "provider",
                    "hmac",
                    "signature.header",
                    "X-Sig",
                    "signature.payload",
                    "{timestamp}.{body}",
                    "id.header",
                    "X-Id"))
        .hasMessageContaining("key 'timestamp.header'");
    assertThatThrownBy(
            () ->
                from(
                    "provider",
                    "hmac",
                    "signature.header",
                    "X-Sig",
                    "signature.payload",
                    "{id}",
                    "id.header",
                    "X-Id"))
        .hasMessageContaining("key 'signature.payload'")
        .hasMessageContaining("{body}");
    assertThatThrownBy(() -> from("provider", "hmac", "signature.header", "X-Sig"))
        .hasMessageContaining("key 'idempotency.enabled'")
        .hasMessageContaining("id.header");
    assertThatThrownBy(() -> from("provider", "hmac", "id.header", "X-Id"))
        .hasMessageContaining("key 'signature.header'")
        .hasMessageContaining("required");
  }

  @Test
  void everyBuiltInPresetIsRegistered() {
    assertThat(Providers.names())
        .contains("github", "stripe", "slack", "standard-webhooks", "svix", "shopify", "hmac");
  }

  @Test
  void theKeyTablesDefaultsAreTheBuildersDefaults() {
    Map<String, String> written = keys();
    for (EndpointKey key : EndpointKeys.all()) {
      if (!key.defaultValue().isEmpty()) {
        written.put(key.name(), key.defaultValue());
      }
    }
    assertThat(EndpointConfig.from("orders", ConfigSource.of(written), name -> null).summary())
        .isEqualTo(from().summary());
  }

  @Test
  void theSummaryShowsTheTablesKeysAndNoSecret() {
    Map<String, Object> summary = from().summary();
    assertThat(summary.keySet())
        .isSubsetOf(EndpointConfig.KEYS)
        .contains("provider", "secrets", "tolerance", "max-body-size", "idempotency.lease");
    assertThat(summary.toString()).doesNotContain(SECRET);
    // forward.* means nothing to a sync endpoint, so its summary (Actuator's too) leaves them out
    assertThat(summary.keySet()).noneMatch(k -> k.startsWith("forward."));
    Map<String, Object> forward =
        EndpointConfig.builder("orders")
            .provider("github")
            .secrets("s3cr3t-for-the-summary")
            .processing(Processing.FORWARD)
            .forwardSetting("bootstrap.servers", "127.0.0.1:9092")
            .build()
            .summary();
    assertThat(forward)
        .containsEntry("forward.topic", "webhooks.orders")
        .containsEntry("forward.timeout", "PT5S")
        .containsEntry("forward.kafka.*", "bootstrap.servers");
  }

  @Test
  void settersCheckTheirOwnArgumentNamingTheKey() {
    EndpointConfig.Builder b = EndpointConfig.builder("orders");
    assertThatThrownBy(() -> b.tolerance(Duration.ZERO)).hasMessageContaining("key 'tolerance'");
    assertThatThrownBy(() -> b.maxBodySize(0)).hasMessageContaining("key 'max-body-size'");
    assertThatThrownBy(() -> b.idempotencyLease(Duration.ofSeconds(-1)))
        .hasMessageContaining("key 'idempotency.lease'");
    assertThatThrownBy(() -> b.allowedIps(List.of("example.com")))
        .hasMessageContaining("key 'allowed-ips'");
    assertThatThrownBy(() -> b.secrets(" ")).hasMessageContaining("key 'secrets'");
    assertThatThrownBy(() -> b.providerKey("tolerance", "1m"))
        .hasMessageContaining("is a core key");
  }

  /** A preset from outside the core that reads a key of its own, and then {@code extra}. */
  private static Provider thirdParty(String extra) {
    return new Provider() {
      @Override
      public String name() {
        return "acme";
      }

      @Override
      public List<ProviderKey> keys() {
        return List.of(new ProviderKey("acme.region", "Where Acme sends from."));
      }

      @Override
      public ProviderRules rules(ProviderSettings settings) {
        settings.require("acme.region");
        settings.get(extra);
        return ProviderRules.builder()
            .signatureScheme(
                HmacSignatureScheme.hubSignature(
                    "X-Acme-Signature", HmacAlgorithm.SHA256, settings.secrets()))
            .deliveryId(Locator.header("X-Acme-Delivery"))
            .build();
      }
    };
  }

  private static EndpointConfig.Builder acme(Provider preset, String... pairs) {
    return EndpointConfig.builder("orders", ConfigSource.of(keys(pairs)), name -> null)
        .provider(preset);
  }

  @Test
  void aThirdPartyPresetTakesAKeyOfItsOwnWithoutACoreRelease() {
    Provider acme = thirdParty("acme.region");
    assertThat(acme(acme, "acme.region", "eu").build().rules().hasDeliveryId()).isTrue();
    assertThatThrownBy(() -> acme(acme).build())
        .hasMessageContaining("key 'acme.region'")
        .hasMessageContaining("is required");
    assertThatThrownBy(() -> acme(acme, "acme.region", "eu", "acme.zone", "1").build())
        .hasMessageContaining("key 'acme.zone'")
        .hasMessageContaining("is not a webhook endpoint key")
        .hasMessageContaining("acme.region");
    assertThatThrownBy(() -> acme(acme, "acme.region", "eu", "verify-token", "t").build())
        .as("another preset's key")
        .hasMessageContaining("key 'verify-token'")
        .hasMessageContaining("is not used by provider 'acme'");
  }

  @Test
  void aPresetThatReadsAKeyItDoesNotDeclareFailsAtStartUp() {
    assertThatThrownBy(() -> acme(thirdParty("acme.zone"), "acme.region", "eu").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'acme.zone'")
        .hasMessageContaining("Provider.keys()");
  }

  @Test
  void toStringShowsLabelsNotSecrets() {
    assertThat(from().toString()).contains("secrets[0]").doesNotContain(SECRET);
    assertThat(Secret.of("a", SECRET).toString()).doesNotContain(SECRET);
  }
}
