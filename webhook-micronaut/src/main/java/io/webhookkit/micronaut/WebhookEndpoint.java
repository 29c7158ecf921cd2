package io.webhookkit.micronaut;

import io.micronaut.http.annotation.FilterMatcher;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Guards a controller method, or every method of a controller, with the endpoint configured under
 * {@code webhook.endpoints.<value>}: the signature, timestamp, handshake and idempotency checks run
 * before the method, which receives the verified {@link io.webhookkit.core.WebhookEvent} as a
 * parameter. A method's annotation overrides its class's. An unconfigured name fails start-up.
 *
 * <pre>{@code
 * @Controller("/hooks")
 * class GitHubHooks {
 *   @WebhookEndpoint("github")
 *   @Post("/github")
 *   HttpResponse<?> onEvent(WebhookEvent event, @Body Map<String, Object> payload) { … }
 * }
 * }</pre>
 */
@FilterMatcher
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface WebhookEndpoint {
  /** The endpoint's name under {@code webhook.endpoints}. */
  String value() default "";
}
