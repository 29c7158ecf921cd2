package io.webhookkit.it;

import io.webhookkit.servlet.WebhookFilter;
import jakarta.servlet.DispatcherType;
import java.net.URI;
import java.util.EnumSet;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * One application instance: Jetty on loopback, the filter configured by keys, the store by
 * context-params.
 */
final class Instances {
  static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

  private Instances() {}

  static Server start(Map<String, String> storeParams, Map<String, Object> attributes)
      throws Exception {
    ServletContextHandler context = new ServletContextHandler("/");
    storeParams.forEach(context::setInitParameter);
    attributes.forEach(context::setAttribute);
    context.addServlet(SoakServlet.class, "/hooks/orders");
    FilterHolder filter = new FilterHolder(WebhookFilter.class);
    filter.setName("orders");
    // A short lease: when the store executes an acquire but its answer is lost in the outage, the
    // claim has no holder until the lease ends; the provider's retries must outlast it (real
    // providers retry for hours; the soak's simulator for 20 s).
    filter.setInitParameters(
        Map.of("provider", "standard-webhooks", "secrets", SECRET, "idempotency.lease", "3s"));
    context.addFilter(filter, "/hooks/orders", EnumSet.of(DispatcherType.REQUEST));
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    server.setHandler(context);
    server.start();
    return server;
  }

  static URI uri(Server server) {
    return URI.create(
        "http://127.0.0.1:"
            + ((ServerConnector) server.getConnectors()[0]).getLocalPort()
            + "/hooks/orders");
  }
}
