package io.webhookkit.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The management keys documented in {@code docs/adapters/jaxrs.md} are the resource's. */
class ManagementDocumentationTest {
  @Test
  void theManagementKeysAreDocumentedWithTheirDefaults() throws IOException {
    String text =
        Files.readString(Path.of("..", "docs", "adapters", "jaxrs.md"), StandardCharsets.UTF_8);
    Pattern row =
        Pattern.compile("^\\| `(webhook\\.management\\.[a-z-]+)` \\|.*\\| `([^`]+)` \\|$");
    Map<String, String> rows = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      Matcher m = row.matcher(line);
      if (m.matches()) {
        rows.put(m.group(1), m.group(2));
      }
    }
    assertThat(rows)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                WebhookInboxResource.ENABLED_KEY,
                "false",
                WebhookInboxResource.ROLE_KEY,
                WebhookInboxResource.DEFAULT_ROLE));
  }
}
