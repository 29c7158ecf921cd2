package io.webhookkit.jaxrs.app;

import io.webhookkit.core.idempotency.IdempotencyStore;
import io.webhookkit.core.idempotency.InMemoryIdempotencyStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;

/** The application's own store, replacing the kit's when selected as an alternative. */
@ApplicationScoped
@Alternative
public class ReplacementStore {
  /** The instance it produces. */
  public static final IdempotencyStore STORE = InMemoryIdempotencyStore.create();

  @Produces
  @ApplicationScoped
  IdempotencyStore store() {
    return STORE;
  }
}
