package io.webhookkit.spring;

import io.webhookkit.core.WebhookGuard;
import io.webhookkit.servlet.WebhookFilter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Finds the handler a request will reach (through Spring MVC's handler mappings, before dispatch)
 * and, when it carries {@link WebhookEndpoint}, guards the request with that endpoint's guard
 * exactly as {@link WebhookFilter} does. Ordered after {@code CharacterEncodingFilter} and before
 * {@code FormContentFilter}, {@code HiddenHttpMethodFilter} and Spring Security, which could
 * otherwise consume a form body first. The handler lookup sees the query string only, never the
 * body.
 */
public class WebhookDispatchFilter extends OncePerRequestFilter implements Ordered {
  /** Right after the character-encoding filter, before anything that may read the body. */
  public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

  private final ObjectProvider<HandlerMapping> handlerMappings;
  private final WebhookGuards guards;
  private final Map<Method, Optional<String>> endpointOf = new ConcurrentHashMap<>();
  private volatile @Nullable List<HandlerMapping> mappings;

  /**
   * A filter over the application's handler mappings (in the order the {@code DispatcherServlet}
   * uses them) and these guards.
   */
  public WebhookDispatchFilter(
      ObjectProvider<HandlerMapping> handlerMappings, WebhookGuards guards) {
    this.handlerMappings = handlerMappings;
    this.guards = guards;
  }

  private List<HandlerMapping> mappings() {
    List<HandlerMapping> m = mappings;
    if (m == null) {
      m = handlerMappings.orderedStream().toList();
      mappings = m;
    }
    return m;
  }

  @Override
  public int getOrder() {
    return ORDER;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String endpoint = endpointFor(request);
    WebhookGuard guard = endpoint == null ? null : guards.get(endpoint).orElse(null);
    if (guard == null) {
      chain.doFilter(request, response);
      return;
    }
    WebhookFilter.filter(guard, request, response, chain);
  }

  private @Nullable String endpointFor(HttpServletRequest request) throws ServletException {
    HttpServletRequest lookup = new BodylessRequest(request);
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
      if (found.getHandler() instanceof HandlerMethod) {
        HandlerMethod method = (HandlerMethod) found.getHandler();
        return endpointOf
            .computeIfAbsent(method.getMethod(), m -> endpointName(method))
            .orElse(null);
      }
      return null;
    }
    return null;
  }

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

  /**
   * The request as handler mappings may see it before the body is captured: no body, query only.
   */
  private static final class BodylessRequest extends HttpServletRequestWrapper {
    BodylessRequest(HttpServletRequest request) {
      super(request);
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
      Map<String, java.util.List<String>> query = new java.util.LinkedHashMap<>();
      String q = getQueryString();
      if (q != null) {
        io.webhookkit.core.FormData.parse(
                q.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                java.nio.charset.StandardCharsets.UTF_8)
            .ifPresent(
                pairs ->
                    pairs.forEach(
                        p ->
                            query
                                .computeIfAbsent(p.getKey(), k -> new java.util.ArrayList<>())
                                .add(p.getValue())));
      }
      Map<String, String[]> out = new java.util.LinkedHashMap<>();
      query.forEach((k, v) -> out.put(k, v.toArray(String[]::new)));
      return out;
    }

    @Override
    public java.util.Enumeration<String> getParameterNames() {
      return java.util.Collections.enumeration(getParameterMap().keySet());
    }

    @Override
    public String @Nullable [] getParameterValues(String name) {
      return getParameterMap().get(name);
    }
  }
}
