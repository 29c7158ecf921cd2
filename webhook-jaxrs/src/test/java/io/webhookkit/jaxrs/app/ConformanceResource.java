package io.webhookkit.jaxrs.app;

import io.webhookkit.core.WebhookEvent;
import io.webhookkit.jaxrs.WebhookEndpoint;
import io.webhookkit.test.ConformanceHandler;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Providers;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Serves the conformance endpoints the Jakarta REST way: the entity as {@code byte[]}, form fields
 * through the runtime's own {@link Form} reader, query parameters from {@link UriInfo}, and the
 * event from CDI.
 */
@RequestScoped
@Path("/hooks")
public class ConformanceResource {
  /**
   * Looked up in the method, after the filters: some runtimes (GlassFish's Jersey) create the
   * resource instance while matching, before any name-bound filter has run.
   */
  @Inject Instance<WebhookEvent> event;

  @Context UriInfo uri;
  @Context HttpHeaders headers;
  @Context Providers providers;

  private Response handle(String endpoint, byte[] body) throws IOException {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    uri.getQueryParameters().forEach((k, v) -> parameters.put(k, new ArrayList<>(v)));
    MediaType type = headers.getMediaType();
    if (type != null && type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
      MessageBodyReader<Form> reader =
          providers.getMessageBodyReader(
              Form.class, Form.class, new java.lang.annotation.Annotation[0], type);
      Form form =
          reader.readFrom(
              Form.class,
              Form.class,
              new java.lang.annotation.Annotation[0],
              type,
              headers.getRequestHeaders(),
              new ByteArrayInputStream(body));
      form.asMap()
          .forEach((k, v) -> parameters.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
    }
    int status = ConformanceHandler.shared().handle(endpoint, event.get(), body, parameters);
    return Response.status(status).entity("handled " + status).build();
  }

  @POST
  @Path("github")
  @WebhookEndpoint("github")
  public Response github(byte[] body) throws IOException {
    return handle("github", body);
  }

  @POST
  @Path("stripe")
  @WebhookEndpoint("stripe")
  public Response stripe(byte[] body) throws IOException {
    return handle("stripe", body);
  }

  @POST
  @Path("slack")
  @WebhookEndpoint("slack")
  public Response slack(byte[] body) throws IOException {
    return handle("slack", body);
  }

  @POST
  @Path("standard-webhooks")
  @WebhookEndpoint("standard-webhooks")
  public Response standardWebhooks(byte[] body) throws IOException {
    return handle("standard-webhooks", body);
  }

  @POST
  @Path("svix")
  @WebhookEndpoint("svix")
  public Response svix(byte[] body) throws IOException {
    return handle("svix", body);
  }

  @POST
  @Path("shopify")
  @WebhookEndpoint("shopify")
  public Response shopify(byte[] body) throws IOException {
    return handle("shopify", body);
  }

  @POST
  @Path("hmac")
  @WebhookEndpoint("hmac")
  public Response hmac(byte[] body) throws IOException {
    return handle("hmac", body);
  }

  @POST
  @Path("allowlisted")
  @WebhookEndpoint("allowlisted")
  public Response allowlisted(byte[] body) throws IOException {
    return handle("allowlisted", body);
  }

  @POST
  @Path("no-proxy")
  @WebhookEndpoint("no-proxy")
  public Response noProxy(byte[] body) throws IOException {
    return handle("no-proxy", body);
  }

  @POST
  @Path("https-only")
  @WebhookEndpoint("https-only")
  public Response httpsOnly(byte[] body) throws IOException {
    return handle("https-only", body);
  }

  @POST
  @Path("small")
  @WebhookEndpoint("small")
  public Response small(byte[] body) throws IOException {
    return handle("small", body);
  }

  @POST
  @Path("limited")
  @WebhookEndpoint("limited")
  public Response limited(byte[] body) throws IOException {
    return handle("limited", body);
  }
}
