package io.webhookkit.core.adapter;

import io.webhookkit.core.Decision;
import io.webhookkit.core.Reason;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Endpoint names as adapters' annotations give them: a plain name ({@code "github"}), or a path
 * variable in braces ({@code "{provider}"}) whose value names the endpoint per request, so that one
 * handler serves every configured endpoint. Stateless.
 */
public final class EndpointNames {
  private EndpointNames() {}

  /** The path variable a value names, e.g. {@code provider} for {@code "{provider}"}. */
  public static Optional<String> pathVariable(String value) {
    String v = value.trim();
    if (v.length() > 2 && v.charAt(0) == '{' && v.charAt(v.length() - 1) == '}') {
      return Optional.of(v.substring(1, v.length() - 1).trim());
    }
    return Optional.empty();
  }

  /**
   * The endpoint name of one request: the value itself, or the named path variable's value.
   *
   * @param value the annotation's value
   * @param pathVariables the request's path variables (name to value), looked up only when needed
   * @return the name, or empty when the variable has no value
   */
  public static Optional<String> resolve(
      String value, Function<String, @Nullable String> pathVariables) {
    Optional<String> variable = pathVariable(value);
    if (variable.isEmpty()) {
      return Optional.of(value);
    }
    String resolved = pathVariables.apply(variable.get());
    return resolved == null || resolved.isBlank() ? Optional.empty() : Optional.of(resolved);
  }

  /** {@link #resolve(String, Function)} over a map of path variables. */
  public static Optional<String> resolve(String value, Map<String, String> pathVariables) {
    return resolve(value, pathVariables::get);
  }

  /** The refusal for a path naming an endpoint that is not configured. */
  public static Decision.Respond unknown() {
    return Decision.refusal(
        Reason.UNKNOWN_ENDPOINT, "No webhook endpoint of this name is configured.", null);
  }
}
