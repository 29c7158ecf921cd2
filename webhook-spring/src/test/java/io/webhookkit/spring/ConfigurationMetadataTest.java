package io.webhookkit.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.webhookkit.core.provider.Providers;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The IDE hints Spring Boot users see are the kit's: every registered preset, nothing else, in the
 * metadata the jar ships ({@code src/build/ProviderHints.java} writes them from the registry before
 * the configuration processor runs).
 */
class ConfigurationMetadataTest {
  @Test
  void theProviderHintsNameEveryRegisteredPreset() throws Exception {
    String json;
    try (InputStream in =
        getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
      assertThat(in).isNotNull();
      json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    int start = json.indexOf("\"name\": \"webhook.endpoints.values.provider\"");
    int end = json.indexOf("\"name\": \"webhook.idempotency.store\"", start);
    assertThat(start).isNotNegative();
    assertThat(end).isGreaterThan(start);
    Matcher value =
        Pattern.compile("\"value\": \"([a-z0-9-]+)\"").matcher(json.substring(start, end));
    Set<String> hinted = new TreeSet<>();
    while (value.find()) {
      hinted.add(value.group(1));
    }
    assertThat(hinted).isEqualTo(new TreeSet<>(Providers.names()));
  }
}
