package io.webhookkit.jaxrs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The {@code @Path} templates of guarded {@code POST} resource methods, matched against a request's
 * path the way Jakarta REST matches them ({@code {name}} one segment, {@code {name: regex}} the
 * regex), to find the endpoint a {@code GET}/{@code HEAD}/{@code OPTIONS} handshake belongs to
 * before the runtime answers it with {@code 405}. Immutable and thread-safe.
 */
final class HandshakePaths {
  /**
   * One guarded {@code POST} path.
   *
   * @param template the joined {@code @Path} template, without leading or trailing slashes
   * @param endpoint the {@code @WebhookEndpoint} value (a name or {@code {variable}})
   */
  record Route(String template, String endpoint) {}

  /** A route a path matched, with the path's template variables. */
  record Match(String endpoint, Map<String, String> variables) {}

  private record Compiled(Pattern pattern, List<String> names, String endpoint) {}

  private static final Pattern VARIABLE =
      Pattern.compile("\\{\\s*([\\w.-]+)\\s*(?::\\s*([^}]*))?}");

  private final List<Compiled> routes;

  HandshakePaths(List<Route> routes) {
    this.routes = routes.stream().map(r -> compile(r.template(), r.endpoint())).toList();
  }

  static String join(@Nullable String classPath, @Nullable String methodPath) {
    String joined =
        (classPath == null ? "" : classPath) + "/" + (methodPath == null ? "" : methodPath);
    return trim(joined.replaceAll("/+", "/"));
  }

  private static String trim(String path) {
    int from = 0;
    int to = path.length();
    while (from < to && path.charAt(from) == '/') {
      from++;
    }
    while (to > from && path.charAt(to - 1) == '/') {
      to--;
    }
    return path.substring(from, to);
  }

  private static Compiled compile(String template, String endpoint) {
    StringBuilder regex = new StringBuilder();
    List<String> names = new ArrayList<>();
    Matcher m = VARIABLE.matcher(template);
    int last = 0;
    while (m.find()) {
      regex.append(Pattern.quote(template.substring(last, m.start())));
      names.add(m.group(1));
      String own = m.group(2);
      regex.append('(').append(own == null || own.isBlank() ? "[^/]+?" : own.trim()).append(')');
      last = m.end();
    }
    regex.append(Pattern.quote(template.substring(last)));
    return new Compiled(Pattern.compile(regex.toString()), List.copyOf(names), endpoint);
  }

  /** The guarded route this (decoded, application-relative) path matches. */
  Optional<Match> match(String path) {
    String p = trim(path);
    for (Compiled route : routes) {
      Matcher m = route.pattern().matcher(p);
      if (m.matches()) {
        Map<String, String> variables = new HashMap<>();
        for (int i = 0; i < route.names().size() && i < m.groupCount(); i++) {
          variables.putIfAbsent(route.names().get(i), m.group(i + 1));
        }
        return Optional.of(new Match(route.endpoint(), variables));
      }
    }
    return Optional.empty();
  }

  boolean isEmpty() {
    return routes.isEmpty();
  }
}
