package io.webhookkit.micronaut;

import io.micronaut.context.annotation.Executable;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Handles the verified deliveries of an endpoint, by event type, on any bean method — processed at
 * compile time (an executable method, found at start-up by the kit's {@code
 * ExecutableMethodProcessor}, no reflection):
 *
 * <pre>{@code
 * @Singleton
 * class GitHubHandlers {
 *   @WebhookHandler(endpoint = "github", events = {"push", "pull_request.*"})
 *   void onPush(WebhookEvent event, PushPayload payload) { ... }
 * }
 * }</pre>
 *
 * <p>With {@code processing=deferred} or {@code auto} a worker on Micronaut's blocking executor
 * calls the method after the provider was answered; returning completes the delivery, throwing
 * schedules the next attempt on the endpoint's retry schedule. With {@code processing=sync} the
 * guarded controller is the handler, as before. Parameters, in any order: {@link
 * io.webhookkit.core.WebhookEvent}, and at most one payload — {@code byte[]} or {@code String} (the
 * raw body), {@code ConvertibleMultiValues<String>} (a form body) or any type the application's
 * {@code JsonMapper} reads ({@code Map}, a {@code @Serdeable} record or bean). The most specific
 * pattern wins: the exact type, else the longest {@code prefix.*}, else {@code *}; an event no
 * handler takes is completed and counted as {@code unhandled}. Start-up fails, naming the method,
 * for an unconfigured endpoint, a pattern two methods take, or a parameter the kit cannot bind.
 */
@Executable(processOnStartup = true)
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface WebhookHandler {
  /** The endpoint name, as in {@code webhook.endpoints.<name>}. */
  String endpoint();

  /** Event types or {@code prefix.*} patterns; empty takes every event ({@code *}). */
  String[] events() default {};
}
