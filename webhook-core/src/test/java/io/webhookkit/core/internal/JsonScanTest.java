package io.webhookkit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The byte-level scan against an oracle built from Jackson: the bytes must be valid UTF-8 (a strict
 * decoder; one leading byte-order mark skipped, as Jackson skips it) and Jackson's parser, with its
 * default limits, must read the decoded text as exactly one document in which no member on a
 * captured path appears twice; the values are Jackson's {@code getText()} of the scalars at those
 * paths. Same accept/reject and same values on every input: hand-picked edges, random documents,
 * their mutations and all their prefixes (fixed seeds, so a failure repeats).
 */
class JsonScanTest {
  private static final Set<String> PATHS =
      Set.of("id", "type", "event.type", "event.id", "data.object.id");
  private static final JsonFactory JACKSON = JsonFactory.builder().build();

  /** What the oracle says: the captured values, or {@code null} when not well-formed. */
  static @Nullable Map<String, String> oracle(byte[] body, Set<String> paths) {
    byte[] b = body;
    if (b.length >= 3 && b[0] == (byte) 0xEF && b[1] == (byte) 0xBB && b[2] == (byte) 0xBF) {
      b = Arrays.copyOfRange(b, 3, b.length);
    }
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(b));
    } catch (CharacterCodingException notUtf8) {
      return null;
    }
    for (byte x : b) {
      if (x == 0) {
        // never in UTF-8 JSON (not white space; escaped in strings), and it would make Jackson's
        // byte parser read the body as UTF-16 or UTF-32
        return null;
      }
    }
    // paths as lists of member names: a member named "event.type" is not the path event → type
    Set<List<String>> prefixes = new HashSet<>();
    Map<List<String>, String> pathOf = new HashMap<>();
    for (String p : paths) {
      List<String> segments = List.of(p.split("\\.", -1));
      pathOf.put(segments, p);
      for (int k = 1; k <= segments.size(); k++) {
        prefixes.add(segments.subList(0, k));
      }
    }
    List<String> off = List.of("\u0000off");
    Map<String, String> found = new HashMap<>();
    // per open container: its path on the capture chain (empty for the root), or off it
    Deque<List<String>> chain = new ArrayDeque<>();
    Deque<Set<String>> seen = new ArrayDeque<>();
    Deque<Boolean> objects = new ArrayDeque<>();
    try (JsonParser p = JACKSON.createParser(body)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        return null;
      }
      List<String> pending = null;
      boolean first = true;
      while (t != null) {
        switch (t) {
          case START_OBJECT, START_ARRAY -> {
            List<String> under;
            if (first) {
              under = List.of();
            } else if (!objects.isEmpty() && objects.peek() && pending != null) {
              under = pending;
            } else {
              under = null;
            }
            boolean object = t == JsonToken.START_OBJECT;
            chain.push(object && under != null ? under : off);
            seen.push(new HashSet<>());
            objects.push(object);
            pending = null;
          }
          case END_OBJECT, END_ARRAY -> {
            chain.pop();
            seen.pop();
            objects.pop();
            pending = null;
          }
          case FIELD_NAME -> {
            String name = p.getText();
            List<String> at = chain.peek();
            pending = null;
            if (at != null && !at.equals(off)) {
              List<String> full = new ArrayList<>(at);
              full.add(name);
              if (prefixes.contains(full)) {
                if (!seen.peek().add(name)) {
                  return null;
                }
                pending = full;
              }
            }
          }
          default -> {
            String value = p.getText();
            if (pending != null && pathOf.containsKey(pending)) {
              found.put(pathOf.get(pending), value);
            }
            pending = null;
          }
        }
        first = false;
        if (objects.isEmpty()) {
          break;
        }
        t = p.nextToken();
      }
      if (p.nextToken() != null) {
        return null;
      }
      return found;
    } catch (Exception malformed) {
      return null;
    }
  }

  private static void agree(JsonScan scan, Set<String> paths, byte[] body) {
    Map<String, String> expected = oracle(body, paths);
    Map<String, String> actual = scan.scan(body);
    // the guard reads the same pass as an array by index: it must answer the same
    String[] values = scan.values(body);
    Map<String, String> byIndex = null;
    if (values != null) {
      byIndex = new java.util.HashMap<>();
      for (String path : paths) {
        String v = values[scan.index(path)];
        if (v != null) {
          byIndex.put(path, v);
        }
      }
    }
    if (!java.util.Objects.equals(expected, actual) || !java.util.Objects.equals(actual, byIndex)) {
      throw new AssertionError(
          "disagree on "
              + (body.length > 200
                  ? body.length
                      + " bytes starting "
                      + new String(body, 0, 60, StandardCharsets.ISO_8859_1)
                  : new String(body, StandardCharsets.ISO_8859_1) + " " + Arrays.toString(body))
              + ": Jackson "
              + expected
              + ", scan "
              + actual
              + ", by index "
              + byIndex);
    }
  }

  /**
   * The differential fuzz target: Jazzer's coverage-guided bytes, scanner against Jackson. In CI it
   * runs in regression mode over the seeds in {@code JsonScanTestInputs/scanAgreesWithJackson};
   * {@code JAZZER_FUZZ=1} fuzzes for real (see docs/testing.md).
   */
  @com.code_intelligence.jazzer.junit.FuzzTest
  void scanAgreesWithJackson(byte[] body) {
    agree(new JsonScan(PATHS), PATHS, body);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void valuesAreByIndexAndAPathNotReadHasNone() {
    JsonScan scan = new JsonScan(Set.of("type", "id"));
    String[] values = scan.values(utf8("{\"id\":\"a\",\"type\":\"b\",\"other\":\"c\"}"));
    assertThat(values).isNotNull().hasSize(2);
    assertThat(values[scan.index("id")]).isEqualTo("a");
    assertThat(values[scan.index("type")]).isEqualTo("b");
    assertThat(scan.index("other")).isEqualTo(-1);
    assertThat(scan.values(utf8("{\"id\":\"a\""))).isNull();
    assertThat(new JsonScan(Set.of()).values(utf8("[1]"))).isEmpty();
  }

  @Test
  void handPickedEdgesAgreeWithJackson() {
    JsonScan scan = new JsonScan(PATHS);
    List<String> cases =
        List.of(
            // a member whose name holds a dot is not a path (the fuzz target's old oracle thought
            // so, until the fuzzer showed it)
            "{\"event.type\":\"b\"}",
            "{\"event\":{\"type\":\"a\"},\"event.type\":\"b\"}",
            "{\"event.type\":\"b\",\"event\":{\"type\":\"a\"}}",
            // found by the fuzz target: Jackson refuses unpaired escaped surrogates in names
            "{\"\\udE00\":1}",
            "{\"\\ud800\":1}",
            "{\"\\ud800x\":1}",
            "{\"\\ud800\\udc00\":1}",
            "{\"\\ud800\\ud800\\udc00\":1}",
            "{\"x\\udc00\":1}",
            "{\"\\ud800\\u0041\":1}",
            "{\"id\":\"\\udE00\"}",
            "{}",
            "[]",
            "1",
            "-0",
            "01",
            "[01]",
            "-",
            "1.",
            ".5",
            "1e",
            "1e+",
            "1E+2",
            "0.0e-0",
            "+1",
            "NaN",
            "true",
            "truex",
            "[true1]",
            "nul",
            "\"\\x\"",
            "\"\\u12G4\"",
            "\"\\ud800\"",
            "\"a\tb\"",
            "\"a\u007fb\"",
            "",
            "   ",
            "1 2",
            "{\"id\":\"a\",\"id\":\"b\"}",
            "{\"id\":1,\"x\":{\"id\":2}}",
            "{\"event\":{\"type\":\"a\"},\"event\":{}}",
            "{\"event\":1,\"event\":{\"type\":\"x\"}}",
            "{\"other\":1,\"other\":2,\"id\":\"z\"}",
            "{\"id\":{\"id\":\"inner\"}}",
            "{\"\\u0069d\":\"escaped name\"}",
            "{\"id\":\"caf\\u00e9 \\ud83d\\ude00 \\\"q\\\" \\n\"}",
            "{\"id\":\"caf\u00e9 \ud83d\ude00\"}",
            "{\"id\":12.50e+3,\"type\":null,\"event\":{\"type\":true,\"id\":-0.0}}",
            "{\"data\":{\"object\":{\"id\":\"o\"}},\"list\":[{\"id\":\"not this\"}]}",
            "[{\"id\":\"in an array\"}]",
            "{\"id\" : \"spaced\" , \"type\" :\"t\"}\r\n",
            "{\"id\":\"a\"}}",
            "{\"id\":\"a\",}",
            "{,}",
            "[1,]",
            "[,1]",
            "{\"a\" 1}",
            "{\"a\":}",
            "{1:2}",
            "\u000b1",
            "[\"" + "x".repeat(40) + "\\",
            "{\"id\":\"" + "y".repeat(33) + "\"}");
    for (String c : cases) {
      agree(scan, PATHS, utf8(c));
      agree(new JsonScan(Set.of()), Set.of(), utf8(c));
    }
    for (byte[] raw :
        List.of(
            new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'},
            new byte[] {'"', (byte) 0xC0, (byte) 0x80, '"'},
            new byte[] {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'},
            new byte[] {'"', (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80, '"'},
            new byte[] {'"', (byte) 0xF5, (byte) 0x80, (byte) 0x80, (byte) 0x80, '"'},
            new byte[] {'"', (byte) 0xE2, (byte) 0x82, '"'},
            new byte[] {'"', (byte) 0x80, '"'},
            new byte[] {'1', 0},
            "{\"a\":1}".getBytes(StandardCharsets.UTF_16BE))) {
      agree(scan, PATHS, raw);
    }
  }

  @Test
  void jacksonsLimitsAreKept() {
    JsonScan scan = new JsonScan(PATHS);
    for (int n : new int[] {999, 1000, 1001}) {
      agree(scan, PATHS, utf8("[".repeat(n) + "]".repeat(n)));
      agree(scan, PATHS, utf8("{\"id\":" + "7".repeat(n) + "}"));
      agree(scan, PATHS, utf8("-" + "7".repeat(n)));
      agree(scan, PATHS, utf8("1." + "1".repeat(n - 1)));
      agree(scan, PATHS, utf8("1e" + "1".repeat(n - 1)));
      agree(scan, PATHS, utf8("1".repeat(n / 2) + "." + "1".repeat(n - n / 2)));
    }
    for (int n : new int[] {49_999, 50_000, 50_001}) {
      agree(scan, PATHS, utf8("{\"" + "a".repeat(n) + "\":1}"));
      agree(scan, PATHS, utf8("{\"" + "\u00e9".repeat(n / 2) + "\":1}"));
      agree(scan, PATHS, utf8("{\"" + "a".repeat(n - 2) + "\u00e9\":1}"));
      agree(scan, PATHS, utf8("{\"" + "\\u0061".repeat(n / 6 + 1) + "\":1}"));
      agree(scan, PATHS, utf8("{\"" + "\\u00e9".repeat(n / 6 + 1) + "\":1}"));
    }
    assertThat(scan.scan(utf8("[".repeat(1000) + "]".repeat(1000)))).isNotNull();
    assertThat(scan.scan(utf8("[".repeat(1001) + "]".repeat(1001)))).isNull();
  }

  /**
   * Objects and arrays mixed to depths around 64, where the scanner's record of which container is
   * open moves from the bits of a long to an array, and to Jackson's limit; then each with one
   * closer swapped (a ']' where '}' belongs or the reverse), which both must refuse.
   */
  @Test
  void mixedNestingAcrossSixtyFourLevelsAgreesWithJackson() {
    JsonScan scan = new JsonScan(PATHS);
    JsonScan plain = new JsonScan(Set.of()); // well-formedness only, as for GitHub
    for (int n : new int[] {1, 2, 63, 64, 65, 66, 127, 128, 129, 999, 1000, 1001}) {
      for (int pattern = 0; pattern < 3; pattern++) {
        boolean[] object = new boolean[n];
        StringBuilder open = new StringBuilder();
        for (int k = 0; k < n; k++) {
          object[k] = pattern == 0 ? k % 3 == 0 : pattern == 1 ? k % 2 == 1 : k >= 64;
          open.append(object[k] ? "{\"id\":" : "[");
        }
        for (int wrong : new int[] {-1, 0, n / 2, n - 1, Math.min(n - 1, 65)}) {
          StringBuilder doc = new StringBuilder(open).append("\"v\"");
          for (int k = n - 1; k >= 0; k--) {
            boolean closeObject = k == wrong ? !object[k] : object[k];
            doc.append(closeObject ? '}' : ']');
            if (k > 0 && k % 7 == 0 && k != wrong) {
              doc.append(' '); // white space between closers, now and then
            }
          }
          agree(scan, PATHS, utf8(doc.toString()));
          agree(plain, Set.of(), utf8(doc.toString()));
        }
      }
    }
    String deep = "[{\"id\":".repeat(40) + "1" + "}]".repeat(40);
    assertThat(scan.scan(utf8(deep))).isNotNull();
    assertThat(scan.scan(utf8(deep.substring(0, deep.length() - 3) + "]]]"))).isNull();
  }

  /**
   * A path is followed only through the objects it names, from the root: an object of the same name
   * elsewhere, deeper, or after the path's own object closed, is not on it.
   */
  @Test
  void pathsGoOnlyThroughTheirOwnObjects() {
    JsonScan scan = new JsonScan(Set.of("data.object.id", "type"));
    assertThat(
            scan.scan(
                utf8(
                    "{\"data\":{\"x\":{\"object\":{\"id\":\"no\"}},\"object\":{\"id\":\"yes\"}}}")))
        .containsExactly(Map.entry("data.object.id", "yes"));
    assertThat(
            scan.scan(
                utf8(
                    "{\"x\":{\"data\":{\"object\":{\"id\":\"no\"}}},\"data\":{\"object\":{\"id\":\"yes\"}}}")))
        .containsExactly(Map.entry("data.object.id", "yes"));
    // after data.object closed, a sibling's "object" and a nested "type" are on no path
    assertThat(
            scan.scan(
                utf8(
                    "{\"data\":{\"object\":{\"id\":\"a\"},\"other\":{\"object\":{\"id\":\"b\"}}},"
                        + "\"more\":{\"type\":\"no\"},\"type\":\"t\"}")))
        .containsOnly(Map.entry("data.object.id", "a"), Map.entry("type", "t"));
    // inside an array, nothing is on a path
    assertThat(scan.scan(utf8("{\"data\":[{\"object\":{\"id\":\"no\"}}]}"))).isEmpty();
  }

  @Test
  void duplicateMembersOnAPathTheKitReadsAreRefused() {
    JsonScan scan = new JsonScan(Set.of("id", "event.type"));
    assertThat(scan.scan(utf8("{\"id\":\"a\",\"id\":\"b\"}"))).isNull();
    assertThat(scan.scan(utf8("{\"event\":{\"type\":\"a\"},\"event\":{\"type\":\"b\"}}"))).isNull();
    assertThat(scan.scan(utf8("{\"event\":{\"type\":\"a\",\"type\":\"b\"}}"))).isNull();
    // a dotted member name is one name, not the path it spells
    assertThat(scan.scan(utf8("{\"event.type\":\"b\"}"))).isEmpty();
    assertThat(scan.scan(utf8("{\"event.type\":\"b\",\"event\":{\"type\":\"a\"}}")))
        .containsExactly(Map.entry("event.type", "a"));
    // names off the kit's paths may repeat, as JSON allows
    assertThat(scan.scan(utf8("{\"x\":1,\"x\":2,\"id\":\"a\"}"))).containsEntry("id", "a");
    // past 64 members on the paths, "seen" moves from a long's bits to an array: both refuse
    Set<String> many = new java.util.HashSet<>();
    for (int k = 0; k < 70; k++) {
      many.add("m" + k);
    }
    JsonScan wide = new JsonScan(many);
    assertThat(wide.scan(utf8("{\"m0\":1,\"m69\":2,\"m63\":3,\"m64\":4}")))
        .containsEntry("m0", "1")
        .containsEntry("m69", "2")
        .hasSize(4);
    assertThat(wide.scan(utf8("{\"m69\":1,\"m0\":2,\"m69\":3}"))).isNull();
    assertThat(wide.scan(utf8("{\"m64\":1,\"m63\":2,\"m63\":3}"))).isNull();
  }

  /** A random document: objects and arrays to depth 5, names from a small set, every scalar. */
  private static void document(Random r, StringBuilder sb, int depth) {
    int kind = depth >= 5 ? 2 + r.nextInt(5) : r.nextInt(7);
    switch (kind) {
      case 0 -> {
        sb.append('{');
        int n = r.nextInt(4);
        for (int k = 0; k < n; k++) {
          if (k > 0) {
            sb.append(',');
          }
          space(r, sb);
          string(r, sb, NAMES[r.nextInt(NAMES.length)]);
          space(r, sb);
          sb.append(':');
          space(r, sb);
          document(r, sb, depth + 1);
          space(r, sb);
        }
        sb.append('}');
      }
      case 1 -> {
        sb.append('[');
        int n = r.nextInt(4);
        for (int k = 0; k < n; k++) {
          if (k > 0) {
            sb.append(',');
          }
          space(r, sb);
          document(r, sb, depth + 1);
        }
        sb.append(']');
      }
      case 2, 3 -> string(r, sb, text(r));
      case 4 -> sb.append(NUMBERS[r.nextInt(NUMBERS.length)]);
      case 5 -> sb.append(List.of("true", "false", "null").get(r.nextInt(3)));
      default -> {
        sb.append('{');
        string(r, sb, NAMES[r.nextInt(2)]);
        sb.append(':');
        string(r, sb, text(r));
        sb.append('}');
      }
    }
  }

  private static final String[] NAMES = {
    "id", "type", "event", "data", "object", "other", "caf\u00e9", "\\u0069d", "t\\\"y"
  };
  private static final String[] NUMBERS = {
    "0", "-0", "1", "-12", "3.25", "1e9", "6.02E+23", "-1.5e-7", "10", "123456789012345678901"
  };
  private static final String[] PIECES = {
    "a",
    "Z",
    " ",
    "caf\u00e9",
    "\u20ac",
    "\ud83d\ude00",
    "\\n",
    "\\\"",
    "\\\\",
    "\\/",
    "\\u00e9",
    "\\ud83d\\ude00",
    "\\ud800",
    "\u007f",
    "x".repeat(17)
  };

  private static String text(Random r) {
    StringBuilder sb = new StringBuilder();
    int n = r.nextInt(6);
    for (int k = 0; k < n; k++) {
      sb.append(PIECES[r.nextInt(PIECES.length)]);
    }
    return sb.toString();
  }

  private static void string(Random r, StringBuilder sb, String content) {
    sb.append('"').append(content).append('"');
  }

  private static void space(Random r, StringBuilder sb) {
    if (r.nextInt(4) == 0) {
      sb.append(List.of(" ", "\n", "\r\n", "\t", "  ").get(r.nextInt(5)));
    }
  }

  private static final byte[] INTERESTING = {
    '{',
    '}',
    '[',
    ']',
    '"',
    '\\',
    ':',
    ',',
    ' ',
    'e',
    '-',
    '.',
    '0',
    'u',
    'n',
    't',
    0,
    (byte) 0x80,
    (byte) 0xBF,
    (byte) 0xC0,
    (byte) 0xC2,
    (byte) 0xE0,
    (byte) 0xED,
    (byte) 0xF0,
    (byte) 0xF4,
    (byte) 0xF5,
    (byte) 0xFF,
    0x1F,
    0x7F
  };

  private static byte[] mutate(Random r, byte[] doc) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int at = doc.length == 0 ? 0 : r.nextInt(doc.length);
    switch (r.nextInt(5)) {
      case 0 -> { // replace a byte
        out.write(doc, 0, doc.length);
        byte[] b = out.toByteArray();
        if (b.length > 0) {
          b[at] = INTERESTING[r.nextInt(INTERESTING.length)];
        }
        return b;
      }
      case 1 -> { // delete a byte
        out.write(doc, 0, at);
        out.write(doc, Math.min(doc.length, at + 1), Math.max(0, doc.length - at - 1));
      }
      case 2 -> { // insert a byte
        out.write(doc, 0, at);
        out.write(INTERESTING[r.nextInt(INTERESTING.length)]);
        out.write(doc, at, doc.length - at);
      }
      case 3 -> { // duplicate a slice
        int to = at + r.nextInt(Math.max(1, doc.length - at));
        out.write(doc, 0, to);
        out.write(doc, at, to - at);
        out.write(doc, to, doc.length - to);
      }
      default -> { // flip a bit
        out.write(doc, 0, doc.length);
        byte[] b = out.toByteArray();
        if (b.length > 0) {
          b[at] ^= (byte) (1 << r.nextInt(8));
        }
        return b;
      }
    }
    return out.toByteArray();
  }

  @Test
  void randomDocumentsTheirMutationsAndPrefixesAgreeWithJackson() {
    JsonScan scan = new JsonScan(PATHS);
    JsonScan plain = new JsonScan(Set.of());
    Random r = new Random(20261207);
    int accepted = 0;
    int refused = 0;
    for (int n = 0; n < 20_000; n++) {
      StringBuilder sb = new StringBuilder();
      space(r, sb);
      document(r, sb, 0);
      space(r, sb);
      byte[] doc = utf8(sb.toString());
      agree(scan, PATHS, doc);
      agree(plain, Set.of(), doc);
      for (int m = 0; m < 8; m++) {
        byte[] mutated = mutate(r, doc);
        agree(scan, PATHS, mutated);
        if (scan.scan(mutated) == null) {
          refused++;
        } else {
          accepted++;
        }
      }
      if (n % 50 == 0) {
        for (int k = 0; k < doc.length; k++) {
          agree(scan, PATHS, Arrays.copyOf(doc, k));
        }
      }
    }
    // the generator reaches both sides of the question
    assertThat(accepted).isGreaterThan(10_000);
    assertThat(refused).isGreaterThan(10_000);
  }
}
