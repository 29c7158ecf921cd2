package io.webhookkit.servlet;

import io.webhookkit.core.adapter.FormData;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Replays the captured body: the same bytes through {@code getInputStream()} and {@code
 * getReader()}, and, for form bodies, the parameters parsed from those bytes (query string first,
 * order and repeated names kept). The body is never rebuilt from parameters.
 */
final class CapturedBodyRequest extends HttpServletRequestWrapper {
  private final byte[] body;
  private @Nullable Map<String, String[]> parameters;
  private @Nullable ServletInputStream stream;
  private @Nullable BufferedReader reader;
  private Runnable beforeAsyncComplete = () -> {};
  private @Nullable SettlingAsyncContext async;

  CapturedBodyRequest(HttpServletRequest request, byte[] body) {
    super(request);
    this.body = body;
  }

  /** Runs before the application completes an async request (the response is sent after). */
  void beforeAsyncComplete(Runnable settle) {
    this.beforeAsyncComplete = settle;
  }

  @SuppressWarnings("ReferenceEquality") // the same AsyncContext the container gave before
  private AsyncContext settling(AsyncContext context) {
    SettlingAsyncContext current = async;
    if (current == null || current.delegate() != context) {
      current = new SettlingAsyncContext(context, beforeAsyncComplete);
      async = current;
    }
    return current;
  }

  @Override
  public AsyncContext startAsync() {
    return settling(super.startAsync());
  }

  @Override
  public AsyncContext startAsync(ServletRequest request, ServletResponse response) {
    return settling(super.startAsync(request, response));
  }

  @Override
  public AsyncContext getAsyncContext() {
    return settling(super.getAsyncContext());
  }

  @Override
  public ServletInputStream getInputStream() {
    if (stream == null) {
      stream = new BytesInputStream(body);
    }
    return stream;
  }

  @Override
  public BufferedReader getReader() {
    if (reader == null) {
      reader = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), charset()));
    }
    return reader;
  }

  @Override
  public int getContentLength() {
    return body.length;
  }

  @Override
  public long getContentLengthLong() {
    return body.length;
  }

  private Charset charset() {
    String name = getCharacterEncoding();
    if (name == null) {
      return StandardCharsets.UTF_8;
    }
    try {
      return Charset.forName(name);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      return StandardCharsets.UTF_8;
    }
  }

  private boolean isForm() {
    String type = getContentType();
    return type != null
        && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
  }

  private Map<String, String[]> parameters() {
    if (parameters != null) {
      return parameters;
    }
    Map<String, List<String>> collected = new LinkedHashMap<>();
    String query = getQueryString();
    if (query != null) {
      FormData.parse(query.getBytes(StandardCharsets.US_ASCII), StandardCharsets.UTF_8)
          .ifPresent(pairs -> pairs.forEach(p -> add(collected, p)));
    }
    if (isForm()) {
      FormData.parse(body, charset()).ifPresent(pairs -> pairs.forEach(p -> add(collected, p)));
    } else {
      // Not a form: whatever the container parsed (query string only) stands.
      super.getParameterMap().forEach((k, v) -> collected.putIfAbsent(k, List.of(v)));
    }
    Map<String, String[]> out = new LinkedHashMap<>();
    collected.forEach((k, v) -> out.put(k, v.toArray(String[]::new)));
    parameters = Collections.unmodifiableMap(out);
    return parameters;
  }

  private static void add(Map<String, List<String>> into, Map.Entry<String, String> pair) {
    into.computeIfAbsent(pair.getKey(), k -> new ArrayList<>()).add(pair.getValue());
  }

  @Override
  public @Nullable String getParameter(String name) {
    String[] values = parameters().get(name);
    return values == null || values.length == 0 ? null : values[0];
  }

  @Override
  public Map<String, String[]> getParameterMap() {
    return parameters();
  }

  @Override
  public Enumeration<String> getParameterNames() {
    return Collections.enumeration(parameters().keySet());
  }

  @Override
  public String @Nullable [] getParameterValues(String name) {
    String[] values = parameters().get(name);
    return values == null ? null : values.clone();
  }

  /** A stream over bytes already in memory: always ready, finished at the end. */
  private static final class BytesInputStream extends ServletInputStream {
    private final ByteArrayInputStream in;

    BytesInputStream(byte[] body) {
      this.in = new ByteArrayInputStream(body);
    }

    @Override
    public boolean isFinished() {
      return in.available() == 0;
    }

    @Override
    public boolean isReady() {
      return true;
    }

    @Override
    public void setReadListener(ReadListener listener) {
      try {
        if (!isFinished()) {
          listener.onDataAvailable();
        }
        listener.onAllDataRead();
      } catch (IOException e) {
        listener.onError(e);
      }
    }

    @Override
    public int read() {
      return in.read();
    }

    @Override
    public int read(byte[] b, int off, int len) {
      return in.read(b, off, len);
    }

    @Override
    public int available() {
      return in.available();
    }

    @Override
    public byte[] readAllBytes() {
      return in.readAllBytes();
    }

    @Override
    public long transferTo(OutputStream out) throws IOException {
      return in.transferTo(out);
    }
  }
}
