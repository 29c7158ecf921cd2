package io.webhookkit.core.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * One pass over a body that both checks it is exactly one well-formed JSON document and picks out
 * the scalar values at a few dotted object paths ({@code id}, {@code event.type}), at byte level:
 * no parser objects, no text for what is not asked for, eight bytes at a time through strings.
 *
 * <p>Well-formed means RFC 8259 JSON in valid UTF-8 (RFC 3629: no overlong forms, no encoded
 * surrogates, nothing above U+10FFFF), one optional leading byte-order mark, and Jackson's default
 * stream limits, so that it accepts exactly what Jackson's parser accepts of the decoded text:
 * nesting at most 1000 deep, numbers of at most 1000 digits (integer digits; or integer, fraction
 * and exponent digits together), member names of at most 50,000 bytes of UTF-8. A member name that
 * leads to a captured path and appears twice in one object makes the document not well-formed: the
 * kit and an application's JSON mapper (which keeps the last) could otherwise disagree on the
 * delivery id. Captured values are scalars only (strings decoded; numbers and {@code true}/{@code
 * false}/{@code null} as written); nothing inside arrays. Immutable and thread-safe.
 */
public final class JsonScan {
  /** Jackson's default {@code StreamReadConstraints.maxNestingDepth}. */
  static final int MAX_DEPTH = 1000;

  /** Jackson's default {@code maxNumberLength}, in digits. */
  static final int MAX_NUMBER_DIGITS = 1000;

  /** Jackson's default {@code maxNameLength}: its byte parser counts the name's UTF-8 bytes. */
  static final int MAX_NAME_BYTES = 50_000;

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;
  private static final long QUOTES = ONES * '"';
  private static final long BACKSLASHES = ONES * '\\';
  private static final long SPACES = ONES * 0x20;
  private static final String[] NO_VALUES = new String[0];

  /** One level of the paths asked for: member names leading on, and the paths that end here. */
  private static final class Node {
    final byte[][] names;
    final String[] decoded;
    final @Nullable Node[] next;
    final int[] path; // index into paths when a path ends at this member, else -1
    final int[] edge; // this member's slot in the per-scan "seen" flags
    @Nullable Node parent; // the object this one is a member of; set once, while building

    Node(int n) {
      names = new byte[n][];
      decoded = new String[n];
      next = new Node[n];
      path = new int[n];
      edge = new int[n];
    }

    int find(byte[] b, int from, int length) {
      for (int k = 0; k < names.length; k++) {
        byte[] name = names[k];
        if (name.length == length && Arrays.equals(name, 0, length, b, from, from + length)) {
          return k;
        }
      }
      return -1;
    }

    int find(String name) {
      for (int k = 0; k < decoded.length; k++) {
        if (decoded[k].equals(name)) {
          return k;
        }
      }
      return -1;
    }
  }

  private final String[] paths;
  private final @Nullable Node root;
  private final int edges;

  /** A scan for these dotted paths (may be empty: then it only checks well-formedness). */
  public JsonScan(Set<String> paths) {
    this.paths = new TreeSet<>(paths).toArray(String[]::new);
    int[] counter = new int[1];
    this.root = this.paths.length == 0 ? null : node(List.of(this.paths), 0, counter);
    this.edges = counter[0];
  }

  private @Nullable Node node(List<String> under, int level, int[] counter) {
    Map<String, List<String>> byName = new LinkedHashMap<>();
    for (String p : under) {
      String[] segments = p.split("\\.", -1);
      if (segments.length > level) {
        byName.computeIfAbsent(segments[level], s -> new ArrayList<>()).add(p);
      }
    }
    if (byName.isEmpty()) {
      return null;
    }
    Node n = new Node(byName.size());
    int k = 0;
    for (Map.Entry<String, List<String>> e : byName.entrySet()) {
      n.decoded[k] = e.getKey();
      n.names[k] = e.getKey().getBytes(StandardCharsets.UTF_8);
      n.edge[k] = counter[0]++;
      n.path[k] = -1;
      for (String p : e.getValue()) {
        if (p.split("\\.", -1).length == level + 1) {
          n.path[k] = Arrays.asList(paths).indexOf(p);
        }
      }
      Node child = node(e.getValue(), level + 1, counter);
      if (child != null) {
        child.parent = n;
      }
      n.next[k] = child;
      k++;
    }
    return n;
  }

