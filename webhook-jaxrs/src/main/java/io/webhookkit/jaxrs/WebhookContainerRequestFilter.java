package io.webhookkit.jaxrs;

import io.webhookkit.core.Decision;
import io.webhookkit.core.DeliveryTicket;
import io.webhookkit.core.WebhookEvent;
import io.webhookkit.core.WebhookGuard;
import io.webhookkit.core.WebhookRequest;
import io.webhookkit.core.adapter.BoundedBody;
import io.webhookkit.core.adapter.EndpointNames;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Default;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Guards the resources annotated with {@link WebhookEndpoint}, at {@link
 * Priorities#AUTHENTICATION}: a declared {@code Content-Length} over the limit is refused before
 * anything is read; otherwise the entity stream is read, bounded, the guard decides, and either its
 * answer is sent ({@code abortWith}: refusal as {@code application/problem+json} with {@code
 * Retry-After}, handshake, duplicate) or the same bytes are put back as the entity stream — so that
 * entities ({@code Map}, POJOs through JSON-B or Jackson, {@code byte[]}, {@code String},
 * {@code @FormParam}) still bind — and the verified event is set as the request property {@value
 * WebhookEvent#ATTRIBUTE}, made injectable ({@code @Inject WebhookEvent}) and fired as a CDI event
 * qualified with the endpoint's {@link WebhookEndpoint}. As a response filter it settles the
 * delivery with the response's status before the entity is written: 2xx completes it, anything else
 * releases it. It is a CDI bean, so that its dependencies come from the application's own
 * container, and {@code @Default} besides the name-binding qualifier, so that runtimes find it by
 * type.
 *
 * <p>The client address, needed for the allowlist and the loopback HTTPS exemption, is not part of
 * Jakarta REST: in a servlet container {@link WebhookServletClientAddressFilter} supplies it;
 * elsewhere set the request property {@value #CLIENT_ADDRESS} in a filter that runs first.
 */
@Provider
@WebhookEndpoint
@Default
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION)
public class WebhookContainerRequestFilter
    implements ContainerRequestFilter, ContainerResponseFilter {
  /** The request property holding the client's IP address (text), set by container glue. */
  public static final String CLIENT_ADDRESS = "io.webhookkit.jaxrs.clientAddress";

  private static final String TICKET = DeliveryTicket.class.getName();

  /**
   * The request property marking a refused, oversized body whose rest is still unread: its {@link
   * UnreadBody}.
   */
  static final String UNREAD_BODY = UnreadBody.class.getName();

  /** What {@link BoundedBody#discardRest} needs of a refused, oversized body. */
  record UnreadBody(long declaredLength, @Nullable String expect) {}

  @Context private @Nullable ResourceInfo resource;
  @Inject private @Nullable WebhookGuards guards;
  @Inject private @Nullable WebhookRequestState state;
  @Inject private @Nullable Event<WebhookEvent> events;

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    WebhookGuards all =
        Objects.requireNonNull(guards, "not injected: the filter must be a CDI bean");
    String name =
        EndpointNames.resolve(
                endpointName(),
                variable -> request.getUriInfo().getPathParameters().getFirst(variable))
            .orElse("");
    WebhookGuard guard = all.guard(name).orElse(null);
    if (guard == null) {
      // Only a {variable} name can miss: the deployment checked every fixed one.
      request.abortWith(toResponse(EndpointNames.unknown()));
      return;
    }
    long declared = request.getLength();
    BoundedBody body =
        declared > guard.maxBodySize()
            ? BoundedBody.exceeded()
            : BoundedBody.read(request.getEntityStream(), declared, guard.maxBodySize());
    Decision decision = guard.inspect(toWebhookRequest(request, body));
    if (decision instanceof Decision.Respond respond) {
      if (body.isExceeded()) {
        request.setProperty(
            UNREAD_BODY, new UnreadBody(declared, request.getHeaderString("Expect")));
      }
      request.abortWith(toResponse(respond));
      return;
    }
    Decision.Proceed proceed = (Decision.Proceed) decision;
    request.setEntityStream(new ByteArrayInputStream(body.bytes()));
    request.setProperty(WebhookEvent.ATTRIBUTE, proceed.event());
    request.setProperty(TICKET, proceed.ticket());
    try {
      Objects.requireNonNull(state).set(proceed.event(), proceed.ticket());
      all.fireInRequest(Objects.requireNonNull(events), name, proceed.event());
    } catch (RuntimeException observerFailed) {
      proceed.ticket().fail(observerFailed);
      throw observerFailed;
    } catch (Exception observerFailed) {
      proceed.ticket().fail(observerFailed);
      throw new IllegalStateException("a webhook observer failed", observerFailed);
    }
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    Object ticket = request.getProperty(TICKET);
    if (ticket instanceof DeliveryTicket t) {
      t.settle(response.getStatus());
    }
  }

  private String endpointName() {
    ResourceInfo info = resource;
    Method method = info == null ? null : info.getResourceMethod();
    if (method != null) {
      WebhookEndpoint own = method.getAnnotation(WebhookEndpoint.class);
      if (own != null && !own.value().isEmpty()) {
        return own.value();
      }
    }
    Class<?> type = info == null ? null : info.getResourceClass();
    WebhookEndpoint onClass = type == null ? null : type.getAnnotation(WebhookEndpoint.class);
    return onClass == null ? "" : onClass.value();
  }

  private static WebhookRequest toWebhookRequest(
      ContainerRequestContext request, BoundedBody body) {
    UriInfo uri = request.getUriInfo();
    Object client = request.getProperty(CLIENT_ADDRESS);
    WebhookRequest.Builder b =
        WebhookRequest.builder()
            .method(
                request.getProperty(WebhookHandshakeFilter.HANDSHAKE_METHOD) instanceof String m
                    ? m
                    : request.getMethod())
            .path(uri.getRequestUri().getRawPath())
            .query(uri.getRequestUri().getRawQuery())
            .remoteAddress(client instanceof String s ? s : null)
            .secure(request.getSecurityContext() != null && request.getSecurityContext().isSecure())
            .body(body);
    request.getHeaders().forEach((name, values) -> values.forEach(v -> b.header(name, v)));
    return b.build();
  }

  private static Response toResponse(Decision.Respond respond) {
    Response.ResponseBuilder r = Response.status(respond.status());
    for (Map.Entry<String, String> header : respond.headers().entrySet()) {
      r.header(header.getKey(), header.getValue());
    }
    return respond.body().length > 0 ? r.entity(respond.body()).build() : r.build();
  }
}
