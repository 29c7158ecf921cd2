package io.webhookkit.test;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A byte-exact HTTP/1.1 client on a plain socket, for what the JDK client will not do: chunked
 * bodies of a chosen size, a declared {@code Content-Length} without the body, and a body that
 * arrives some time after the headers. Each request uses its own connection ({@code Connection:
 * close}). Not for production use.
 */
public final class RawHttp {
  private final URI target;
  private String method = "POST";
  private final Map<String, String> headers = new LinkedHashMap<>();
  private byte[] body = new byte[0];
  private boolean chunked;
  private long declaredLength = -1;
  private boolean omitBody;
  private Duration bodyDelay = Duration.ZERO;
  private Duration readTimeout = Duration.ofSeconds(30);

  private RawHttp(URI target) {
    this.target = target;
  }

  /** A request to this absolute {@code http://} URI. */
  public static RawHttp to(URI target) {
    return new RawHttp(target);
  }

  /** The method (default POST). */
  public RawHttp method(String m) {
    this.method = m;
    return this;
  }

  /** A header. */
  public RawHttp header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  /** Headers. */
  public RawHttp headers(Map<String, String> all) {
    headers.putAll(all);
    return this;
  }

  /** The body bytes. */
  public RawHttp body(byte[] bytes) {
    this.body = bytes.clone();
    return this;
  }

  /** Send the body with chunked transfer coding (no {@code Content-Length}). */
  public RawHttp chunked() {
    this.chunked = true;
    return this;
  }

  /** Declare this {@code Content-Length} and send no body at all. */
  public RawHttp declareLengthWithoutBody(long length) {
    this.declaredLength = length;
    this.omitBody = true;
    return this;
  }

  /** Send the headers, wait this long, then send the body. */
  public RawHttp delayBody(Duration delay) {
    this.bodyDelay = delay;
    return this;
  }

  /** How long to wait for the answer (default 30 s); a shorter wait fails a server that dawdles. */
  public RawHttp readTimeout(Duration timeout) {
    this.readTimeout = timeout;
    return this;
  }

  /**
   * A response.
   *
   * @param status the status code
   * @param headers headers, names case-insensitive
   * @param body the body bytes (de-chunked)
   */
  public record Response(int status, Map<String, List<String>> headers, byte[] body) {
    /** The first value of a header. */
    public Optional<String> header(String name) {
      List<String> values = headers.get(name);
      return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The body as UTF-8. */
    public String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  /** Sends the request and reads the whole response. */
  public Response send() throws IOException, InterruptedException {
    int port = target.getPort() < 0 ? 80 : target.getPort();
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(target.getHost(), port), 5_000);
      socket.setSoTimeout((int) readTimeout.toMillis());
      OutputStream out = socket.getOutputStream();
      StringBuilder head = new StringBuilder();
      String path =
          target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath();
      if (target.getRawQuery() != null) {
        path += "?" + target.getRawQuery();
      }
      head.append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
      head.append("Host: ").append(target.getHost()).append(':').append(port).append("\r\n");
      head.append("Connection: close\r\n");
      for (Map.Entry<String, String> h : headers.entrySet()) {
        head.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
      }
      if (chunked) {
        head.append("Transfer-Encoding: chunked\r\n");
      } else {
        head.append("Content-Length: ")
            .append(declaredLength >= 0 ? declaredLength : body.length)
            .append("\r\n");
      }
      head.append("\r\n");
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      if (!bodyDelay.isZero()) {
        Thread.sleep(
            bodyDelay.toMillis()); // the point of the scenario: the body really arrives late
      }
      try {
        if (!omitBody) {
          writeBody(out);
        }
      } catch (IOException refusedEarly) {
        // The server may answer (413) and close before the whole body is sent; read its answer.
      }
      return read(new BufferedInputStream(socket.getInputStream()));
    }
  }

  private void writeBody(OutputStream out) throws IOException {
    if (!chunked) {
      out.write(body);
      out.flush();
      return;
    }
    int chunk = 8192;
    for (int i = 0; i < body.length; i += chunk) {
      int n = Math.min(chunk, body.length - i);
      out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.write(body, i, n);
      out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
    }
    out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  private static Response read(InputStream in) throws IOException {
    String statusLine = line(in);
    if (statusLine == null || !statusLine.startsWith("HTTP/1.")) {
      throw new IOException("no HTTP response: " + statusLine);
    }
    int status = Integer.parseInt(statusLine.substring(9, 12));
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    String line;
    while ((line = line(in)) != null && !line.isEmpty()) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        headers
            .computeIfAbsent(line.substring(0, colon).trim(), k -> new ArrayList<>())
            .add(line.substring(colon + 1).trim());
      }
    }
    List<String> te = headers.getOrDefault("Transfer-Encoding", List.of());
    List<String> cl = headers.getOrDefault("Content-Length", List.of());
    byte[] body;
    if (te.stream().anyMatch(v -> v.equalsIgnoreCase("chunked"))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      while (true) {
        String size = line(in);
        if (size == null) {
          break;
        }
        int semicolon = size.indexOf(';');
        int n = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
        if (n == 0) {
          while ((line = line(in)) != null && !line.isEmpty()) {
            // trailers
          }
          break;
        }
        out.write(in.readNBytes(n));
        line(in);
      }
      body = out.toByteArray();
    } else if (!cl.isEmpty()) {
      body = in.readNBytes(Integer.parseInt(cl.get(0)));
    } else {
      body = in.readAllBytes();
    }
    return new Response(status, headers, body);
  }

  private static @Nullable String line(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64);
    int b;
    while ((b = in.read()) != -1) {
      if (b == '\n') {
        String s = out.toString(StandardCharsets.ISO_8859_1);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
      }
      out.write(b);
    }
    return out.size() == 0 ? null : out.toString(StandardCharsets.ISO_8859_1);
  }
}
