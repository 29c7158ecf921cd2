package io.webhookkit.core.provider;

import java.util.Collection;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;

/**
 * The provider presets on the class or module path, by name: the built-in ones and any a third
 * party registered through {@link ServiceLoader}. Loaded once; thread-safe.
 */
public final class Providers {
  private static final Map<String, Provider> ALL = load();

  private Providers() {}

  @SuppressWarnings("ReferenceEquality") // the same class loader, not an equal one
  private static Map<String, Provider> load() {
    Map<String, Provider> all = new TreeMap<>();
    for (Provider p : ServiceLoader.load(Provider.class, Providers.class.getClassLoader())) {
      all.putIfAbsent(p.name().toLowerCase(Locale.ROOT), p);
    }
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    if (context != null && context != Providers.class.getClassLoader()) {
      for (Provider p : ServiceLoader.load(Provider.class, context)) {
        all.putIfAbsent(p.name().toLowerCase(Locale.ROOT), p);
      }
    }
    return Collections.unmodifiableMap(all);
  }

  /** The preset with this name (case-insensitive). */
  public static Optional<Provider> lookup(String name) {
    return Optional.ofNullable(ALL.get(name.trim().toLowerCase(Locale.ROOT)));
  }

  /** All preset names, sorted. */
  public static Set<String> names() {
    return ALL.keySet();
  }

  /** All presets, sorted by name. */
  public static Collection<Provider> all() {
    return ALL.values();
  }
}
