package io.webhookkit.servlet;

import io.webhookkit.core.WebhookWorkers;
import io.webhookkit.core.inbox.DeadEntry;
import io.webhookkit.test.ConformanceEndpoints;
import io.webhookkit.test.ConformanceWorkerHandler;
import io.webhookkit.test.WebhookAdapterConformanceKit;
import jakarta.servlet.DispatcherType;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The conformance kit against WebhookFilter on embedded Jetty 12.1 (ee10, Servlet 6.0). */
class JettyConformanceTest extends WebhookAdapterConformanceKit {
  private static Server server;
  private static ServletContextHandler context;
  private static URI base;

  @BeforeAll
  static void start() throws Exception {
    context = new ServletContextHandler("/");
    context.addServlet(ConformanceServlet.class, "/hooks/*");
    ConformanceEndpoints.INBOX_KEYS.forEach(context::setInitParameter);
    context.addEventListener(new WebhookInboxListener());
    ConformanceEndpoints.all()
        .forEach(
            (name, keys) -> {
              if (RemoteKeyFilters.remote(name)) {
                context.addFilter(
                    new FilterHolder(RemoteKeyFilters.filter(name)),
                    "/hooks/" + name,
                    EnumSet.of(DispatcherType.REQUEST));
                return;
              }
              FilterHolder filter = new FilterHolder(WebhookFilter.class);
              filter.setName(name);
              filter.setInitParameters(keys);
              if (ConformanceEndpoints.deferred(name)) {
                filter.setInitParameter(
                    WebhookFilter.HANDLER_PARAM, ConformanceWorkerHandler.class.getName());
              }
              context.addFilter(filter, "/hooks/" + name, EnumSet.of(DispatcherType.REQUEST));
            });
    server = LoopbackJetty.start(context);
    base = LoopbackJetty.uri(server);
  }

  @AfterAll
  static void stop() throws Exception {
    server.stop();
  }

  private static WebhookWorkers workers() {
    return (WebhookWorkers)
        context.getServletContext().getAttribute(WebhookInboxListener.WORKERS_ATTRIBUTE);
  }

  @Override
  protected List<String> deadDeliveries(String endpoint) {
    return workers().dead(endpoint, 100).stream().map(DeadEntry::key).toList();
  }

  @Override
  protected int replayDead(String endpoint) {
    return workers().replayDead(endpoint);
  }

  @Override
  protected URI baseUri() {
    return base;
  }
}
