package io.webhookkit.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The broker's cluster ids: what the storage tool takes as an argument, never an option. */
class KafkaBrokerTest {
  @Test
  void clusterIdsAreSixteenBytesAndNeverStartWithADash() {
    for (int i = 0; i < 5_000; i++) {
      String id = KafkaBroker.clusterId();
      assertThat(id).doesNotStartWith("-").hasSize(22);
      assertThat(Base64.getUrlDecoder().decode(id)).hasSize(16);
    }
  }
}
