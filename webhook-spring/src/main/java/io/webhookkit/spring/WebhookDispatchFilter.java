package io.webhookkit.spring;

import io.webhookkit.core.WebhookGuard;
import io.webhookkit.core.adapter.EndpointGuards;
import io.webhookkit.core.adapter.EndpointNames;
import io.webhookkit.servlet.WebhookFilter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.method.HandlerMethod;

/**
 * Finds the handler a request will reach and, when it carries {@link WebhookEndpoint}, guards the
 * request with that endpoint's guard exactly as {@link WebhookFilter} does. Ordered after {@code
 * CharacterEncodingFilter} and before {@code FormContentFilter}, {@code HiddenHttpMethodFilter} and
 * Spring Security, which could otherwise consume a form body first.
 */
public class WebhookDispatchFilter extends OncePerRequestFilter implements Ordered {
  /** Right after the character-encoding filter, before anything that may read the body. */
  public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

  private final WebhookHandlerLookup lookup;
  private final EndpointGuards guards;

  WebhookDispatchFilter(WebhookHandlerLookup lookup, EndpointGuards guards) {
    this.lookup = lookup;
    this.guards = guards;
  }

  @Override
  public int getOrder() {
    return ORDER;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    WebhookHandlerLookup.Target target = lookup.endpointFor(request).orElse(null);
    if (target == null) {
      chain.doFilter(request, response);
      return;
    }
    WebhookGuard guard = target.name() == null ? null : guards.guard(target.name()).orElse(null);
    if (guard == null) {
      // Only a {variable} name can miss: start-up checked every fixed one.
      WebhookFilter.write(EndpointNames.unknown(), response);
      return;
    }
    WebhookFilter.filter(guard, request, response, chain);
  }

  static Optional<String> endpointName(HandlerMethod method) {
    return WebhookHandlerLookup.endpointName(method);
  }
}
