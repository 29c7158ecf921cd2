package io.webhookkit.core.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Owner tokens are unique within and across sources, and fit the stores' 64-character column. */
class OwnerTokensTest {
  @Test
  void tokensOfOneSourceAndOfTwoSourcesNeverRepeat() {
    OwnerTokens a = OwnerTokens.create();
    OwnerTokens b = OwnerTokens.create();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      assertThat(seen.add(a.next())).isTrue();
      assertThat(seen.add(b.next())).isTrue();
    }
  }

  @Test
  void aTokenFitsTheStoresColumn() {
    OwnerTokens tokens = OwnerTokens.create();
    assertThat(tokens.next()).hasSizeLessThanOrEqualTo(49);
  }
}
