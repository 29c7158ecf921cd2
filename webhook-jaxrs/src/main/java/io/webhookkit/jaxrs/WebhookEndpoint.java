package io.webhookkit.jaxrs;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;
import jakarta.ws.rs.NameBinding;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Guards a resource method, or every method of a resource class, with the endpoint configured under
 * {@code webhook.endpoints.<value>}: a {@link NameBinding}, so the kit's filters run only there. It
 * is also a CDI {@link Qualifier}: each verified event is fired with it, so that {@code void
 * on(@Observes @WebhookEndpoint("github") WebhookEvent event)} receives GitHub's deliveries.
 *
 * <pre>{@code
 * @Path("/hooks/github")
 * public class GitHubHooks {
 *   @Inject WebhookEvent event;
 *
 *   @POST
 *   @WebhookEndpoint("github")
 *   public Response onEvent(Map<String, Object> payload) { … }
 * }
 * }</pre>
 *
 * <p>A value in braces takes the name from that path parameter, so that one resource method serves
 * every configured endpoint: {@code @Path("/hooks/{name}") @POST @WebhookEndpoint("{name}")}; a
 * request naming an endpoint that is not configured is refused with 404 {@code unknown_endpoint}
 * (observe such events unqualified). {@code GET}, {@code HEAD} and {@code OPTIONS} requests on the
 * path of a guarded {@code POST} method without a method of their own reach the guard (see {@link
 * WebhookHandshakeFilter}), so that providers' verification handshakes are answered.
 */
@NameBinding
@Qualifier
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.PARAMETER, ElementType.FIELD})
public @interface WebhookEndpoint {
  /** The endpoint's name under {@code webhook.endpoints}, or {@code {variable}}. */
  String value() default "";

  /** An instance of the annotation, to select or fire events for one endpoint. */
  final class Literal extends AnnotationLiteral<WebhookEndpoint> implements WebhookEndpoint {
    private static final long serialVersionUID = 1L;
    private final String value;

    private Literal(String value) {
      this.value = value;
    }

    /** The qualifier for this endpoint name. */
    public static Literal of(String value) {
      return new Literal(value);
    }

    @Override
    public String value() {
      return value;
    }
  }
}
