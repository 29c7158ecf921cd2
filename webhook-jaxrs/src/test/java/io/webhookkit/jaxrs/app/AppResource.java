package io.webhookkit.jaxrs.app;

import io.webhookkit.core.WebhookEvent;
import io.webhookkit.jaxrs.WebhookEndpoint;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An application resource guarded at class level: the entity binds as a JSON {@code Map}, a POJO
 * (Jackson) and a {@code String}; one method fails with a mapped exception, one with an unmapped
 * one, a set number of times.
 */
@RequestScoped
@Path("/app")
@WebhookEndpoint("github")
public class AppResource {
  /** What the methods saw, in order. */
  public static final List<String> SEEN = new CopyOnWriteArrayList<>();

  /** How many more calls of the failing methods fail. */
  public static final AtomicInteger FAILURES = new AtomicInteger();

  /** A POJO view of GitHub's payload. */
  public record Push(String ref, Map<String, Object> repository) {}

  @Inject WebhookEvent event;

  @POST
  @Path("map")
  @Consumes(MediaType.APPLICATION_JSON)
  public String map(Map<String, Object> payload) {
    SEEN.add("map " + event.deliveryId().orElseThrow() + " " + payload.get("ref"));
    return "ok";
  }

  @POST
  @Path("pojo")
  @Consumes(MediaType.APPLICATION_JSON)
  public String pojo(Push push) {
    SEEN.add("pojo " + event.deliveryId().orElseThrow() + " " + push.ref());
    return "ok";
  }

  @POST
  @Path("string")
  public String string(String body) {
    SEEN.add("string " + event.eventType().orElseThrow() + " " + body.length());
    return "ok";
  }

  @POST
  @Path("mapped-failure")
  public Response mappedFailure() {
    SEEN.add("mapped-failure " + event.deliveryId().orElseThrow());
    if (FAILURES.getAndDecrement() > 0) {
      throw new WebApplicationException("the handler failed", 503);
    }
    return Response.accepted().build();
  }

  @POST
  @Path("unmapped-failure")
  public Response unmappedFailure() {
    SEEN.add("unmapped-failure " + event.deliveryId().orElseThrow());
    if (FAILURES.getAndDecrement() > 0) {
      throw new IllegalStateException("the handler failed");
    }
    return Response.accepted().build();
  }

  /** A Slack slash command, bound field by field. */
  @POST
  @Path("slack")
  @WebhookEndpoint("slack")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public String command(
      @FormParam("command") List<String> command, @FormParam("text") String text) {
    SEEN.add("command " + event.deliveryId().orElseThrow() + " " + command + " " + text);
    return "ok";
  }
}
