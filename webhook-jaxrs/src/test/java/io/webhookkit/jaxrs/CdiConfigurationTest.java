package io.webhookkit.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.webhookkit.core.EndpointConfig;
import io.webhookkit.core.idempotency.IdempotencyStore;
import io.webhookkit.core.idempotency.InMemoryIdempotencyStore;
import io.webhookkit.jaxrs.app.DataSources;
import io.webhookkit.jaxrs.app.ReplacementStore;
import io.webhookkit.jaxrs.app.TestSettings;
import io.webhookkit.jaxrs.app.Unconfigured;
import io.webhookkit.jaxrs.app.VaultCustomizer;
import io.webhookkit.store.jdbc.JdbcIdempotencyStore;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CDI configuration on Weld SE: the settings producer, validation when the container starts, the
 * store bean (selected by key, or replaced by an alternative), and the two fallback sources —
 * MicroProfile Config and {@code webhook.properties}.
 */
class CdiConfigurationTest {
  private static final String SECRET = "a-secret-never-printed";

  private static Map<String, String> github(Map<String, String> more) {
    Map<String, String> keys = new HashMap<>();
    keys.put("webhook.endpoints.github.provider", "github");
    keys.put("webhook.endpoints.github.secrets", SECRET);
    keys.putAll(more);
    return keys;
  }

  private static String stackTrace(Throwable e) {
    java.io.StringWriter out = new java.io.StringWriter();
    e.printStackTrace(new java.io.PrintWriter(out));
    return out.toString();
  }

  private static WeldContainer start(Map<String, String> keys, Class<?>... more) {
    TestSettings.keys = Map.copyOf(keys);
    return JerseyWeldServer.cdiOnly(more).initialize();
  }

  @Test
  void theProducersKeysConfigureTheGuardsWithTheDesignDefaults() {
    try (WeldContainer cdi = start(github(Map.of("webhook.endpoints.github.tolerance", "90s")))) {
      EndpointConfig c =
          cdi.select(WebhookGuards.class).get().guard("github").orElseThrow().config();
      assertThat(c.tolerance()).isEqualTo(Duration.ofSeconds(90));
      assertThat(c.maxBodySize()).isEqualTo(1024 * 1024);
      assertThat(c.idempotencyRetention()).isEqualTo(Duration.ofDays(7));
      assertThat(cdi.select(IdempotencyStore.class).get().toString())
          .contains(InMemoryIdempotencyStore.class.getSimpleName());
    }
  }

  @Test
  void customizerBeansAdjustEveryEndpointBeforeItIsChecked() {
    try (WeldContainer cdi = start(github(Map.of()), VaultCustomizer.class)) {
      EndpointConfig c =
          cdi.select(WebhookGuards.class).get().guard("github").orElseThrow().config();
      assertThat(c.tolerance()).isEqualTo(Duration.ofMinutes(3));
      assertThat(c.secretLabels()).containsExactly("secrets[0]", "secrets[1]");
    }
  }

  @Test
  void anInvalidValueFailsTheDeploymentNamingTheEndpointAndTheKeyButNotTheSecret() {
    assertThatThrownBy(() -> start(github(Map.of("webhook.endpoints.github.tolerance", "soon"))))
        .hasStackTraceContaining("'github'")
        .hasStackTraceContaining("tolerance")
        .satisfies(e -> assertThat(stackTrace(e)).doesNotContain(SECRET));
  }

  @Test
  void aMisspeltKeyFailsTheDeploymentNamingTheEndpointAndTheKey() {
    assertThatThrownBy(() -> start(github(Map.of("webhook.endpoints.github.tolerence", "1m"))))
        .hasStackTraceContaining("'github'")
        .hasStackTraceContaining("'tolerence'")
        .satisfies(e -> assertThat(stackTrace(e)).doesNotContain(SECRET));
  }

