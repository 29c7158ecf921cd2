package io.webhookkit.jaxrs.glassfish;

import static org.assertj.core.api.Assertions.assertThat;

import io.webhookkit.test.ConformanceEndpoints;
import io.webhookkit.test.ConformanceHandler;
import io.webhookkit.test.ManagementJson;
import io.webhookkit.test.TestDelivery;
import io.webhookkit.test.WebhookAdapterConformanceKit;
import java.io.File;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.Filters;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ExplodedImporter;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The conformance kit against a WAR deployed into embedded GlassFish 7.0.25 (Jakarta EE 10): the
 * kit's {@code webhook-jaxrs} jar in {@code WEB-INF/lib}, found by the container's own scanning; a
 * user-style CDI producer of the settings; the conformance resource. Requests go over real HTTP to
 * GlassFish's listener on 127.0.0.1.
 *
 * <p>GlassFish runs inside this JVM, so {@code webhook-jaxrs} is kept off the test's class path
 * (one copy, the WAR's); the core and the test kit come from the class path, shared by the test and
 * the application, so that both see the same {@code ConformanceHandler}.
 */
@ExtendWith(ArquillianExtension.class)
class GlassFishConformanceIT extends WebhookAdapterConformanceKit {

  @Deployment(testable = false)
  static WebArchive deployment() throws URISyntaxException {
    File testClasses =
        new File(
            GlassFishConformanceIT.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
    JavaArchive application =
        ShrinkWrap.create(ExplodedImporter.class, "application.jar")
            .importDirectory(testClasses)
            .as(JavaArchive.class);
    JavaArchive jaxrsTests =
        ShrinkWrap.create(ZipImporter.class, "webhook-jaxrs-tests.jar")
            .importFrom(file("webhook.jaxrs.tests"))
            .as(JavaArchive.class);
    return ShrinkWrap.create(WebArchive.class, "webhooks.war")
        .merge(application, "/WEB-INF/classes", Filters.include(".*/glassfish/app/.*"))
        .merge(
            jaxrsTests,
            "/WEB-INF/classes",
            Filters.include(
                ".*/app/(Conformance(Resource|Settings)|DeferredObservers|RequestLocal|TestOperator"
                    + "|TestOperator\\$.*|RemoteKeysCustomizer)\\.class"))
        .addAsWebInfResource("war/beans.xml", "beans.xml")
        .addAsLibraries(
            ShrinkWrap.create(ZipImporter.class, "webhook-jaxrs.jar")
                .importFrom(file("webhook.jaxrs.jar"))
                .as(JavaArchive.class));
  }

  private static File file(String property) {
    String path = System.getProperty(property);
    if (path == null || !new File(path).isFile()) {
      throw new IllegalStateException(property + " does not name a file: " + path);
    }
    return new File(path);
  }

  @Override
  protected URI baseUri() {
    // The listener's port as Maven reserved it; the WAR's name is its context root.
    return URI.create(
        "http://127.0.0.1:" + Integer.getInteger("glassfish.http.port") + "/webhooks/");
  }

  private URI inbox() {
    return baseUri().resolve("webhooks/inbox");
  }

  private static HttpResponse<String> asOperator(URI uri, String method) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer operator")
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void deferredObserversRunOnTheContainersManagedExecutor() throws Exception {
    TestDelivery delivery =
        TestDelivery.stripe(ConformanceEndpoints.STRIPE_SECRET).withEventType("invoice.paid");
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                delivery.toHttpRequest(endpoint(ConformanceEndpoints.DEFERRED)),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(202);
    String thread =
        ConformanceHandler.shared()
            .awaitHandled(delivery.id(), 1, Duration.ofSeconds(20))
            .get(0)
            .thread();
    // The kit's own pool names its threads webhook-worker-N; GlassFish's managed executor does not.
    assertThat(thread).doesNotStartWith("webhook-worker-");
  }

  /** Through the kit's {@code WebhookInboxResource}, found by GlassFish's own scanning. */
  @Override
  protected List<String> deadDeliveries(String endpoint) throws Exception {
    HttpResponse<String> r = asOperator(inbox(), "GET");
    if (r.statusCode() != 200) {
      throw new AssertionError("inbox answered " + r.statusCode() + ": " + r.body());
    }
    return ManagementJson.deadKeys(r.body(), endpoint);
  }

  @Override
  protected int replayDead(String endpoint) throws Exception {
    HttpResponse<String> r = asOperator(URI.create(inbox() + "/" + endpoint + "/replay"), "POST");
    if (r.statusCode() != 200) {
      throw new AssertionError("replay answered " + r.statusCode() + ": " + r.body());
    }
    return ManagementJson.replayed(r.body());
  }

  @Override
  protected URI endpoint(String name) {
    return baseUri().resolve("hooks/" + name);
  }
}
