package io.webhookkit.micronaut;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteMatch;
import io.webhookkit.core.Decision;
import io.webhookkit.core.WebhookGuard;
import io.webhookkit.core.adapter.BoundedBody;
import io.webhookkit.core.adapter.EndpointNames;
import jakarta.inject.Named;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.reactivestreams.Publisher;

/**
 * Lets providers' verification handshakes reach the guard: a {@code GET}, {@code HEAD} or {@code
 * OPTIONS} request that matches no route of its own, on the path of a {@code POST} route annotated
 * with {@link WebhookEndpoint}, is decided by that endpoint's guard (on the blocking executor) — so
 * Meta's and X's {@code GET} challenges, Dropbox's, Okta's and the CloudEvents {@code OPTIONS} are
 * answered although the controller maps only {@code POST}; the guard refuses every other such
 * request ({@code 405 method_not_allowed} when it verified). Every other request passes untouched,
 * on the event loop.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
final class WebhookHandshakeFilter implements HttpServerFilter {
  private final WebhookGuards guards;
  private final Router router;
  private final ExecutorService blocking;

  WebhookHandshakeFilter(
      WebhookGuards guards,
      Router router,
      @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
    this.guards = guards;
    this.router = router;
    this.blocking = blocking;
  }

  @Override
  public int getOrder() {
    return ServerFilterPhase.SECURITY.before();
  }

  @Override
  public Publisher<MutableHttpResponse<?>> doFilter(
      HttpRequest<?> request, ServerFilterChain chain) {
    if (!WebhookGuard.isHandshakeMethod(request.getMethodName())
        || RouteAttributes.getRouteMatch(request).isPresent()) {
      return chain.proceed(request);
    }
    Optional<UriRouteMatch<Object, Object>> post =
        router
            .find(HttpMethod.POST, WebhookServerFilter.rawPath(request), request)
            .filter(m -> m.getAnnotationMetadata().hasAnnotation(WebhookEndpoint.class))
            .findFirst();
    if (post.isEmpty()) {
      return chain.proceed(request);
    }
    UriRouteMatch<Object, Object> route = post.get();
    String value = WebhookServerFilter.endpointValue(guards, route, request);
    WebhookGuard guard = WebhookServerFilter.guardFor(guards, value, route).orElse(null);
    if (guard == null) {
      return Publishers.just(WebhookServerFilter.toResponse(EndpointNames.unknown()));
    }
    return Publishers.fromCompletableFuture(
        () ->
            CompletableFuture.supplyAsync(
                () -> {
                  Decision decision =
                      guard.inspect(
                          WebhookServerFilter.toWebhookRequest(
                              request, BoundedBody.of(new byte[0])));
                  // The guard answers every GET/HEAD/OPTIONS: a handshake or a refusal.
                  return WebhookServerFilter.toResponse((Decision.Respond) decision);
                },
                blocking));
  }
}
