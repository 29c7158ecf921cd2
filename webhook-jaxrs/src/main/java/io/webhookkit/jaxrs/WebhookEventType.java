package io.webhookkit.jaxrs;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Routes an endpoint's deliveries to observers by event type — octokit's {@code
 * on("issues.opened")} as a CDI qualifier beside {@link WebhookEndpoint}:
 *
 * <pre>{@code
 * void onPush(@Observes @WebhookEndpoint("github") @WebhookEventType("push") WebhookEvent event)
 * void onPr(@Observes @WebhookEndpoint("github") @WebhookEventType("pull_request.*") WebhookEvent e)
 * }</pre>
 *
 * <p>Each delivery is fired once, with the type pattern of the most specific observer that matches
 * (the exact type, else the longest {@code prefix.*}); an event no typed observer takes is fired
 * with {@code @WebhookEndpoint} alone when the endpoint has an observer without a type, else not at
 * all (with {@code deferred} it is completed and counted as {@code unhandled}). By CDI's rules an
 * observer without {@code @WebhookEventType} receives every delivery of its endpoint. Two observers
 * of one endpoint with the same pattern fail the deployment.
 */
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.METHOD, ElementType.TYPE})
public @interface WebhookEventType {
  /** An event type ({@code push}, {@code invoice.paid}) or a prefix pattern ({@code invoice.*}). */
  String value();

  /** An instance of the annotation, to fire or select events of one pattern. */
  final class Literal extends AnnotationLiteral<WebhookEventType> implements WebhookEventType {
    private static final long serialVersionUID = 1L;
    private final String value;

    private Literal(String value) {
      this.value = value;
    }

    /** The qualifier for this pattern. */
    public static Literal of(String value) {
      return new Literal(value);
    }

    @Override
    public String value() {
      return value;
    }
  }
}