  @Test
  void aResourceNamingAnUnconfiguredEndpointFailsTheDeployment() {
    assertThatThrownBy(() -> start(github(Map.of()), Unconfigured.Resource.class))
        .hasStackTraceContaining("'nowhere'")
        .hasStackTraceContaining("webhook.endpoints.nowhere is not configured");
  }

  @Test
  void anObserverOfAnUnconfiguredEndpointFailsTheDeployment() {
    assertThatThrownBy(() -> start(github(Map.of()), Unconfigured.Observer.class))
        .hasStackTraceContaining("'elsewhere'");
  }

  @Test
  void twoObserversOfTheSameEventTypeFailTheDeploymentNamingBoth() {
    assertThatThrownBy(() -> start(github(Map.of()), Unconfigured.TwoForPush.class))
        .hasStackTraceContaining("'push' is taken by two handlers")
        .hasStackTraceContaining("TwoForPush.first")
        .hasStackTraceContaining("TwoForPush.second");
  }

  @Test
  void aDeferredEndpointNoObserverTakesFailsTheDeployment() {
    assertThatThrownBy(
            () -> start(github(Map.of("webhook.endpoints.github.processing", "deferred"))))
        .hasStackTraceContaining("'github'")
        .hasStackTraceContaining("key 'processing'")
        .hasStackTraceContaining("names endpoint 'github'");
  }

  @Test
  void theJdbcStoreIsSelectedByKeyOnTheApplicationsDataSourceBean() {
    Map<String, String> keys =
        github(
            Map.of(
                "webhook.idempotency.store", "jdbc",
                "webhook.idempotency.jdbc.create-table", "true"));
    try (WeldContainer cdi = start(keys, DataSources.class)) {
      IdempotencyStore store = cdi.select(IdempotencyStore.class).get();
      assertThat(store.toString()).contains(JdbcIdempotencyStore.class.getSimpleName());
    }
  }

  @Test
  void anAlternativeReplacesTheKitsStoreForEveryGuard() {
    TestSettings.keys = Map.copyOf(github(Map.of()));
    try (WeldContainer cdi =
        JerseyWeldServer.cdiOnly(ReplacementStore.class)
            .alternatives(ReplacementStore.class)
            .initialize()) {
      IdempotencyStore store = cdi.select(IdempotencyStore.class).get();
      String key = "probe:" + System.nanoTime();
      store.acquire(key, "f", Duration.ofSeconds(5));
      assertThat(ReplacementStore.STORE.acquire(key, "f", Duration.ofSeconds(5)))
          .as("the bean is the application's store")
          .isInstanceOf(io.webhookkit.core.idempotency.Acquisition.InProgress.class);
    }
  }

  @Test
  void microProfileConfigSuppliesTheKeysWhenPresent(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("META-INF"));
    Files.writeString(
        dir.resolve("META-INF/microprofile-config.properties"),
        "webhook.endpoints.stripe.provider=stripe\nwebhook.endpoints.stripe.secrets=whsec_x\n"
            + "unrelated.key=1\n",
        StandardCharsets.UTF_8);
    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
      WebhookSettings settings = MicroProfileSettings.read(loader);
      assertThat(settings.endpointNames()).containsExactly("stripe");
      assertThat(settings.endpoint("stripe").get("provider")).isEqualTo("stripe");
      assertThat(settings.get("unrelated.key")).isNull();
    }
  }

  @Test
  void webhookPropertiesOnTheClassPathIsTheLastSource(@TempDir Path dir) throws IOException {
    Files.writeString(
        dir.resolve("webhook.properties"),
        "webhook.endpoints.github.provider=github\nwebhook.endpoints.github.secrets=s\n"
            + "webhook.endpoints.github.idempotency.lease=30s\n",
        StandardCharsets.UTF_8);
    try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
      WebhookSettings settings = WebhookSettings.fromResource(loader);
      assertThat(settings.endpointNames()).containsExactly("github");
      assertThat(settings.endpoint("github").keys())
          .containsExactlyInAnyOrder("provider", "secrets", "idempotency.lease");
    }
  }
}
