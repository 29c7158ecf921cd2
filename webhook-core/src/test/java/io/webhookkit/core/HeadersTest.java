package io.webhookkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Flat headers: names as received, looked up ignoring case, every value kept in order. */
class HeadersTest {
  private static Headers sample() {
    return Headers.builder()
        .add("Content-Type", "application/json")
        .add("X-Forwarded-For", "203.0.113.7")
        .add("x-forwarded-for", "10.0.0.1")
        .add("X-Hub-Signature-256", "sha256=ab")
        .build();
  }

  @Test
  void lookupsIgnoreCaseAndKeepEveryValueInOrder() {
    Headers h = sample();
    assertThat(h.first("content-type")).contains("application/json");
    assertThat(h.firstValue("CONTENT-TYPE")).isEqualTo("application/json");
    assertThat(h.firstValue("content-typ")).isNull();
    assertThat(h.all("X-FORWARDED-FOR")).containsExactly("203.0.113.7", "10.0.0.1");
    assertThat(h.all("x-hub-signature-256")).containsExactly("sha256=ab");
    assertThat(h.all("absent")).isEmpty();
    assertThat(h.contains("x-HUB-signature-256")).isTrue();
    assertThat(h.contains("x-hub-signature")).isFalse();
    assertThat(h.size()).isEqualTo(4);
    assertThat(h.name(2)).isEqualTo("x-forwarded-for");
    assertThat(h.value(2)).isEqualTo("10.0.0.1");
    assertThatThrownBy(() -> h.name(4)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void namesAndTheMapKeepTheFirstSpellingOfEachName() {
    Headers h = sample();
    assertThat(h.names()).containsExactly("Content-Type", "X-Forwarded-For", "X-Hub-Signature-256");
    Map<String, List<String>> map = h.asMap();
    assertThat(map.get("x-forwarded-for")).containsExactly("203.0.113.7", "10.0.0.1");
    assertThat(map.keySet())
        .containsExactlyInAnyOrder("Content-Type", "X-Forwarded-For", "X-Hub-Signature-256");
    assertThatThrownBy(() -> map.get("content-type").add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void setReplacesEveryValueAndTheBuiltHeadersDoNotChangeWithTheBuilder() {
    Headers.Builder b = Headers.builder();
    for (int i = 0; i < 40; i++) {
      b.add("X-N", Integer.toString(i));
    }
    Headers forty = b.build();
    b.set("x-n", "only");
    assertThat(forty.all("x-n")).hasSize(40);
    assertThat(forty.name(39)).isEqualTo("X-N");
    assertThat(forty.value(39)).isEqualTo("39");
    // names and values stay paired through growth and through set's compaction
    Headers.Builder mixed = Headers.builder();
    for (int i = 0; i < 20; i++) {
      mixed.add(i % 2 == 0 ? "Even" : "Odd-" + i, "v" + i);
    }
    Headers pairs = mixed.set("even", "e").build();
    assertThat(pairs.size()).isEqualTo(11);
    for (int i = 0; i < 10; i++) {
      assertThat(pairs.name(i)).isEqualTo("Odd-" + (2 * i + 1));
      assertThat(pairs.value(i)).isEqualTo("v" + (2 * i + 1));
    }
    assertThat(pairs.name(10)).isEqualTo("even"); // set keeps the spelling it is given
    assertThat(pairs.value(10)).isEqualTo("e");
    assertThat(b.build().all("X-N")).containsExactly("only");
    // build() hands its arrays over: a builder used again (below its capacity) copies them first
    Headers.Builder small = Headers.builder().add("A", "1");
    Headers one = small.build();
    small.add("A", "2").add("B", "3");
    Headers three = small.build();
    small.set("a", "4");
    assertThat(one.size()).isEqualTo(1);
    assertThat(one.all("a")).containsExactly("1");
    assertThat(three.all("a")).containsExactly("1", "2");
    assertThat(three.first("b")).contains("3");
    assertThat(small.build().all("a")).containsExactly("4");
    assertThat(Headers.of(Map.of("A", List.of("1", "2"))).all("a")).containsExactly("1", "2");
    assertThat(Headers.empty().size()).isZero();
  }
}
