package io.webhookkit.jaxrs;

import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;

/**
 * Registers the kit's filters, for applications that list their providers ({@code
 * ResourceConfig.register(WebhookFeature.class)}, {@code Application.getClasses()}); scanning
 * containers find them by their {@code @Provider}. The servlet client-address filter is registered
 * only when the servlet API is present.
 */
public class WebhookFeature implements Feature {
  @Override
  public boolean configure(FeatureContext context) {
    context.register(WebhookContainerRequestFilter.class);
    context.register(WebhookHandshakeFilter.class);
    if (servletPresent()) {
      context.register(WebhookServletClientAddressFilter.class);
    }
    return true;
  }

  private static boolean servletPresent() {
    try {
      Class.forName(
          "jakarta.servlet.http.HttpServletRequest", false, WebhookFeature.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError absent) {
      return false;
    }
  }
}
