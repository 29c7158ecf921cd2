package io.webhookkit.servlet;

import io.webhookkit.test.ConformanceEndpoints;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterRegistration;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.util.EnumSet;

/**
 * Declared in the test {@code web.xml}: adds a {@link WebhookFilter} for every catalogue preset of
 * the conformance kit, with its keys as init-params, the way an application adds filters in code
 * from a listener. The endpoints that prove the XML path are declared in the XML itself.
 */
public final class CatalogueFilters implements ServletContextListener {
  @Override
  public void contextInitialized(ServletContextEvent event) {
    for (String preset : ConformanceEndpoints.REMOTE_KEY_PRESETS) {
      event
          .getServletContext()
          .addFilter(preset, RemoteKeyFilters.filter(preset))
          .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/hooks/" + preset);
    }
    for (String preset : ConformanceEndpoints.CATALOGUE) {
      FilterRegistration.Dynamic filter =
          event.getServletContext().addFilter(preset, WebhookFilter.class);
      filter.setInitParameters(ConformanceEndpoints.all().get(preset));
      filter.addMappingForUrlPatterns(
          EnumSet.of(DispatcherType.REQUEST), false, "/hooks/" + preset);
    }
  }
}
