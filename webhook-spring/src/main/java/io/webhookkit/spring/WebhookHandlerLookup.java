package io.webhookkit.spring;

import io.webhookkit.core.WebhookGuard;
import io.webhookkit.core.adapter.EndpointNames;
import io.webhookkit.core.adapter.FormData;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Which {@link WebhookEndpoint} a request will reach, found through the application's MVC handler
 * mappings (in the order the {@code DispatcherServlet} uses them) before dispatch, without reading
 * the body: the lookup sees the query string only. Thread-safe; caches per handler method.
 */
final class WebhookHandlerLookup {
  private final ObjectProvider<HandlerMapping> handlerMappings;
  private final Map<Method, Optional<String>> endpointOf = new ConcurrentHashMap<>();
  private volatile @Nullable List<HandlerMapping> mappings;

  WebhookHandlerLookup(ObjectProvider<HandlerMapping> handlerMappings) {
    this.handlerMappings = handlerMappings;
  }

  private List<HandlerMapping> mappings() {
    List<HandlerMapping> m = mappings;
    if (m == null) {
      m = handlerMappings.orderedStream().toList();
      mappings = m;
    }
    return m;
  }

  /**
   * The endpoint a request is for.
   *
   * @param value the annotation's value as written (a name, or {@code {variable}})
   * @param name the endpoint name, resolved from the path for a {@code {variable}}; {@code null}
   *     when the path gives none
   */
  record Target(String value, @Nullable String name) {}

  /**
   * The endpoint of the handler this request maps to, if it carries {@link WebhookEndpoint}. A
   * {@code GET}, {@code HEAD} or {@code OPTIONS} that maps to no handler of its own is looked up as
   * the {@code POST} it may be the handshake of (Meta, X, Dropbox, Okta, CloudEvents).
   */
  Optional<Target> endpointFor(HttpServletRequest request) {
    // The dispatch filter and Spring Security's matcher both ask, once each per request: look the
    // handler up once (per method and path, so a forward or an error dispatch asks again).
    Object cached = request.getAttribute(CACHE);
    if (cached instanceof Cached c
        && c.method().equals(request.getMethod())
        && c.uri().equals(request.getRequestURI())) {
      return c.target();
    }
    Optional<Target> target = find(request);
    request.setAttribute(CACHE, new Cached(request.getMethod(), request.getRequestURI(), target));
    return target;
  }

  private static final String CACHE = WebhookHandlerLookup.class.getName() + ".target";

  private record Cached(String method, String uri, Optional<Target> target) {}

  private Optional<Target> find(HttpServletRequest request) {
    Found found = lookup(new BodylessRequest(request, null));
    if (!(found instanceof Found.NoHandler)
        || !WebhookGuard.isHandshakeMethod(request.getMethod())) {
      return found.target();
    }
    return lookup(new BodylessRequest(request, "POST")).target();
  }

  /** What the handler mappings found for a request. */
  private sealed interface Found {
    /** No application handler maps the request. */
    record NoHandler() implements Found {}

    /** An application handler maps it, but it is not a webhook endpoint. */
    record OtherHandler() implements Found {}

    /** A {@link WebhookEndpoint} handler maps it. */
    record Endpoint(Target found) implements Found {}

    Found NONE = new NoHandler();
    Found OTHER = new OtherHandler();

    /** The endpoint, when a webhook endpoint's handler maps the request. */
    default Optional<Target> target() {
      return this instanceof Endpoint e ? Optional.of(e.found()) : Optional.empty();
    }
  }

  /** The handler's endpoint, if an application handler maps the request. */
  private Found lookup(BodylessRequest lookup) {
    for (HandlerMapping mapping : mappings()) {
      HandlerExecutionChain found;
      try {
        found = mapping.getHandler(lookup);
      } catch (Exception e) {
        continue; // a mapping that cannot decide on this request is not ours to fix
      }
      if (found == null) {
        continue;
      }
      if (found.getHandler() instanceof WebhookPathHandler served) {
        return new Found.Endpoint(new Target(served.endpoint(), served.endpoint()));
      }
      if (found.getHandler() instanceof HandlerMethod method) {
        if (method.getBeanType().getName().startsWith("org.springframework.")) {
          return Found.NONE; // Spring's own OPTIONS answer: no application handler
        }
        Optional<String> value =
            endpointOf.computeIfAbsent(method.getMethod(), m -> endpointName(method));
        if (value.isEmpty()) {
          return Found.OTHER;
        }
        Object variables = lookup.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        @SuppressWarnings("unchecked")
        Map<String, String> vars =
            variables instanceof Map ? (Map<String, String>) variables : Map.of();
        return new Found.Endpoint(
            new Target(value.get(), EndpointNames.resolve(value.get(), vars).orElse(null)));
      }
      // Static resources and the like: not an application handler a handshake could belong to.
      return Found.NONE;
    }
    return Found.NONE;
  }

  /** The endpoint named by the method's or its class's {@link WebhookEndpoint}. */
  static Optional<String> endpointName(HandlerMethod method) {
    WebhookEndpoint onMethod =
        AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), WebhookEndpoint.class);
    if (onMethod != null) {
      return Optional.of(onMethod.value());
    }
    WebhookEndpoint onType =
        AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), WebhookEndpoint.class);
    return onType == null ? Optional.empty() : Optional.of(onType.value());
  }

  /** The request as handler mappings may see it before the body is captured. */
  private static final class BodylessRequest extends HttpServletRequestWrapper {
    private final @Nullable String method;

    BodylessRequest(HttpServletRequest request, @Nullable String method) {
      super(request);
      this.method = method;
    }

    @Override
    public String getMethod() {
      return method == null ? super.getMethod() : method;
    }

    @Override
    public ServletInputStream getInputStream() {
      throw new IllegalStateException("the body is not readable during webhook handler lookup");
    }

    @Override
    public BufferedReader getReader() {
      throw new IllegalStateException("the body is not readable during webhook handler lookup");
    }

    @Override
    public @Nullable String getParameter(String name) {
      String[] values = getParameterMap().get(name);
      return values == null || values.length == 0 ? null : values[0];
    }

    @Override
    public Map<String, String[]> getParameterMap() {
      Map<String, List<String>> query = new LinkedHashMap<>();
      String q = getQueryString();
      if (q != null) {
        FormData.parse(q.getBytes(StandardCharsets.US_ASCII), StandardCharsets.UTF_8)
            .ifPresent(
                pairs ->
                    pairs.forEach(
                        p ->
                            query
                                .computeIfAbsent(p.getKey(), k -> new ArrayList<>())
                                .add(p.getValue())));
      }
      Map<String, String[]> out = new LinkedHashMap<>();
      query.forEach((k, v) -> out.put(k, v.toArray(String[]::new)));
      return out;
    }

    @Override
    public Enumeration<String> getParameterNames() {
      return Collections.enumeration(getParameterMap().keySet());
    }

    @Override
    public String @Nullable [] getParameterValues(String name) {
      return getParameterMap().get(name);
    }
  }
}
