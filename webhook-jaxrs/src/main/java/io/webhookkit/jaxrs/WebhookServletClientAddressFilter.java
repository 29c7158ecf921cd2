package io.webhookkit.jaxrs;

import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import org.jspecify.annotations.Nullable;

/**
 * In a servlet container (GlassFish, Payara, WildFly, Tomcat with Jersey or RESTEasy): hands the
 * connection's peer address to {@link WebhookContainerRequestFilter}, which Jakarta REST itself
 * does not expose. Forwarding headers are not read here; the guard believes them only from the
 * endpoint's trusted proxies.
 */
@Provider
@WebhookEndpoint
@Priority(Priorities.AUTHENTICATION - 100)
public class WebhookServletClientAddressFilter implements ContainerRequestFilter {
  @Context private @Nullable HttpServletRequest servletRequest;

  @Override
  public void filter(ContainerRequestContext request) {
    HttpServletRequest servlet = servletRequest;
    if (servlet != null) {
      request.setProperty(WebhookContainerRequestFilter.CLIENT_ADDRESS, servlet.getRemoteAddr());
    }
  }
}
