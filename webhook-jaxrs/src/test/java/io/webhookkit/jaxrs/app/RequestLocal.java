package io.webhookkit.jaxrs.app;

import io.webhookkit.core.WebhookEvent;
import jakarta.enterprise.context.RequestScoped;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** A request-scoped bean the deferred observers call: usable only in an active request context. */
@RequestScoped
public class RequestLocal {
  private static final Pattern ID = Pattern.compile("^\\{\"id\":\"([^\"]+)\"");

  /** The body's leading {@code "id"}, if any. */
  public @Nullable String idOf(WebhookEvent event) {
    Matcher m = ID.matcher(event.bodyAsString());
    return m.find() ? m.group(1) : null;
  }
}
