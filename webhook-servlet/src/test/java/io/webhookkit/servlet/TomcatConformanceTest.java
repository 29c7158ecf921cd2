package io.webhookkit.servlet;

import io.webhookkit.core.WebhookWorkers;
import io.webhookkit.core.inbox.DeadEntry;
import io.webhookkit.test.ConformanceEndpoints;
import io.webhookkit.test.ConformanceWorkerHandler;
import io.webhookkit.test.WebhookAdapterConformanceKit;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The conformance kit against WebhookFilter on embedded Tomcat 11 (Servlet 6.1). */
class TomcatConformanceTest extends WebhookAdapterConformanceKit {
  private static Tomcat tomcat;
  private static Context context;
  private static URI base;

  @BeforeAll
  static void start() throws Exception {
    tomcat = new Tomcat();
    Path baseDir = Files.createTempDirectory(Path.of("target"), "tomcat");
    tomcat.setBaseDir(baseDir.toAbsolutePath().toString());
    Connector connector = new Connector();
    connector.setPort(0);
    connector.setProperty("address", "127.0.0.1");
    tomcat.getService().addConnector(connector);
    tomcat.setConnector(connector);
    context = tomcat.addContext("", null);
    ConformanceEndpoints.INBOX_KEYS.forEach(context::addParameter);
    context.addApplicationListener(WebhookInboxListener.class.getName());
    Tomcat.addServlet(context, "conformance", new ConformanceServlet());
    context.addServletMapping("/hooks/*", "conformance");
    ConformanceEndpoints.all()
        .forEach(
            (name, keys) -> {
              FilterDef def = new FilterDef();
              def.setFilterName(name);
              if (RemoteKeyFilters.remote(name)) {
                def.setFilter(RemoteKeyFilters.filter(name));
              } else {
                def.setFilterClass(WebhookFilter.class.getName());
                keys.forEach(def::addInitParameter);
              }
              if (ConformanceEndpoints.deferred(name)) {
                def.addInitParameter(
                    WebhookFilter.HANDLER_PARAM, ConformanceWorkerHandler.class.getName());
              }
              context.addFilterDef(def);
              FilterMap map = new FilterMap();
              map.setFilterName(name);
              map.addURLPattern("/hooks/" + name);
              context.addFilterMap(map);
            });
    tomcat.start();
    base = URI.create("http://127.0.0.1:" + connector.getLocalPort());
  }

  @AfterAll
  static void stop() throws Exception {
    tomcat.stop();
    tomcat.destroy();
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
