package io.webhookkit.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller method (or every method of a controller) as the receiver of one configured
 * webhook endpoint, {@code webhook.endpoints.<value>.*}. Requests to it are verified before the
 * handler runs; a {@link io.webhookkit.core.WebhookEvent} parameter receives the event, and
 * {@code @RequestBody} and {@code @RequestParam} bind the exact verified bytes. A name that is not
 * configured fails start-up.
 *
 * <p>A value in braces takes the name from that URI template variable, so that one handler serves
 * every configured endpoint: {@code @WebhookEndpoint("{provider}")} on
 * {@code @PostMapping("/hooks/{provider}")}; a request naming an endpoint that is not configured is
 * refused with 404 {@code unknown_endpoint}. {@code GET}, {@code HEAD} and {@code OPTIONS} requests
 * to the handler's path reach the guard even when the handler maps only {@code POST}, so that
 * providers' verification handshakes are answered.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface WebhookEndpoint {
  /** The endpoint name under {@code webhook.endpoints}, or {@code {variable}}. */
  String value();
}
