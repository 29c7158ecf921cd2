package io.webhookkit.micronaut;

import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import io.webhookkit.core.WebhookEvent;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Binds a {@link WebhookEvent} controller parameter to the event the {@link WebhookServerFilter}
 * verified for this request.
 */
@Singleton
final class WebhookEventArgumentBinder implements TypedRequestArgumentBinder<WebhookEvent> {
  @Override
  public Argument<WebhookEvent> argumentType() {
    return Argument.of(WebhookEvent.class);
  }

  @Override
  public BindingResult<WebhookEvent> bind(
      ArgumentConversionContext<WebhookEvent> context, HttpRequest<?> source) {
    Optional<WebhookEvent> event = source.getAttribute(WebhookEvent.ATTRIBUTE, WebhookEvent.class);
    return () -> event;
  }
}
