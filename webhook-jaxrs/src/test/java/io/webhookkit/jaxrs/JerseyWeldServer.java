package io.webhookkit.jaxrs;

import io.webhookkit.jaxrs.app.TestSettings;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import java.net.URI;
import java.util.Map;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * Jersey 3.1 on Grizzly with Weld SE, bound to 127.0.0.1 on a free port: the standalone Jakarta
 * REST + CDI runtime the tests send real HTTP to.
 */
final class JerseyWeldServer implements AutoCloseable {
  private final WeldContainer weld;
  private final HttpServer server;

  /**
   * What a Grizzly application adds: Jakarta REST does not expose the peer address, Grizzly's
   * request does.
   */
  @WebhookEndpoint
  @Priority(Priorities.AUTHENTICATION - 100)
  public static final class GrizzlyClientAddress implements ContainerRequestFilter {
    @Context private jakarta.inject.Provider<Request> grizzly;

    @Override
    public void filter(ContainerRequestContext request) {
      request.setProperty(
          WebhookContainerRequestFilter.CLIENT_ADDRESS, grizzly.get().getRemoteAddr());
    }
  }

  /** The kit's beans, as discovery finds them in its jar. */
  static final Class<?>[] KIT_BEANS = {
    WebhookGuards.class, WebhookStoreProducer.class, WebhookRequestState.class
  };

  /**
   * A container without class-path scanning, for CDI-only tests: the kit's extension and beans, the
   * application's settings producer, and these classes.
   */
  static Weld cdiOnly(Class<?>... more) {
    return new Weld()
        .disableDiscovery()
        .addExtension(new WebhookExtension())
        .addBeanClasses(KIT_BEANS)
        .addBeanClasses(TestSettings.class)
        .addBeanClasses(more);
  }

  /**
   * Scans the class path like an application (every resource of the test archive is a bean, so the
   * conformance endpoints are always configured besides these settings).
   */
  JerseyWeldServer(Map<String, String> settings, Class<?>... resources) {
    Map<String, String> keys = new java.util.LinkedHashMap<>(conformanceKeys());
    keys.putAll(settings);
    TestSettings.keys = Map.copyOf(keys);
    this.weld = new Weld().initialize();
    try {
      ResourceConfig config = new ResourceConfig(resources);
      config.register(WebhookFeature.class);
      config.register(GrizzlyClientAddress.class);
      config.register(WebhookInboxResource.class);
      config.register(io.webhookkit.jaxrs.app.TestOperator.class);
      config.register(org.glassfish.jersey.jackson.JacksonFeature.class);
      this.server =
          GrizzlyHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"), config);
    } catch (RuntimeException e) {
      weld.shutdown();
      throw e;
    }
  }

  static Map<String, String> conformanceKeys() {
    Map<String, String> keys = new java.util.LinkedHashMap<>();
    io.webhookkit.test.ConformanceEndpoints.all()
        .forEach(
            (name, endpoint) ->
                endpoint.forEach(
                    (key, value) -> keys.put("webhook.endpoints." + name + "." + key, value)));
    keys.putAll(io.webhookkit.test.ConformanceEndpoints.INBOX_KEYS);
    keys.put(WebhookInboxResource.ENABLED_KEY, "true");
    return keys;
  }

  URI baseUri() {
    return URI.create("http://127.0.0.1:" + server.getListener("grizzly").getPort());
  }

  WeldContainer weld() {
    return weld;
  }

  @Override
  public void close() {
    server.shutdownNow();
    weld.shutdown();
  }
}
