package io.webhookkit.jaxrs.app;

import io.webhookkit.core.WebhookEvent;
import io.webhookkit.jaxrs.WebhookEndpoint;
import io.webhookkit.test.ConformanceHandler;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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

  /** Every other endpoint, by the name in its path. */
  @POST
  @Path("{name}")
  @WebhookEndpoint("{name}")
  public Response byName(@PathParam("name") String name, byte[] body) throws IOException {
    return handle(name, body);
  }
}
