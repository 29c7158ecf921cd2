package io.webhookkit.jaxrs.quickstart;

import io.webhookkit.core.WebhookEvent;
import io.webhookkit.jaxrs.WebhookEndpoint;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** The README's JAX-RS quick start, as written; deployed into GlassFish by the quick-start IT. */
@RequestScoped
@Path("/hooks/github")
public class GitHubHooks {
  @Inject Instance<WebhookEvent> event; // the verified delivery: event.get()

  @POST
  @WebhookEndpoint("github") // io.webhookkit.jaxrs.WebhookEndpoint
  public Response onEvent(Map<String, Object> payload) {
    System.out.println(event.get().eventType().orElse("?") + " " + payload.keySet());
    return Response.accepted().build(); // 2xx: done; a retry gets this status back
  }
}
