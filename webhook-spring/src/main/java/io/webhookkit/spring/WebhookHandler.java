package io.webhookkit.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Handles the verified deliveries of an endpoint, by event type, on any bean method — the model of
 * {@code @KafkaListener} and octokit's {@code webhooks.on("issues.opened", …)}:
 *
 * <pre>{@code
 * @WebhookHandler(endpoint = "github", events = {"push", "pull_request.*"})
 * void onPush(WebhookEvent event, PushPayload payload) { ... }
 * }</pre>
 *
 * <p>With {@code processing=deferred} or {@code auto} a worker calls the method after the provider
 * was answered; returning completes the delivery, throwing schedules the next attempt on the
 * endpoint's retry schedule. With {@code processing=sync} the method runs in the request, which is
 * answered 200 when it returns and 500 when it throws (the provider's retry is then processed). The
 * kit serves {@code webhook.endpoints.<name>.path} itself when no controller maps it.
 *
 * <p>Parameters, in any order: {@link io.webhookkit.core.WebhookEvent}, and at most one payload —
 * {@code byte[]} or {@code String} (the raw body), {@code MultiValueMap<String, String>} (a form
 * body), or any type the application's JSON mapper reads ({@code Map}, a record, a POJO; Jackson 3
 * on Boot 4, Jackson 2 on Boot 3). The most specific pattern wins: the exact type, else the longest
 * {@code prefix.*}, else {@code *}; an event no handler takes is completed and counted as {@code
 * unhandled}. Start-up fails, naming the method, for an unconfigured endpoint, a pattern two
 * methods take, or a parameter the kit cannot bind.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface WebhookHandler {
  /** The endpoint name, as in {@code webhook.endpoints.<name>}. */
  String endpoint();

  /** Event types or {@code prefix.*} patterns; empty takes every event ({@code *}). */
  String[] events() default {};
}
