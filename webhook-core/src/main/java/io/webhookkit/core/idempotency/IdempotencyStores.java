package io.webhookkit.core.idempotency;

import java.time.Duration;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/** Finds store providers on the class path and makes the configured store. Thread-safe. */
public final class IdempotencyStores {
  private IdempotencyStores() {}

  private static Map<String, IdempotencyStoreProvider> providers() {
    Map<String, IdempotencyStoreProvider> all = new TreeMap<>();
    for (IdempotencyStoreProvider p :
        ServiceLoader.load(
            IdempotencyStoreProvider.class, IdempotencyStores.class.getClassLoader())) {
      all.putIfAbsent(p.name().toLowerCase(Locale.ROOT), p);
    }
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    if (context != null) {
      for (IdempotencyStoreProvider p :
          ServiceLoader.load(IdempotencyStoreProvider.class, context)) {
        all.putIfAbsent(p.name().toLowerCase(Locale.ROOT), p);
      }
    }
    return all;
  }

  /**
   * The store names available ({@code memory} always; {@code jdbc}, {@code redis} with their
   * modules).
   */
  public static Set<String> names() {
    return Collections.unmodifiableSet(providers().keySet());
  }

  /**
   * Checks a store the way deliveries use it — a claim on a fresh probe key, then its release — for
   * health indicators. Puts the store's type, and on failure the error's type (never a message that
   * might hold a connection string), into {@code details}.
   *
   * @return whether the store answered
   */
  public static boolean probe(IdempotencyStore store, Map<String, Object> details) {
    details.put("store", store.getClass().getSimpleName());
    String key = "health:" + UUID.randomUUID();
    try {
      Acquisition a = store.acquire(key, "health", Duration.ofSeconds(5));
      if (a instanceof Acquisition.Acquired acquired) {
        store.release(key, acquired.ownerToken());
      }
      return true;
    } catch (RuntimeException e) {
      details.put("error", e.getClass().getSimpleName());
      return false;
    }
  }

  /**
   * Makes the store {@code webhook.idempotency.store} names (default {@code memory}).
   *
   * @throws io.webhookkit.core.WebhookConfigurationException for an unknown store or a bad key
   */
  public static IdempotencyStore create(StoreSettings settings) {
    String name = settings.get("store", "memory").toLowerCase(Locale.ROOT);
    Map<String, IdempotencyStoreProvider> all = providers();
    IdempotencyStoreProvider provider = all.get(name);
    if (provider == null) {
      throw settings.invalid(
          "store",
          "'"
              + name
              + "' is not an available store (available: "
              + String.join(", ", all.keySet())
              + "; jdbc and redis need webhook-store-jdbc or webhook-store-redis on the class path)");
    }
    return provider.create(settings);
  }
}
