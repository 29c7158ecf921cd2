package io.webhookkit.spring;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Matches requests whose handler carries {@link WebhookEndpoint}, for Spring Security rules:
 * webhook requests are authenticated by their signature (the webhook filter runs before Spring
 * Security), so they are exempt from CSRF and login — and nothing else is.
 *
 * <pre>{@code
 * http.authorizeHttpRequests(a -> a.requestMatchers(webhooks).permitAll().anyRequest().authenticated())
 *     .csrf(c -> c.ignoringRequestMatchers(webhooks));
 * }</pre>
 */
public final class WebhookEndpointRequestMatcher implements RequestMatcher {
  private final WebhookHandlerLookup lookup;

  WebhookEndpointRequestMatcher(WebhookHandlerLookup lookup) {
    this.lookup = lookup;
  }

  @Override
  public boolean matches(HttpServletRequest request) {
    return lookup.endpointFor(request).isPresent();
  }
}