  /**
   * Scans a document like {@link #scan(byte[])}, answering the values found as an array in the
   * order of {@link #index}, {@code null} where a path was not found: no map per body.
   *
   * @return the values, or {@code null} when the bytes are not exactly one well-formed JSON
   *     document
   */
  public String @Nullable [] values(byte[] body) {
    return values(body, 0, body.length);
  }

  private String @Nullable [] values(byte[] body, int offset, int length) {
    String[] found = paths.length == 0 ? NO_VALUES : new String[paths.length];
    return document(body, offset, offset + length, root, found, edges) ? found : null;
  }

  /**
   * Where a path's value is in what {@link #values} answers, or -1 when this scan does not read it.
   */
  public int index(String path) {
    int k = Arrays.binarySearch(paths, path); // sorted by the TreeSet they were made from
    return k >= 0 ? k : -1;
  }

  /**
   * Scans a document.
   *
   * @return the values found, or {@code null} when the bytes are not exactly one well-formed JSON
   *     document
   */
  public @Nullable Map<String, String> scan(byte[] body) {
    return scan(body, 0, body.length);
  }

  /** Scans {@code body[offset, offset + length)}; see {@link #scan(byte[])}. */
  public @Nullable Map<String, String> scan(byte[] body, int offset, int length) {
    String[] found = values(body, offset, length);
    if (found == null) {
      return null;
    }
    // the immutable maps of one or two entries are a fraction of a HashMap's size
    int first = -1;
    int second = -1;
    int count = 0;
    for (int k = 0; k < found.length; k++) {
      if (found[k] != null) {
        count++;
        if (first < 0) {
          first = k;
        } else if (second < 0) {
          second = k;
        }
      }
    }
    if (count == 0) {
      return Map.of();
    }
    if (count == 1) {
      return Map.of(paths[first], Objects.requireNonNull(found[first]));
    }
    if (count == 2) {
      return Map.of(
          paths[first],
          Objects.requireNonNull(found[first]),
          paths[second],
          Objects.requireNonNull(found[second]));
    }
    Map<String, String> out = new HashMap<>(8);
    for (int k = 0; k < found.length; k++) {
      String v = found[k];
      if (v != null) {
        out.put(paths[k], v);
      }
    }
    return out;
  }

