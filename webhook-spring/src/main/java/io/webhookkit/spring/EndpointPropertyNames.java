package io.webhookkit.spring;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName.Form;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The keys given under {@code webhook.endpoints.<name>.*} that {@link WebhookProperties} does not
 * bind, read from the application's property sources with their values. They are handed to the core
 * with the bound keys, so a misspelt key ({@code tolerence}) fails start-up with the same message
 * as in every other adapter, and a third-party preset's own keys reach it.
 *
 * <p>Environment variables are not searched: their names lose the dashes ({@code
 * WEBHOOK_ENDPOINTS_GITHUB_ALLOWED_IPS}), so they cannot be told apart from misspellings; the keys
 * {@link WebhookProperties} binds still come from them.
 */
final class EndpointPropertyNames {
  private static final ConfigurationPropertyName ENDPOINTS =
      ConfigurationPropertyName.of("webhook.endpoints");

  private EndpointPropertyNames() {}

  /**
   * The unbound keys of every endpoint: endpoint name → (key in the core's dashed form → value).
   *
   * @param environment the application's environment
   * @param bound the keys {@link WebhookProperties} binds, in the core's form
   */
  static Map<String, Map<String, String>> unbound(Environment environment, Set<String> bound) {
    Set<String> known =
        bound.stream().map(EndpointPropertyNames::uniform).collect(Collectors.toSet());
    Map<String, Map<String, String>> out = new TreeMap<>();
    for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
      if (!(source instanceof IterableConfigurationPropertySource iterable)
          || source.getUnderlyingSource() instanceof SystemEnvironmentPropertySource) {
        continue;
      }
      Map<String, Map<String, String>> inSource = new TreeMap<>();
      iterable.stream()
          .filter(ENDPOINTS::isAncestorOf)
          .filter(name -> name.getNumberOfElements() > 3)
          .forEach(name -> collect(iterable, name, known, inSource));
      // The first source that gives a key wins, as in Spring's own binding.
      inSource.forEach(
          (endpoint, keys) ->
              keys.forEach(
                  (key, value) ->
                      out.computeIfAbsent(endpoint, e -> new LinkedHashMap<>())
                          .putIfAbsent(key, value)));
    }
    return out;
  }

  private static void collect(
      ConfigurationPropertySource source,
      ConfigurationPropertyName name,
      Set<String> known,
      Map<String, Map<String, String>> out) {
    StringBuilder key = new StringBuilder();
    for (int i = 3; i < name.getNumberOfElements() && !name.isNumericIndex(i); i++) {
      key.append(key.length() == 0 ? "" : ".").append(name.getElement(i, Form.DASHED));
    }
    if (key.length() == 0 || known.contains(uniform(key.toString()))) {
      return;
    }
    ConfigurationProperty property = source.getConfigurationProperty(name);
    String value = property == null ? "" : String.valueOf(property.getValue());
    String endpoint = name.getElement(2, Form.ORIGINAL);
    out.computeIfAbsent(endpoint, e -> new LinkedHashMap<>())
        .merge(key.toString(), value, (a, b) -> a + "," + b);
  }

  private static String uniform(String key) {
    return key.replace("-", "").toLowerCase(Locale.ROOT);
  }
}
