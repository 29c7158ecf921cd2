package io.webhookkit.jaxrs.glassfish;

import io.webhookkit.test.QuickStartCheck;
import java.io.File;
import java.net.URI;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.Filters;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The README's JAX-RS quick start, as written, in GlassFish: the resource, {@code
 * webhook.properties} with {@code secrets-env} (the variable is set for this JVM by the build), and
 * nothing else of the application's — no producer, no registration.
 */
@ExtendWith(ArquillianExtension.class)
class QuickStartIT {
  @Deployment(testable = false)
  static WebArchive deployment() {
    JavaArchive jaxrsTests =
        ShrinkWrap.create(ZipImporter.class, "webhook-jaxrs-tests.jar")
            .importFrom(new File(System.getProperty("webhook.jaxrs.tests")))
            .as(JavaArchive.class);
    return ShrinkWrap.create(WebArchive.class, "quickstart.war")
        .merge(jaxrsTests, "/WEB-INF/classes", Filters.include(".*/quickstart/GitHubHooks\\.class"))
        .addClass(io.webhookkit.jaxrs.glassfish.app.RestApplication.class)
        .addAsResource("quickstart/webhook.properties", "webhook.properties")
        .addAsLibraries(
            ShrinkWrap.create(ZipImporter.class, "webhook-jaxrs.jar")
                .importFrom(new File(System.getProperty("webhook.jaxrs.jar")))
                .as(JavaArchive.class));
  }

  @Test
  void aSignedDeliveryIsAcceptedOnceAndAForgedOneRefused() throws Exception {
    QuickStartCheck.github(
        URI.create(
            "http://127.0.0.1:"
                + Integer.getInteger("glassfish.http.port")
                + "/quickstart/hooks/github"),
        "dev-only-secret",
        202);
  }
}