  /**
   * Walks one document on local variables, with small static helpers the compiler inlines: no
   * object per scan but the values found.
   *
   * @param found where the paths' values go, by their index; as long as {@link #paths}
   * @param edges how many members lead to the paths (their slots in the "seen" flags)
   */
  private static boolean document(
      byte[] b, int from, int end, @Nullable Node root, String[] found, int edges) {
    long seen = 0; // bit e: the member at edge e was seen (edges < 64)
    boolean @Nullable [] seenMore = edges <= 64 ? null : new boolean[edges]; // the same, beyond
    int i = from;
    if (end - i >= 3 && b[i] == (byte) 0xEF && b[i + 1] == (byte) 0xBB && b[i + 2] == (byte) 0xBF) {
      i += 3;
    }
    i = space(b, i, end);
    if (i >= end) {
      return false;
    }
    // The open objects a captured path goes through are a chain from the root at depths 1, 2, …
    // (a path never goes through an array): the deepest of them and its depth are enough.
    Node open = null;
    int openDepth = 0;
    long objects = 0; // bit d: the container at depth d is an object (d < 64)
    boolean @Nullable [] deeper = null; // the same below depth 64, made when one gets there
    int depth = 0;
    int pendingPath = -1; // the captured path the next value is at, or -1
    Node pendingNode = root; // the paths under the next value when it is an object
    boolean member = false; // the next thing is a member name and its colon
    while (true) {
      if (member) {
        member = false;
        if (i >= end || b[i] != '"') {
          return false;
        }
        long r = string(b, i + 1, end);
        if (r < 0) {
          return false;
        }
        int close = (int) r;
        boolean escaped = (r >>> 32) != 0;
        if (close - i - 1 > MAX_NAME_BYTES && nameTooLong(b, i + 1, close, escaped)) {
          return false;
        }
        String decoded = escaped ? decode(b, i + 1, close) : null;
        if (decoded != null && hasLoneSurrogate(decoded)) {
          return false; // Jackson refuses an escaped surrogate without its pair in a name
        }
        pendingPath = -1;
        Node node = depth == openDepth ? open : null;
        pendingNode = null;
        if (node != null) {
          int k = decoded != null ? node.find(decoded) : node.find(b, i + 1, close - i - 1);
          if (k >= 0) {
            int edge = node.edge[k];
            boolean was;
            if (seenMore != null) {
              was = seenMore[edge];
              seenMore[edge] = true;
            } else {
              was = (seen & (1L << edge)) != 0;
              seen |= 1L << edge;
            }
            if (was) {
              return false; // the same member twice on a path the kit reads
            }
            pendingPath = node.path[k];
            pendingNode = node.next[k];
          }
        }
        i = close + 1;
        if (i < end && b[i] != ':') {
          i = space(b, i, end);
        }
        if (i >= end || b[i] != ':') {
          return false;
        }
        i++;
        if (i < end && b[i] <= ' ') {
          i = space(b, i, end);
        }
        if (i >= end) {
          return false;
        }
      }
      // a value
      byte c = b[i];
      if (c == '"') {
        long r = string(b, i + 1, end);
        if (r < 0) {
          return false;
        }
        int close = (int) r;
        if (pendingPath >= 0) {
          found[pendingPath] =
              (r >>> 32) != 0
                  ? decode(b, i + 1, close)
                  : new String(b, i + 1, close - i - 1, StandardCharsets.UTF_8);
        }
        i = close + 1;
      } else if (c == '{' || c == '[') {
        if (depth == MAX_DEPTH) {
          return false;
        }
        boolean object = c == '{';
        if (depth < 64) {
          objects = object ? objects | (1L << depth) : objects & ~(1L << depth);
        } else {
          if (deeper == null) {
            deeper = new boolean[MAX_DEPTH];
          }
          deeper[depth] = object;
        }
        depth++;
        i = space(b, i + 1, end);
        if (i >= end) {
          return false;
        }
        if (b[i] == (object ? (byte) '}' : (byte) ']')) {
          i++;
          depth--;
        } else {
          if (object && pendingNode != null) {
            open = pendingNode;
            openDepth = depth;
          }
          member = object;
          pendingPath = -1;
          pendingNode = null;
          continue;
        }
      } else if (c == '-' || (c >= '0' && c <= '9')) {
        int start = i;
        i = number(b, i, end);
        if (i < 0) {
          return false;
        }
        if (pendingPath >= 0) {
          found[pendingPath] = new String(b, start, i - start, StandardCharsets.ISO_8859_1);
        }
      } else {
        int n = literal(b, i, end, c);
        if (n < 0) {
          return false;
        }
        if (pendingPath >= 0) {
          found[pendingPath] = new String(b, i, n, StandardCharsets.ISO_8859_1);
        }
        i += n;
      }
      // after a value: its container's separator, or its end (repeatedly)
      while (true) {
        if (i < end && b[i] <= ' ') {
          i = space(b, i, end);
        }
        if (depth == 0) {
          return i == end;
        }
        if (i >= end) {
          return false;
        }
        byte d = b[i];
        if (d == ',') {
          i++;
          if (i < end && b[i] <= ' ') {
            i = space(b, i, end);
          }
          if (i >= end) {
            return false;
          }
          if (isObject(objects, deeper, depth - 1)) {
            member = true;
          } else {
            pendingPath = -1;
            pendingNode = null;
          }
          break;
        }
        if (d == (isObject(objects, deeper, depth - 1) ? (byte) '}' : (byte) ']')) {
          if (depth == openDepth) {
            open = Objects.requireNonNull(open).parent;
            openDepth--;
          }
          i++;
          depth--;
          continue;
        }
        return false;
      }
    }
  }

