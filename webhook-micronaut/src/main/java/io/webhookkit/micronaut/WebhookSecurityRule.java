package io.webhookkit.micronaut;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecuredAnnotationRule;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.rules.SecurityRuleResult;
import io.webhookkit.core.WebhookEvent;
import jakarta.inject.Singleton;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;

/**
 * With Micronaut Security on the class path (secured by default: every route needs a login), lets a
 * verified webhook through without one — a provider has no login; its signature is its
 * authentication. {@code ALLOWED} only for a request carrying the verified {@link WebhookEvent},
 * which {@link WebhookServerFilter} sets after the guard let the delivery through (it runs before
 * the security filter and answers every refusal itself); {@code UNKNOWN} for every other request,
 * so the application's own rules decide those. Ordered after the {@code @Secured} rule (an explicit
 * {@code @Secured} on a webhook route still applies) and before the {@code intercept-url-map} rule
 * (a blanket {@code /**: isAuthenticated()} does not lock providers out). {@code
 * webhook.security.ignore-webhook-endpoints=false} (the key Spring's adapter reads too) turns it
 * off, for applications that write their own rule.
 */
@Singleton
@Requires(classes = SecurityRule.class)
@Requires(property = "webhook.security.ignore-webhook-endpoints", notEquals = "false")
final class WebhookSecurityRule implements SecurityRule<HttpRequest<?>> {
  @Override
  public Publisher<SecurityRuleResult> check(
      @Nullable HttpRequest<?> request, @Nullable Authentication authentication) {
    boolean verified =
        request != null
            && request.getAttribute(WebhookEvent.ATTRIBUTE, WebhookEvent.class).isPresent();
    return Publishers.just(verified ? SecurityRuleResult.ALLOWED : SecurityRuleResult.UNKNOWN);
  }

  @Override
  public int getOrder() {
    return SecuredAnnotationRule.ORDER + 50;
  }
}
