package io.webhookkit.micronaut;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.ServerHttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.body.ByteBody;
import io.micronaut.http.body.CloseableByteBody;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.web.router.RouteMatch;
import io.webhookkit.core.Decision;
import io.webhookkit.core.DeliveryTicket;
import io.webhookkit.core.WebhookEvent;
import io.webhookkit.core.WebhookGuard;
import io.webhookkit.core.WebhookRequest;
import io.webhookkit.core.adapter.BoundedBody;
import io.webhookkit.core.adapter.EndpointNames;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Guards the routes annotated with {@link WebhookEndpoint}: reads a split copy of the body, bounded
 * (a declared {@code Content-Length} over the limit is refused before anything is read), on the
 * blocking executor — never on the event loop, since the guard may call a JDBC or Redis store — and
 * either answers the guard's decision (refusal, handshake, duplicate) or lets the request through
 * with its {@link WebhookEvent} as the request attribute {@value WebhookEvent#ATTRIBUTE}. The
 * controller still binds the body its own way ({@code @Body} as {@code Map}, a POJO, {@code
 * byte[]}, {@code String}, form fields) from the original bytes. The response filter settles the
 * delivery with the status the application answered — also when the controller threw and an error
 * response was made of it — before the response is written: 2xx completes it, anything else
 * releases it for the provider's retry.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@WebhookEndpoint
final class WebhookServerFilter implements Ordered {
  static final String TICKET_ATTRIBUTE = DeliveryTicket.class.getName();

  private final WebhookGuards guards;

  WebhookServerFilter(WebhookGuards guards) {
    this.guards = guards;
  }

  @Override
  public int getOrder() {
    // Before security: the webhook's signature is its authentication.
    return ServerFilterPhase.SECURITY.before();
  }

  @RequestFilter
  @ExecuteOn(TaskExecutors.BLOCKING)
  @Nullable HttpResponse<?> guard(HttpRequest<?> request, RouteMatch<?> route) throws IOException {
    WebhookGuard guard =
        guardFor(guards, endpointValue(guards, route, request), route).orElse(null);
    if (guard == null) {
      // Only a {variable} name can miss: start-up checked every fixed one.
      return toResponse(EndpointNames.unknown());
    }
    Decision decision = guard.inspect(toWebhookRequest(request, read(request, guard)));
    if (decision instanceof Decision.Respond respond) {
      return toResponse(respond);
    }
    Decision.Proceed proceed = (Decision.Proceed) decision;
    request.setAttribute(WebhookEvent.ATTRIBUTE, proceed.event());
    request.setAttribute(TICKET_ATTRIBUTE, proceed.ticket());
    return null;
  }

  /**
   * The endpoint a guarded route names: its {@code @WebhookEndpoint} value, or for a path the kit
   * serves ({@link WebhookPathRoutes}) the endpoint configured with that path.
   */
  static String endpointValue(WebhookGuards guards, RouteMatch<?> route, HttpRequest<?> request) {
    String value = route.getAnnotationMetadata().stringValue(WebhookEndpoint.class).orElse("");
    return value.isEmpty() ? guards.servedAt(rawPath(request)).orElse("") : value;
  }

  /** The guard of a route's endpoint, a {@code {variable}} name resolved from the route's path. */
  static Optional<WebhookGuard> guardFor(WebhookGuards guards, String value, RouteMatch<?> route) {
    return EndpointNames.resolve(
            value,
            variable -> {
              Object v = route.getVariableValues().get(variable);
              return v == null ? null : v.toString();
            })
        .flatMap(guards::guard);
  }

  @ResponseFilter
  @ExecuteOn(TaskExecutors.BLOCKING)
  void settle(HttpRequest<?> request, MutableHttpResponse<?> response) {
    request
        .getAttribute(TICKET_ATTRIBUTE, DeliveryTicket.class)
        .ifPresent(ticket -> ticket.settle(response.code()));
  }

  static BoundedBody read(HttpRequest<?> request, WebhookGuard guard) throws IOException {
    long declared = request.getContentLength();
    if (declared > guard.maxBodySize()) {
      return BoundedBody.exceeded();
    }
    if (!(request instanceof ServerHttpRequest<?> server)) {
      return BoundedBody.of(new byte[0]);
    }
    try (CloseableByteBody copy = server.byteBody().split(ByteBody.SplitBackpressureMode.FASTEST);
        InputStream in = copy.toInputStream()) {
      return BoundedBody.read(in, declared, guard.maxBodySize());
    }
  }

  static WebhookRequest toWebhookRequest(HttpRequest<?> request, BoundedBody body) {
    WebhookRequest.Builder b =
        WebhookRequest.builder()
            .method(request.getMethodName())
            .path(rawPath(request))
            .query(request.getUri().getRawQuery())
            .secure(request.isSecure())
            .body(body);
    InetSocketAddress remote = request.getRemoteAddress();
    if (remote != null && remote.getAddress() != null) {
      b.remoteAddress(remote.getAddress().getHostAddress());
    }
    request.getHeaders().forEach((name, values) -> values.forEach(v -> b.header(name, v)));
    return b.build();
  }

  /** The path as sent, still percent-encoded (providers sign the URL they called). */
  static String rawPath(HttpRequest<?> request) {
    String raw = request.getUri().getRawPath();
    return raw == null || raw.isEmpty() ? request.getPath() : raw;
  }

  static MutableHttpResponse<?> toResponse(Decision.Respond respond) {
    MutableHttpResponse<byte[]> response = HttpResponse.<byte[]>ok().status(respond.status());
    for (Map.Entry<String, String> header : respond.headers().entrySet()) {
      response.header(header.getKey(), header.getValue());
    }
    return response.body(respond.body());
  }
}