  private static boolean isObject(long objects, boolean @Nullable [] deeper, int depth) {
    return depth < 64 ? (objects & (1L << depth)) != 0 : Objects.requireNonNull(deeper)[depth];
  }

  /** Whether a name longer than the limit in bytes is also too long decoded (Jackson's count). */
  private static boolean nameTooLong(byte[] b, int from, int to, boolean escaped) {
    return !escaped || decode(b, from, to).getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES;
  }

  /** The first index at or after {@code i} that is not JSON white space. */
  private static int space(byte[] b, int i, int end) {
    while (i < end) {
      byte c = b[i];
      if (c > ' ' || (c != ' ' && c != '\n' && c != '\r' && c != '\t')) {
        return i;
      }
      i++;
    }
    return i;
  }

  /** The length of {@code true}, {@code false} or {@code null} at {@code i}, or -1. */
  private static int literal(byte[] b, int i, int end, byte c) {
    String word;
    if (c == 't') {
      word = "true";
    } else if (c == 'f') {
      word = "false";
    } else if (c == 'n') {
      word = "null";
    } else {
      return -1;
    }
    int n = word.length();
    if (end - i < n) {
      return -1;
    }
    for (int k = 1; k < n; k++) {
      if (b[i + k] != word.charAt(k)) {
        return -1;
      }
    }
    return n;
  }

  /** The index after the number at {@code i}, or -1 (RFC 8259 grammar, Jackson's digit limits). */
  private static int number(byte[] b, int i, int end) {
    if (b[i] == '-') {
      i++;
    }
    int from = i;
    if (i < end && b[i] == '0') {
      i++;
    } else {
      while (i < end && b[i] >= '0' && b[i] <= '9') {
        i++;
      }
      if (i == from) {
        return -1;
      }
    }
    int digits = i - from;
    if (i < end && (b[i] == '.' || b[i] == 'e' || b[i] == 'E')) {
      if (b[i] == '.') {
        int f = ++i;
        while (i < end && b[i] >= '0' && b[i] <= '9') {
          i++;
        }
        if (i == f) {
          return -1;
        }
        digits += i - f;
      }
      if (i < end && (b[i] == 'e' || b[i] == 'E')) {
        i++;
        if (i < end && (b[i] == '+' || b[i] == '-')) {
          i++;
        }
        int e = i;
        while (i < end && b[i] >= '0' && b[i] <= '9') {
          i++;
        }
        if (i == e) {
          return -1;
        }
        digits += i - e;
      }
    }
    return digits <= MAX_NUMBER_DIGITS ? i : -1;
  }

  /**
   * The string whose content starts at {@code p}: the index of its closing quote, with bit 32 set
   * when it has an escape, or -1 when it is not well-formed. Eight bytes at a time until a quote, a
   * backslash, a control character or a non-ASCII byte.
   */
  private static long string(byte[] b, int p, int end) {
    // the common case, small enough to inline: plain bytes up to the closing quote
    while (p + 8 <= end) {
      long x = (long) LONGS.get(b, p);
      long q = x ^ QUOTES;
      long s = x ^ BACKSLASHES;
      long special = (((q - ONES) & ~q) | ((s - ONES) & ~s) | ((x - SPACES) & ~x) | x) & HIGHS;
      if (special != 0) {
        p += Long.numberOfTrailingZeros(special) >>> 3;
        if (b[p] == '"') {
          return p;
        }
        break;
      }
      p += 8;
    }
    return stringRest(b, p, end);
  }

