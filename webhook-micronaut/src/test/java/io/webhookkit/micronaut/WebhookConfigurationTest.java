package io.webhookkit.micronaut;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import io.webhookkit.core.EndpointConfig;
import io.webhookkit.core.WebhookConfigurationException;
import io.webhookkit.core.idempotency.IdempotencyStore;
import io.webhookkit.core.idempotency.InMemoryIdempotencyStore;
import io.webhookkit.micronaut.app.TestBeans;
import io.webhookkit.store.jdbc.JdbcIdempotencyStore;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import redis.embedded.RedisServer;

/** Binding, validation at start-up, and store selection, on a real application context. */
class WebhookConfigurationTest {
  private static final String SECRET = "a-secret-never-printed";

  private static Map<String, Object> github(Map<String, Object> more) {
    Map<String, Object> p = new HashMap<>();
    p.put("webhook.endpoints.github.provider", "github");
    p.put("webhook.endpoints.github.secrets", SECRET);
    p.putAll(more);
    return p;
  }

  @Test
  void anEndpointWithOnlyProviderAndSecretsGetsTheDesignDefaults() {
    try (ApplicationContext context = ApplicationContext.run(github(Map.of()))) {
      EndpointConfig c =
          context.getBean(WebhookGuards.class).guard("github").orElseThrow().config();
      assertThat(c.provider().name()).isEqualTo("github");
      assertThat(c.tolerance()).isEqualTo(Duration.ofMinutes(5));
      assertThat(c.maxBodySize()).isEqualTo(1024 * 1024);
      assertThat(c.requireHttps()).isTrue();
      assertThat(c.idempotencyEnabled()).isTrue();
      assertThat(c.idempotencyRetention()).isEqualTo(Duration.ofDays(7));
      assertThat(context.getBean(IdempotencyStore.class))
          .isInstanceOf(InMemoryIdempotencyStore.class);
    }
  }

  @Test
  void durationsSizesListsAndNestedKeysBindInMicronautsFormats() {
    Map<String, Object> p =
        github(
            Map.of(
                "webhook.endpoints.github.secrets", List.of("old-secret", "new-secret"),
                "webhook.endpoints.github.tolerance", "90s",
                "webhook.endpoints.github.max-body-size", "512KB",
                "webhook.endpoints.github.allowed-ips", List.of("192.0.2.0/24", "2001:db8::/32"),
                "webhook.endpoints.github.require-https", false,
                "webhook.endpoints.github.idempotency.retention", "2d",
                "webhook.endpoints.github.idempotency.lease", "PT30S"));
    try (ApplicationContext context = ApplicationContext.run(p)) {
      EndpointConfig c =
          context.getBean(WebhookGuards.class).guard("github").orElseThrow().config();
      assertThat(c.secretLabels()).hasSize(2);
      assertThat(c.tolerance()).isEqualTo(Duration.ofSeconds(90));
      assertThat(c.maxBodySize()).isEqualTo(512 * 1024);
      assertThat(c.allowedIps()).containsExactly("192.0.2.0/24", "2001:db8:0:0:0:0:0:0/32");
      assertThat(c.requireHttps()).isFalse();
      assertThat(c.idempotencyRetention()).isEqualTo(Duration.ofDays(2));
      assertThat(c.idempotencyLease()).isEqualTo(Duration.ofSeconds(30));
    }
  }

  @Test
  void anInvalidValueFailsStartUpNamingTheEndpointAndTheKeyButNotTheSecret() {
    assertThatThrownBy(
            () ->
                ApplicationContext.run(
                    github(Map.of("webhook.endpoints.github.tolerance", "soon"))))
        .rootCause()
        .hasMessageContaining("'github'")
        .hasMessageContaining("tolerance")
        .message()
        .doesNotContain(SECRET);
  }

  @Test
  void aMisspeltKeyFailsStartUp() {
    assertThatThrownBy(
            () ->
                ApplicationContext.run(github(Map.of("webhook.endpoints.github.tolerence", "1m"))))
        .rootCause()
        .hasMessageContaining("'github'")
        .hasMessageContaining("tolerence");
  }

  @Test
  void aMissingProviderFailsStartUp() {
    assertThatThrownBy(
            () -> ApplicationContext.run(Map.of("webhook.endpoints.orders.secrets", SECRET)))
        .rootCause()
        .hasMessageContaining("'orders'")
        .hasMessageContaining("provider");
  }

  @Test
  void aWebhookEndpointNamingAnUnconfiguredEndpointFailsStartUp() {
    assertThatThrownBy(() -> ApplicationContext.run(github(Map.of("test.unconfigured", "true"))))
        .rootCause()
        .hasMessageContaining("'nowhere'")
        .hasMessageContaining("webhook.endpoints.nowhere is not configured");
  }

