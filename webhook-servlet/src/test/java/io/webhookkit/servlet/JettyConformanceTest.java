package io.webhookkit.servlet;

import io.webhookkit.test.ConformanceEndpoints;
import io.webhookkit.test.WebhookAdapterConformanceKit;
import jakarta.servlet.DispatcherType;
import java.net.URI;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The conformance kit against WebhookFilter on embedded Jetty 12.1 (ee10, Servlet 6.0). */
class JettyConformanceTest extends WebhookAdapterConformanceKit {
  private static Server server;
  private static URI base;

  @BeforeAll
  static void start() throws Exception {
    ServletContextHandler context = new ServletContextHandler("/");
    context.addServlet(ConformanceServlet.class, "/hooks/*");
    ConformanceEndpoints.all()
        .forEach(
            (name, keys) -> {
              FilterHolder filter = new FilterHolder(WebhookFilter.class);
              filter.setName(name);
              filter.setInitParameters(keys);
              context.addFilter(filter, "/hooks/" + name, EnumSet.of(DispatcherType.REQUEST));
            });
    server = LoopbackJetty.start(context);
    base = LoopbackJetty.uri(server);
  }

  @AfterAll
  static void stop() throws Exception {
    server.stop();
  }

  @Override
  protected URI baseUri() {
    return base;
  }
}
