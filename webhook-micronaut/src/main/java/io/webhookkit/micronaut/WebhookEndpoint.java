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
 * <p>A value in braces takes the name from that path variable, so that one method serves every
 * configured endpoint: {@code @WebhookEndpoint("{name}") @Post("/{name}")}; a request naming an
 * endpoint that is not configured is refused with 404 {@code unknown_endpoint}. {@code GET}, {@code
 * HEAD} and {@code OPTIONS} requests on the path of an annotated {@code POST} route reach the guard
 * even without a route of their own, so that providers' verification handshakes are answered.
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
  /** The endpoint's name under {@code webhook.endpoints}, or {@code {variable}}. */
  String value() default "";
}