  /** {@link #string} from {@code p} on, where something other than plain bytes comes. */
  private static long stringRest(byte[] b, int p, int end) {
    long escaped = 0;
    while (true) {
      while (p + 8 <= end) {
        long x = (long) LONGS.get(b, p);
        long q = x ^ QUOTES;
        long s = x ^ BACKSLASHES;
        long special = (((q - ONES) & ~q) | ((s - ONES) & ~s) | ((x - SPACES) & ~x) | x) & HIGHS;
        if (special != 0) {
          p += Long.numberOfTrailingZeros(special) >>> 3;
          break;
        }
        p += 8;
      }
      if (p >= end) {
        return -1;
      }
      int c = b[p] & 0xff;
      if (c == '"') {
        return p | escaped;
      }
      if (c == '\\') {
        escaped = 1L << 32;
        if (p + 1 >= end) {
          return -1;
        }
        byte e = b[p + 1];
        if (e == 'u') {
          if (p + 6 > end) {
            return -1;
          }
          for (int k = p + 2; k < p + 6; k++) {
            if (hex(b[k]) < 0) {
              return -1;
            }
          }
          p += 6;
        } else if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' || e == 'r'
            || e == 't') {
          p += 2;
        } else {
          return -1;
        }
      } else if (c < 0x20) {
        return -1;
      } else if (c >= 0x80) {
        int n = utf8(b, p, end, c);
        if (n < 0) {
          return -1;
        }
        p += n;
      } else {
        p++;
      }
    }
  }

  /** The length of the UTF-8 sequence at {@code p} led by {@code c}, or -1 (RFC 3629). */
  private static int utf8(byte[] b, int p, int end, int c) {
    if (c >= 0xC2 && c <= 0xDF) {
      return p + 1 < end && cont(b[p + 1]) ? 2 : -1;
    }
    if (c >= 0xE0 && c <= 0xEF) {
      if (p + 2 >= end) {
        return -1;
      }
      int c1 = b[p + 1] & 0xff;
      boolean first =
          c == 0xE0
              ? c1 >= 0xA0 && c1 <= 0xBF
              : c == 0xED ? c1 >= 0x80 && c1 <= 0x9F : cont(b[p + 1]);
      return first && cont(b[p + 2]) ? 3 : -1;
    }
    if (c >= 0xF0 && c <= 0xF4) {
      if (p + 3 >= end) {
        return -1;
      }
      int c1 = b[p + 1] & 0xff;
      boolean first =
          c == 0xF0
              ? c1 >= 0x90 && c1 <= 0xBF
              : c == 0xF4 ? c1 >= 0x80 && c1 <= 0x8F : cont(b[p + 1]);
      return first && cont(b[p + 2]) && cont(b[p + 3]) ? 4 : -1;
    }
    return -1;
  }

  private static boolean cont(byte x) {
    return (x & 0xC0) == 0x80;
  }

  private static int hex(byte x) {
    if (x >= '0' && x <= '9') {
      return x - '0';
    }
    if (x >= 'a' && x <= 'f') {
      return x - 'a' + 10;
    }
    if (x >= 'A' && x <= 'F') {
      return x - 'A' + 10;
    }
    return -1;
  }

  /**
   * Whether a decoded name holds a surrogate outside a high-low pair. Only escapes can make one
   * (strict UTF-8 has none); values may hold them, names may not (Jackson's byte parser).
   */
  private static boolean hasLoneSurrogate(String s) {
    for (int k = 0; k < s.length(); k++) {
      char c = s.charAt(k);
      if (Character.isHighSurrogate(c)
          && k + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(k + 1))) {
        k++;
      } else if (Character.isSurrogate(c)) {
        return true;
      }
    }
    return false;
  }

  /** The text of the well-formed string content {@code b[from, to)}, escapes resolved. */
  private static String decode(byte[] b, int from, int to) {
    StringBuilder sb = new StringBuilder(to - from);
    int run = from;
    int p = from;
    while (p < to) {
      if (b[p] != '\\') {
        p++;
        continue;
      }
      sb.append(new String(b, run, p - run, StandardCharsets.UTF_8));
      byte e = b[p + 1];
      switch (e) {
        case 'b' -> sb.append('\b');
        case 'f' -> sb.append('\f');
        case 'n' -> sb.append('\n');
        case 'r' -> sb.append('\r');
        case 't' -> sb.append('\t');
        case 'u' -> {
          int v = 0;
          for (int k = p + 2; k < p + 6; k++) {
            v = v * 16 + hex(b[k]);
          }
          sb.append((char) v);
          p += 4;
        }
        default -> sb.append((char) e);
      }
      p += 2;
      run = p;
    }
    sb.append(new String(b, run, to - run, StandardCharsets.UTF_8));
    return sb.toString();
  }
}
