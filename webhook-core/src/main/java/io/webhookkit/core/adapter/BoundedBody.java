package io.webhookkit.core.adapter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.jspecify.annotations.Nullable;

/**
 * A request body read with a limit: at most {@code limit + 1} bytes are read, and nothing at all
 * when the declared {@code Content-Length} is already over the limit, so an oversized or endless
 * body costs at most the limit. Works for chunked bodies (no declared length) too.
 */
public final class BoundedBody {
  /**
   * How much of a refused body {@link #discardRest} reads and throws away: 2 MiB, Tomcat's {@code
   * maxSwallowSize} default. A longer rest is left unread and the connection closes.
   */
  public static final long SWALLOW_LIMIT = 2L << 20;

  private static final byte[] NONE = new byte[0];
  private static final BoundedBody EMPTY = new BoundedBody(NONE, false);
  private final byte[] bytes;
  private final boolean exceeded;

  private BoundedBody(byte[] bytes, boolean exceeded) {
    this.bytes = bytes;
    this.exceeded = exceeded;
  }

  /** A body that was received whole. The array is used as is, not copied. */
  public static BoundedBody of(byte[] bytes) {
    return bytes.length == 0 ? EMPTY : new BoundedBody(bytes, false);
  }

  /** A body known to be over the limit, of which nothing is kept. */
  public static BoundedBody exceeded() {
    return new BoundedBody(NONE, true);
  }

  /**
   * Reads a body.
   *
   * @param in the body stream; read to the limit, not closed
   * @param declaredLength the {@code Content-Length}, or {@code -1} when unknown
   * @param limit the largest accepted body in bytes
   * @throws IOException when the stream fails (the client went away)
   */
  public static BoundedBody read(InputStream in, long declaredLength, long limit)
      throws IOException {
    if (declaredLength > limit) {
      return exceeded();
    }
    if (declaredLength >= 0) {
      byte[] exact = in.readNBytes((int) declaredLength);
      if (exact.length == declaredLength && in.read() == -1) {
        return of(exact);
      }
      if (exact.length < declaredLength) {
        return of(exact); // the container reports a short body as its end; the signature decides
      }
      return exceeded(); // more bytes than declared
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(limit + 1, 8192));
    byte[] buffer = new byte[8192];
    long remaining = limit + 1;
    int n;
    while (remaining > 0
        && (n = in.read(buffer, 0, (int) Math.min(buffer.length, remaining))) > 0) {
      out.write(buffer, 0, n);
      remaining -= n;
    }
    return remaining == 0 ? exceeded() : of(out.toByteArray());
  }

  /**
   * Reads and discards what is left of a refused body, at most {@link #SWALLOW_LIMIT} bytes, after
   * the answer was written and flushed. A provider sends its whole body before it reads the answer;
   * a server that answers and closes with part of the body unread makes the kernel reset the
   * connection, and the provider sees no answer (the 413) at all. A client that has read the answer
   * and hung up ends the reading. Reads nothing when the declared length is over the swallow limit,
   * or when the client waits for {@code 100 Continue} (it has not sent the body, and reading would
   * ask for it).
   *
   * @param in the body stream, after {@link #read} and the answer; not closed
   * @param declaredLength the {@code Content-Length}, or {@code -1} when unknown
   * @param expect the request's {@code Expect} header, or {@code null}
   * @return true when the body was read to its end
   */
  public static boolean discardRest(InputStream in, long declaredLength, @Nullable String expect) {
    if ("100-continue".equalsIgnoreCase(expect == null ? null : expect.trim())
        || declaredLength > SWALLOW_LIMIT) {
      return false;
    }
    byte[] buffer = new byte[8192];
    long budget = SWALLOW_LIMIT;
    try {
      int n;
      while (budget > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, budget))) >= 0) {
        budget -= n;
      }
      return budget > 0;
    } catch (IOException clientWentAway) {
      return false;
    }
  }

  /** The bytes read (empty when exceeded). */
  public byte[] bytes() {
    return bytes;
  }

  /** True when the body was over the limit. */
  public boolean isExceeded() {
    return exceeded;
  }
}
