package io.webhookkit.jaxrs;

import io.webhookkit.core.adapter.BoundedBody;
import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * In a servlet container (GlassFish, Payara, WildFly, Tomcat with Jersey or RESTEasy): hands the
 * connection's peer address to {@link WebhookContainerRequestFilter}, which Jakarta REST itself
 * does not expose. Forwarding headers are not read here; the guard believes them only from the
 * endpoint's trusted proxies.
 *
 * <p>It also writes a refused oversized body's 413 and then reads and discards the rest of the body
 * ({@link BoundedBody#discardRest}): a provider sends its whole body before it reads the answer,
 * and a servlet container that closes on unread bytes (Jetty) would have the connection reset under
 * it, the 413 lost.
 */
@Provider
@WebhookEndpoint
@Priority(Priorities.AUTHENTICATION - 100)
public class WebhookServletClientAddressFilter
    implements ContainerRequestFilter, WriterInterceptor {
  @Context private @Nullable HttpServletRequest servletRequest;
  @Context private @Nullable HttpServletResponse servletResponse;

  @Override
  public void filter(ContainerRequestContext request) {
    HttpServletRequest servlet = servletRequest;
    if (servlet != null) {
      request.setProperty(WebhookContainerRequestFilter.CLIENT_ADDRESS, servlet.getRemoteAddr());
    }
  }

  @Override
  public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
    context.proceed();
    HttpServletRequest servlet = servletRequest;
    if (servlet != null
        && context.getProperty(WebhookContainerRequestFilter.UNREAD_BODY)
            instanceof WebhookContainerRequestFilter.UnreadBody unread) {
      // Jersey sets the status and headers on the servlet response only when its stream closes
      // (which leaves the servlet's stream open); the servlet's flush then sends the answer.
      context.getOutputStream().close();
      if (servletResponse != null) {
        servletResponse.flushBuffer();
      }
      BoundedBody.discardRest(servlet.getInputStream(), unread.declaredLength(), unread.expect());
    }
  }
}
