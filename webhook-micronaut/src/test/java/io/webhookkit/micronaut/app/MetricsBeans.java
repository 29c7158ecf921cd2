package io.webhookkit.micronaut.app;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/** A registry the test can read, added to Micronaut's composite registry. */
@Factory
@Requires(property = "test.metrics", value = "true")
public class MetricsBeans {
  @Singleton
  SimpleMeterRegistry simpleMeterRegistry() {
    return new SimpleMeterRegistry();
  }
}
