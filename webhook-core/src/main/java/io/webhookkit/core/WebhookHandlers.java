package io.webhookkit.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One endpoint's handlers by event type, as octokit's and Bolt's {@code on(event, handler)}: an
 * exact type ({@code push}, {@code invoice.paid}), a prefix pattern ending in {@code *} ({@code
 * issues.*}, {@code invoice.*}), or {@code *} for every delivery. The most specific match handles a
 * delivery: the exact type, else the longest prefix, else {@code *}; a delivery no pattern matches
 * is not {@linkplain #handles taken}: the workers complete it and count it as {@code unhandled}
 * (providers send event types nobody subscribed to). Immutable once built.
 */
public final class WebhookHandlers implements WebhookHandler {
  private record Route(String pattern, WebhookHandler handler) {
    boolean matches(@Nullable String type) {
      if (pattern.equals("*")) {
        return true;
      }
      if (type == null) {
        return false;
      }
      return pattern.endsWith("*")
          ? type.startsWith(pattern.substring(0, pattern.length() - 1))
          : type.equals(pattern);
    }

    int specificity() {
      return pattern.endsWith("*") ? pattern.length() - 1 : Integer.MAX_VALUE;
    }
  }

  private final List<Route> routes;

  private WebhookHandlers(List<Route> routes) {
    this.routes = List.copyOf(routes);
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The handler for a delivery of this type, if any pattern matches. */
  public @Nullable WebhookHandler route(@Nullable String eventType) {
    Route best = null;
    for (Route r : routes) {
      if (r.matches(eventType) && (best == null || r.specificity() > best.specificity())) {
        best = r;
      }
    }
    return best == null ? null : best.handler();
  }

  /** The patterns, in the order they were given. */
  public List<String> patterns() {
    return routes.stream().map(Route::pattern).toList();
  }

  @Override
  public boolean handles(WebhookEvent event) {
    return route(event.eventType().orElse(null)) != null;
  }

  @Override
  public void handle(WebhookEvent event) throws Exception {
    WebhookHandler h = route(event.eventType().orElse(null));
    if (h == null) {
      AttemptLog.LOG.debug(
          "webhook delivery on endpoint {} of type {} has no handler; completed",
          event.endpoint(),
          event.eventType().orElse("(none)"));
      return;
    }
    h.handle(event);
  }

  /** Builds the routes; not thread-safe. */
  public static final class Builder {
    private final List<Route> routes = new ArrayList<>();

    private Builder() {}

    /**
     * Handles deliveries whose type matches: exact, {@code prefix*}, or {@code *}.
     *
     * @throws IllegalArgumentException for a blank pattern, a {@code *} not at the end, or a
     *     pattern given twice
     */
    public Builder on(String pattern, WebhookHandler handler) {
      String p = Objects.requireNonNull(pattern, "pattern").trim();
      if (p.isEmpty() || (p.indexOf('*') >= 0 && p.indexOf('*') != p.length() - 1)) {
        throw new IllegalArgumentException(
            "'" + pattern + "' must be an event type, a prefix ending in *, or *");
      }
      if (routes.stream().anyMatch(r -> r.pattern().equals(p))) {
        throw new IllegalArgumentException("'" + p + "' has a handler already");
      }
      routes.add(new Route(p, Objects.requireNonNull(handler, "handler")));
      return this;
    }

    /** The routes. */
    public WebhookHandlers build() {
      return new WebhookHandlers(routes);
    }
  }
}
