package io.webhookkit.jaxrs;

import io.webhookkit.jaxrs.app.TestSettings;
import java.net.URI;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * Jersey's servlet on embedded Jetty 12 with Weld SE, bound to 127.0.0.1 on a free port: Jakarta
 * REST in a servlet container the way Dropwizard and plain Jetty applications run it. The client
 * address comes from {@link WebhookServletClientAddressFilter}, which {@link WebhookFeature}
 * registers because the servlet API is present.
 */
final class JerseyJettyServer implements AutoCloseable {
  private final WeldContainer weld;
  private final Server server;

  JerseyJettyServer(Class<?>... resources) throws Exception {
    TestSettings.keys = Map.copyOf(JerseyWeldServer.conformanceKeys());
    this.weld = new Weld().initialize();
    try {
      ResourceConfig config = new ResourceConfig(resources);
      config.register(WebhookFeature.class);
      config.register(WebhookInboxResource.class);
      config.register(io.webhookkit.jaxrs.app.TestOperator.class);
      config.register(org.glassfish.jersey.jackson.JacksonFeature.class);
      server = new Server();
      ServerConnector connector = new ServerConnector(server);
      connector.setHost("127.0.0.1");
      connector.setPort(0);
      server.addConnector(connector);
      ServletContextHandler context = new ServletContextHandler("/");
      context.addServlet(new ServletHolder(new ServletContainer(config)), "/*");
      server.setHandler(context);
      server.start();
    } catch (Exception e) {
      weld.shutdown();
      throw e;
    }
  }

  URI baseUri() {
    return URI.create(
        "http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort());
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("stopping Jetty", e);
    } finally {
      weld.shutdown();
    }
  }
}
