package io.webhookkit.jaxrs;

import io.webhookkit.core.WebhookWorkers;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The inbox's management as a Jakarta REST resource, off (404) unless {@code
 * webhook.management.enabled=true} — scanning containers find it in the kit's jar, so registering
 * it is not enough to expose it: {@code GET /webhooks/inbox} lists each deferred endpoint's depth
 * by state, oldest due age, unhandled count and dead deliveries (key, type, attempts, last error);
 * {@code POST /webhooks/inbox/{endpoint}/replay[?delivery=<id>]} replays its dead deliveries, or
 * one. Both require an authenticated caller in the role {@code webhook.management.role} (default
 * {@value #DEFAULT_ROLE}) as the container's security establishes it ({@link SecurityContext}): 401
 * without a caller, 403 outside the role.
 */
@RequestScoped
@Path("webhooks/inbox")
@Produces(MediaType.APPLICATION_JSON)
public class WebhookInboxResource {
  /** The key naming the role allowed to read and replay. */
  public static final String ROLE_KEY = "webhook.management.role";

  /** The key that turns the resource on. */
  public static final String ENABLED_KEY = "webhook.management.enabled";

  /** The role when {@value #ROLE_KEY} is not set. */
  public static final String DEFAULT_ROLE = "webhook-admin";

  @Inject @Nullable WebhookGuards guards;
  @Inject @Nullable Instance<WebhookSettings> settings;
  @Context @Nullable SecurityContext security;

  private @Nullable Response refused() {
    WebhookSettings keys = WebhookSettingsSource.resolve(Objects.requireNonNull(settings));
    if (!"true".equalsIgnoreCase(String.valueOf(keys.get(ENABLED_KEY)).trim())) {
      return Response.status(404).build();
    }
    SecurityContext s = security;
    if (s == null || s.getUserPrincipal() == null) {
      return Response.status(401).build();
    }
    String role = keys.get(ROLE_KEY);
    return s.isUserInRole(role == null || role.isBlank() ? DEFAULT_ROLE : role)
        ? null
        : Response.status(403).build();
  }

  private @Nullable WebhookWorkers workers() {
    return Objects.requireNonNull(guards).workers().orElse(null);
  }

  /** Each deferred endpoint's inbox. */
  @GET
  public Response inbox() {
    Response refused = refused();
    if (refused != null) {
      return refused;
    }
    WebhookWorkers w = workers();
    return Response.ok(w == null ? Map.of() : w.describe()).build();
  }

  /**
   * The inbox's health for probes: 200 {@code UP}, or 503 {@code DOWN} when an endpoint's oldest
   * due delivery waited longer than {@code webhook.inbox.health-oldest-due} (default 5m) or the
   * inbox does not answer; with each endpoint's depth, dead count and oldest due age. Needs {@code
   * webhook.management.enabled=true} but no role, so that a load balancer or Kubernetes can probe.
   */
  @GET
  @Path("health")
  public Response health() {
    WebhookSettings keys = WebhookSettingsSource.resolve(Objects.requireNonNull(settings));
    if (!"true".equalsIgnoreCase(String.valueOf(keys.get(ENABLED_KEY)).trim())) {
      return Response.status(404).build();
    }
    String configured = keys.get(WebhookWorkers.HEALTH_OLDEST_DUE_KEY);
    Duration threshold =
        configured == null || configured.isBlank()
            ? WebhookWorkers.DEFAULT_HEALTH_OLDEST_DUE
            : duration(configured.trim());
    Map<String, Object> details = new LinkedHashMap<>();
    WebhookWorkers w = workers();
    boolean up = w == null || w.healthy(threshold, details);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("status", up ? "UP" : "DOWN");
    out.put("details", details);
    return Response.status(up ? 200 : 503).entity(out).build();
  }

  /** {@code 300ms}, {@code 90s}, {@code 5m}, {@code 2h}, or ISO-8601 ({@code PT5M}). */
  static Duration duration(String text) {
    Matcher m = Pattern.compile("(\\d+)(ms|s|m|h)").matcher(text);
    if (!m.matches()) {
      return Duration.parse(text);
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      default -> Duration.ofHours(n);
    };
  }

  /** Replays an endpoint's dead deliveries, or the one named. */
  @POST
  @Path("{endpoint}/replay")
  public Response replay(
      @PathParam("endpoint") String endpoint, @QueryParam("delivery") @Nullable String delivery) {
    Response refused = refused();
    if (refused != null) {
      return refused;
    }
    WebhookWorkers w = workers();
    if (w == null || !w.handles(endpoint)) {
      return Response.status(404).build();
    }
    int n =
        delivery == null || delivery.isBlank()
            ? w.replayDead(endpoint)
            : (w.replay(endpoint + ":" + delivery) ? 1 : 0);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("endpoint", endpoint);
    out.put("replayed", n);
    return Response.ok(out).build();
  }
}
