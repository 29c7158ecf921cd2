package io.webhookkit.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.webhookkit.core.provider.Providers;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConformanceEndpointsTest {
  /**
   * The conformance kit covers exactly the presets the core registers (through its services file,
   * as a class-path application finds them): a new preset cannot skip the adapters' conformance
   * runs, and this list is the catalogue's one list of names.
   */
  @Test
  void theKitCoversEveryRegisteredPresetAndNoOther() {
    List<String> covered =
        new ArrayList<>(
            List.of("github", "stripe", "slack", "standard-webhooks", "svix", "shopify", "hmac"));
    covered.addAll(ConformanceEndpoints.CATALOGUE);
    covered.addAll(ConformanceEndpoints.REMOTE_KEY_PRESETS);

    assertThat(Providers.names()).containsExactlyInAnyOrderElementsOf(covered);
  }
}
