package io.webhookkit.servlet;

import io.webhookkit.core.DeliveryTicket;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import org.jspecify.annotations.Nullable;

/**
 * Settles the delivery at the moment the response can first leave: the first byte written or
 * flushed, {@code sendError}, {@code sendRedirect}, {@code flushBuffer}. A container may send the
 * response before the filter's code after the chain runs, and a provider's immediate retry must not
 * find the delivery still in progress.
 */
final class SettlingResponse extends HttpServletResponseWrapper {
  private final DeliveryTicket ticket;
  private @Nullable ServletOutputStream stream;
  private @Nullable PrintWriter writer;

  SettlingResponse(HttpServletResponse response, DeliveryTicket ticket) {
    super(response);
    this.ticket = ticket;
  }

  void settle() {
    if (!ticket.isSettled()) {
      ticket.settle(getStatus());
    }
  }

  @Override
  public void sendError(int sc, String msg) throws IOException {
    ticket.settle(sc);
    super.sendError(sc, msg);
  }

  @Override
  public void sendError(int sc) throws IOException {
    ticket.settle(sc);
    super.sendError(sc);
  }

  @Override
  public void sendRedirect(String location) throws IOException {
    ticket.settle(HttpServletResponse.SC_FOUND);
    super.sendRedirect(location);
  }

  @Override
  public void flushBuffer() throws IOException {
    settle();
    super.flushBuffer();
  }

  @Override
  public ServletOutputStream getOutputStream() throws IOException {
    if (stream == null) {
      ServletOutputStream delegate = super.getOutputStream();
      stream =
          new ServletOutputStream() {
            @Override
            public boolean isReady() {
              return delegate.isReady();
            }

            @Override
            public void setWriteListener(WriteListener listener) {
              delegate.setWriteListener(listener);
            }

            @Override
            public void write(int b) throws IOException {
              settle();
              delegate.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
              settle();
              delegate.write(b, off, len);
            }

            @Override
            public void flush() throws IOException {
              settle();
              delegate.flush();
            }

            @Override
            public void close() throws IOException {
              settle();
              delegate.close();
            }
          };
    }
    return stream;
  }

  @Override
  public PrintWriter getWriter() throws IOException {
    if (writer == null) {
      PrintWriter delegate = super.getWriter();
      writer =
          new PrintWriter(delegate) {
            @Override
            public void write(int c) {
              settle();
              super.write(c);
            }

            @Override
            public void write(char[] buf, int off, int len) {
              settle();
              super.write(buf, off, len);
            }

            @Override
            public void write(String s, int off, int len) {
              settle();
              super.write(s, off, len);
            }

            @Override
            public void flush() {
              settle();
              super.flush();
            }

            @Override
            public void close() {
              settle();
              super.close();
            }
          };
    }
    return writer;
  }
}
