package io.webhookkit.core;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body read with a limit: at most {@code limit + 1} bytes are read, and nothing at all
 * when the declared {@code Content-Length} is already over the limit, so an oversized or endless
 * body costs at most the limit. Works for chunked bodies (no declared length) too.
 */
public final class BoundedBody {
  private static final byte[] NONE = new byte[0];
  private final byte[] bytes;
  private final boolean exceeded;

  private BoundedBody(byte[] bytes, boolean exceeded) {
    this.bytes = bytes;
    this.exceeded = exceeded;
  }

  /** A body that was received whole. The array is used as is, not copied. */
  public static BoundedBody of(byte[] bytes) {
    return new BoundedBody(bytes, false);
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

  /** The bytes read (empty when exceeded). */
  public byte[] bytes() {
    return bytes;
  }

  /** True when the body was over the limit. */
  public boolean isExceeded() {
    return exceeded;
  }
}
