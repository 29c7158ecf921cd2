package io.webhookkit.servlet;

import io.webhookkit.core.WebhookWorkers;
import io.webhookkit.core.inbox.DeadEntry;
import io.webhookkit.test.ConformanceEndpoints;
import io.webhookkit.test.WebhookAdapterConformanceKit;
import jakarta.servlet.DispatcherType;
import java.net.URI;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The conformance kit against a real {@code WEB-INF/web.xml} deployment on Jetty: the filters are
 * declared in {@code src/test/webapp/WEB-INF/web.xml}, as a user would drop them in (all but the
 * forwarding endpoint, whose broker's port is known only at run time).
 */
class WebXmlConformanceTest extends WebhookAdapterConformanceKit {
  private static Server server;
  private static WebAppContext webapp;
  private static URI base;

  @BeforeAll
  static void start() throws Exception {
    webapp = new WebAppContext();
    webapp.setContextPath("/");
    webapp.setBaseResourceAsPath(Path.of("src/test/webapp").toAbsolutePath());
    // The kit's shared handler lives on the test class path: load classes from there first.
    webapp.setParentLoaderPriority(true);
    // The forwarding endpoint names the run's Kafka broker, whose port is known only now; every
    // other filter is declared in web.xml.
    FilterHolder forward = new FilterHolder(WebhookFilter.class);
    forward.setName(ConformanceEndpoints.FORWARD);
    forward.setInitParameters(ConformanceEndpoints.all().get(ConformanceEndpoints.FORWARD));
    webapp.addFilter(
        forward, "/hooks/" + ConformanceEndpoints.FORWARD, EnumSet.of(DispatcherType.REQUEST));
    server = LoopbackJetty.start(webapp);
    base = LoopbackJetty.uri(server);
  }

  @AfterAll
  static void stop() throws Exception {
    server.stop();
  }

  private static WebhookWorkers workers() {
    return (WebhookWorkers)
        webapp.getServletContext().getAttribute(WebhookInboxListener.WORKERS_ATTRIBUTE);
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
