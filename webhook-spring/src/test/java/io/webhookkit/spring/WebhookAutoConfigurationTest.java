package io.webhookkit.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.webhookkit.core.EndpointConfig;
import io.webhookkit.core.WebhookConfigurationException;
import io.webhookkit.core.adapter.EndpointCustomizer;
import io.webhookkit.core.adapter.EndpointGuards;
import io.webhookkit.core.idempotency.IdempotencyStore;
import io.webhookkit.core.idempotency.InMemoryIdempotencyStore;
import io.webhookkit.store.jdbc.JdbcIdempotencyStore;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

/** Conditions, back-off, defaults and failure reports, on the context runner. */
class WebhookAutoConfigurationTest {
  private static final String SECRET = "a-secret-that-must-never-be-printed";

  private final WebApplicationContextRunner runner =
      new WebApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(WebhookAutoConfiguration.class))
          .withPropertyValues(
              "webhook.endpoints.orders.provider=stripe",
              "webhook.endpoints.orders.secrets=" + SECRET);

  @Test
  void aGuardPerEndpointWithTheCoresDefaults() {
    runner.run(
        context -> {
          EndpointConfig config =
              context.getBean(EndpointGuards.class).guard("orders").orElseThrow().config();
          assertThat(config.tolerance()).isEqualTo(EndpointConfig.DEFAULT_TOLERANCE);
          assertThat(config.maxBodySize()).isEqualTo(EndpointConfig.DEFAULT_MAX_BODY_SIZE);
          assertThat(config.requireHttps()).isTrue();
          assertThat(config.idempotencyEnabled()).isTrue();
          assertThat(config.idempotencyRetention()).isEqualTo(EndpointConfig.DEFAULT_RETENTION);
          assertThat(config.idempotencyLease()).isEqualTo(EndpointConfig.DEFAULT_LEASE);
          assertThat(config.rateLimit()).isEmpty();
          assertThat(context.getBean(IdempotencyStore.class))
              .isInstanceOf(InMemoryIdempotencyStore.class);
        });
  }

  @Test
  void thePropertyDefaultsAreTheCoresDefaults() {
    WebhookProperties.Endpoint endpoint = new WebhookProperties.Endpoint();
    assertThat(endpoint.getTolerance()).isEqualTo(EndpointConfig.DEFAULT_TOLERANCE);
    assertThat(endpoint.getMaxBodySize().toBytes()).isEqualTo(EndpointConfig.DEFAULT_MAX_BODY_SIZE);
    assertThat(endpoint.isRequireHttps()).isTrue();
    assertThat(endpoint.getIdempotency().isEnabled()).isTrue();
    assertThat(endpoint.getIdempotency().getRetention())
        .isEqualTo(EndpointConfig.DEFAULT_RETENTION);
    assertThat(endpoint.getIdempotency().getLease()).isEqualTo(EndpointConfig.DEFAULT_LEASE);
  }

  @Test
  void everyKeyBindsFromSpringsFormats() {
    runner
        .withPropertyValues(
            "webhook.endpoints.orders.tolerance=2m",
            "webhook.endpoints.orders.max-body-size=512KB",
            "webhook.endpoints.orders.allowed-ips=192.0.2.0/24,2001:db8::/32",
            "webhook.endpoints.orders.rate-limit=10/1s",
            "webhook.endpoints.orders.idempotency.lease=30s")
        .run(
            context -> {
              EndpointConfig config =
                  context.getBean(EndpointGuards.class).guard("orders").orElseThrow().config();
              assertThat(config.tolerance()).hasMinutes(2);
              assertThat(config.maxBodySize()).isEqualTo(512 * 1024);
              assertThat(config.allowedIps()).hasSize(2);
              assertThat(config.rateLimit()).isPresent();
              assertThat(config.idempotencyLease()).hasSeconds(30);
            });
  }

  @Test
  void customizersAdjustAnEndpointBeforeItIsValidated() {
    runner
        .withPropertyValues("webhook.endpoints.orders.tolerance=1s")
        .withBean(
            EndpointCustomizer.class,
            () ->
                (name, builder) ->
                    builder
                        .tolerance(java.time.Duration.ofMinutes(3))
                        .secrets("rotated-in-from-a-vault"))
        .run(
            context -> {
              EndpointConfig config =
                  context.getBean(EndpointGuards.class).guard("orders").orElseThrow().config();
              assertThat(config.tolerance()).hasMinutes(3);
              assertThat(config.secretLabels()).containsExactly("secrets[0]", "secrets[1]");
            });
  }

  @Test
  void anApplicationsOwnStoreIsUsed() {
    InMemoryIdempotencyStore own = InMemoryIdempotencyStore.create();
    runner
        .withBean(IdempotencyStore.class, () -> own)
        .run(context -> assertThat(context.getBean(IdempotencyStore.class)).isSameAs(own));
  }

  @Test
  void theJdbcStoreIsSelectedByPropertyOnTheApplicationsDataSource() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:spring-store;DB_CLOSE_DELAY=-1");
    runner
        .withBean(DataSource.class, () -> h2)
        .withPropertyValues(
            "webhook.idempotency.store=jdbc", "webhook.idempotency.jdbc.create-table=true")
        .run(
            context ->
                assertThat(context.getBean(IdempotencyStore.class))
                    .isInstanceOf(JdbcIdempotencyStore.class));
  }

  @Test
  void everyAttemptIsTimedAndTheMatchedSecretLabelCounted() {
    io.micrometer.core.instrument.simple.SimpleMeterRegistry registry =
        new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
    runner
        .withBean(io.micrometer.core.instrument.MeterRegistry.class, () -> registry)
        .run(
            context -> {
              io.webhookkit.core.WebhookGuard guard =
                  context.getBean(EndpointGuards.class).guard("orders").orElseThrow();
              io.webhookkit.test.TestDelivery valid =
                  io.webhookkit.test.TestDelivery.stripe(SECRET);
              io.webhookkit.core.WebhookRequest.Builder request =
                  io.webhookkit.core.WebhookRequest.builder()
                      .remoteAddress("127.0.0.1")
                      .body(valid.body());
              valid.headers().forEach(request::header);
              ((io.webhookkit.core.Decision.Proceed) guard.inspect(request.build()))
                  .ticket()
                  .settle(200);
              io.webhookkit.core.WebhookRequest.Builder forged =
                  io.webhookkit.core.WebhookRequest.builder()
                      .remoteAddress("127.0.0.1")
                      .body(valid.withTamperedBody().body());
              valid.headers().forEach(forged::header);
              guard.inspect(forged.build());

              assertThat(
                      registry
                          .get("webhook.attempts")
                          .tags("endpoint", "orders", "outcome", "accepted", "reason", "none")
                          .timer()
                          .count())
                  .isEqualTo(1);
              assertThat(
                      registry
                          .get("webhook.attempts")
                          .tags("outcome", "rejected", "reason", "signature_invalid")
                          .timer()
                          .count())
                  .isEqualTo(1);
              assertThat(
                      registry
                          .get("webhook.secret.matches")
                          .tags("endpoint", "orders", "secret", "secrets[0]")
                          .counter()
                          .count())
                  .isEqualTo(1.0);
              assertThat(registry.getMeters())
                  .allSatisfy(m -> assertThat(m.getId().toString()).doesNotContain(SECRET));
            });
  }

  @Test
  void theRedisStoreIsSelectedByPropertyOnTheApplicationsRedisSettings() throws Exception {
    int port;
    try (java.net.ServerSocket s =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    redis.embedded.RedisServer redisServer =
        redis.embedded.RedisServer.newRedisServer()
            .port(port)
            .bind("127.0.0.1")
            .setting("save \"\"")
            .build();
    redisServer.start();
    try {
      runner
          .withPropertyValues(
              "webhook.idempotency.store=redis",
              "spring.data.redis.host=127.0.0.1",
              "spring.data.redis.port=" + port)
          .run(
              context -> {
                IdempotencyStore store = context.getBean(IdempotencyStore.class);
                assertThat(store)
                    .isInstanceOf(io.webhookkit.store.redis.RedisIdempotencyStore.class);
                assertThat(store.acquire("spring:1", "fp", java.time.Duration.ofSeconds(60)))
                    .isInstanceOf(io.webhookkit.core.idempotency.Acquisition.Acquired.class);
                ((io.webhookkit.store.redis.RedisIdempotencyStore) store).close();
              });
    } finally {
      redisServer.stop();
    }
  }

  @Test
  void nothingIsConfiguredOutsideAWebApplication() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(WebhookAutoConfiguration.class))
        .run(context -> assertThat(context).doesNotHaveBean(EndpointGuards.class));
  }

  @Test
  void aBadKeyFailsStartUpWithAnAnalysisNamingTheEndpointAndTheProperty() {
    runner
        .withPropertyValues("webhook.endpoints.orders.rate-limit=often")
        .run(
            context -> {
              assertThat(context).hasFailed();
              Throwable failure = context.getStartupFailure();
              FailureAnalysis analysis = new WebhookConfigurationFailureAnalyzer().analyze(failure);
              assertThat(analysis).isNotNull();
              assertThat(analysis.getDescription())
                  .contains("endpoint 'orders'")
                  .contains("key 'rate-limit'")
                  .doesNotContain(SECRET);
              assertThat(analysis.getAction()).contains("webhook.endpoints.orders.rate-limit");
              assertThat(rootOf(failure)).isInstanceOf(WebhookConfigurationException.class);
            });
  }

  @Test
  void aMisspeltKeyFailsStartUpNamingTheEndpointAndTheKey() {
    runner
        .withPropertyValues("webhook.endpoints.orders.tolerence=1m")
        .run(
            context -> {
              assertThat(context).hasFailed();
              assertThat(rootOf(context.getStartupFailure()))
                  .isInstanceOf(WebhookConfigurationException.class)
                  .hasMessageContaining("'orders'")
                  .hasMessageContaining("'tolerence'")
                  .hasMessageNotContaining(SECRET);
            });
  }

  @Test
  void aMisspeltListKeyFailsStartUpToo() {
    runner
        .withPropertyValues(
            "webhook.endpoints.orders.allowed-ip[0]=192.0.2.0/24",
            "webhook.endpoints.orders.allowed-ip[1]=198.51.100.0/24")
        .run(
            context ->
                assertThat(rootOf(context.getStartupFailure()))
                    .isInstanceOf(WebhookConfigurationException.class)
                    .hasMessageContaining("'orders'")
                    .hasMessageContaining("'allowed-ip'"));
  }

  @Test
  void aMisspeltNestedKeyFailsStartUpToo() {
    runner
        .withPropertyValues("webhook.endpoints.orders.idempotency.retension=1d")
        .run(
            context ->
                assertThat(rootOf(context.getStartupFailure()))
                    .isInstanceOf(WebhookConfigurationException.class)
                    .hasMessageContaining("'idempotency.retension'"));
  }

  @Test
  void relaxedSpellingsOfKnownKeysStillBind() {
    runner
        .withPropertyValues(
            "webhook.endpoints.orders.maxBodySize=64KB",
            "webhook.endpoints.orders.idempotency.lease=45s",
            "webhook.endpoints.orders.trusted_proxies=10.0.0.0/8")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              EndpointConfig config =
                  context.getBean(EndpointGuards.class).guard("orders").orElseThrow().config();
              assertThat(config.maxBodySize()).isEqualTo(64 * 1024);
              assertThat(config.idempotencyLease()).hasSeconds(45);
            });
  }

  @Test
  void thePropertiesBindTheCoresKeysAndEveryBuiltInPresetsKeys() {
    java.util.Set<String> expected = new java.util.TreeSet<>(EndpointConfig.KEYS);
    io.webhookkit.core.provider.Providers.all()
        .forEach(p -> p.keys().forEach(k -> expected.add(k.name())));
    assertThat(new java.util.TreeSet<>(WebhookProperties.Endpoint.BOUND_KEYS)).isEqualTo(expected);
  }

  private static Throwable rootOf(Throwable t) {
    Throwable c = t;
    while (c.getCause() != null && !(c instanceof WebhookConfigurationException)) {
      c = c.getCause();
    }
    return c;
  }
}
