package io.webhookkit.jaxrs.app;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;

/**
 * Stands in for the container's authentication in the Jersey SE tests: {@code Authorization: Bearer
 * operator} is the user {@code operator} in the role {@code webhook-admin}; {@code Bearer guest} a
 * user without it.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class TestOperator implements ContainerRequestFilter {
  @Override
  public void filter(ContainerRequestContext request) {
    String auth = request.getHeaderString("Authorization");
    if (auth == null || !auth.startsWith("Bearer ")) {
      return;
    }
    String user = auth.substring("Bearer ".length());
    boolean secure = request.getSecurityContext().isSecure();
    request.setSecurityContext(
        new SecurityContext() {
          @Override
          public Principal getUserPrincipal() {
            return () -> user;
          }

          @Override
          public boolean isUserInRole(String role) {
            return user.equals("operator") && role.equals("webhook-admin");
          }

          @Override
          public boolean isSecure() {
            return secure;
          }

          @Override
          public String getAuthenticationScheme() {
            return "Bearer";
          }
        });
  }
}