  @Test
  void theJdbcStoreIsSelectedByKeyOnTheApplicationsDataSource() {
    Map<String, Object> p =
        github(
            Map.of(
                "test.datasource", "true",
                "webhook.idempotency.store", "jdbc",
                "webhook.idempotency.jdbc.create-table", "true"));
    try (ApplicationContext context = ApplicationContext.run(p)) {
      assertThat(context.getBean(IdempotencyStore.class)).isInstanceOf(JdbcIdempotencyStore.class);
    }
  }

  @Test
  void theRedisStoreIsSelectedByKeyAnswersAndIsClosedWithTheContext() throws Exception {
    int port;
    try (java.net.ServerSocket s =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    RedisServer server =
        RedisServer.newRedisServer().port(port).bind("127.0.0.1").setting("save \"\"").build();
    server.start();
    try {
      Map<String, Object> p =
          github(
              Map.of(
                  "webhook.idempotency.store",
                  "redis",
                  "webhook.idempotency.redis.uri",
                  "redis://127.0.0.1:" + port));
      IdempotencyStore store;
      try (ApplicationContext context = ApplicationContext.run(p)) {
        store = context.getBean(IdempotencyStore.class);
        assertThat(store).isInstanceOf(io.webhookkit.store.redis.RedisIdempotencyStore.class);
        assertThat(store.acquire("github:probe", "f", Duration.ofSeconds(5)))
            .isInstanceOf(io.webhookkit.core.idempotency.Acquisition.Acquired.class);
      }
      assertThatThrownBy(() -> store.acquire("github:after", "f", Duration.ofSeconds(5)))
          .as("the factory closed the store it made")
          .isInstanceOf(RuntimeException.class);
    } finally {
      server.stop();
    }
  }

  @Test
  void anUnknownStoreFailsStartUpNamingTheKey() {
    assertThatThrownBy(
            () -> ApplicationContext.run(github(Map.of("webhook.idempotency.store", "mongo"))))
        .rootCause()
        .hasMessageContaining("webhook.idempotency.store");
  }

  @Test
  void theApplicationsOwnStoreBeanReplacesTheKitsAndEveryGuardUsesIt() {
    try (ApplicationContext context =
        ApplicationContext.run(github(Map.of("test.custom-store", "true")))) {
      assertThat(context.getBeansOfType(IdempotencyStore.class))
          .containsExactly(TestBeans.CUSTOM_STORE);
    }
  }

  private static WebhookConfigurationException startUpFailure(Map<String, Object> properties) {
    Throwable failure =
        org.assertj.core.api.Assertions.catchThrowable(
            () -> ApplicationContext.run(properties).close());
    Throwable cause = failure;
    while (cause != null && !(cause instanceof WebhookConfigurationException)) {
      cause = cause.getCause();
    }
    assertThat(cause).as("%s", failure).isInstanceOf(WebhookConfigurationException.class);
    return (WebhookConfigurationException) cause;
  }

  @Test
  void aWebhookHandlerNamingAnUnconfiguredEndpointFailsStartUpNamingTheMethod() {
    assertThat(startUpFailure(github(Map.of("test.misuse", "unconfigured"))))
        .hasMessageContaining("'gitlab'")
        .hasMessageContaining("Unconfigured.onGitLab")
        .hasMessageContaining("webhook.endpoints.gitlab is not configured");
  }

  @Test
  void twoWebhookHandlersTakingTheSameEventFailStartUpNamingBoth() {
    assertThat(startUpFailure(github(Map.of("test.misuse", "twice"))))
        .hasMessageContaining("'push' is taken by two handlers")
        .hasMessageContaining("TwoForPush.first")
        .hasMessageContaining("TwoForPush.second");
  }

  @Test
  void aWebhookHandlerParameterTheKitCannotBindFailsStartUpNamingTheMethod() {
    assertThat(startUpFailure(github(Map.of("test.misuse", "unbindable"))))
        .hasMessageContaining("Unbindable.onEvent")
        .hasMessageContaining("HttpRequest")
        .hasMessageContaining("cannot be bound");
  }

  @Test
  void aDeferredEndpointNoWebhookHandlerNamesFailsStartUp() {
    assertThat(startUpFailure(github(Map.of("webhook.endpoints.github.processing", "deferred"))))
        .hasMessageContaining("'github'")
        .hasMessageContaining("key 'processing'")
        .hasMessageContaining("names endpoint 'github'");
  }
}
