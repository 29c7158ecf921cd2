package io.webhookkit.servlet;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

/**
 * Settles the delivery when the application calls {@link #complete()}, before the container sends
 * the response: the listeners' {@code onComplete} runs only after it was sent.
 */
final class SettlingAsyncContext implements AsyncContext {
  private final AsyncContext delegate;
  private final Runnable settle;

  SettlingAsyncContext(AsyncContext delegate, Runnable settle) {
    this.delegate = delegate;
    this.settle = settle;
  }

  AsyncContext delegate() {
    return delegate;
  }

  @Override
  public void complete() {
    settle.run();
    delegate.complete();
  }

  @Override
  public ServletRequest getRequest() {
    return delegate.getRequest();
  }

  @Override
  public ServletResponse getResponse() {
    return delegate.getResponse();
  }

  @Override
  public boolean hasOriginalRequestAndResponse() {
    return delegate.hasOriginalRequestAndResponse();
  }

  @Override
  public void dispatch() {
    delegate.dispatch();
  }

  @Override
  public void dispatch(String path) {
    delegate.dispatch(path);
  }

  @Override
  public void dispatch(ServletContext context, String path) {
    delegate.dispatch(context, path);
  }

  @Override
  public void start(Runnable run) {
    delegate.start(run);
  }

  @Override
  public void addListener(AsyncListener listener) {
    delegate.addListener(listener);
  }

  @Override
  public void addListener(
      AsyncListener listener, ServletRequest request, ServletResponse response) {
    delegate.addListener(listener, request, response);
  }

  @Override
  public <T extends AsyncListener> T createListener(Class<T> clazz) throws ServletException {
    return delegate.createListener(clazz);
  }

  @Override
  public void setTimeout(long timeout) {
    delegate.setTimeout(timeout);
  }

  @Override
  public long getTimeout() {
    return delegate.getTimeout();
  }
}
