package io.webhookkit.spring;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Spring Boot 4 health of the inbox ({@code webhookInbox}): DOWN when an endpoint's oldest due
 * delivery waited longer than {@code webhook.inbox.health-oldest-due} (default 5 minutes: the
 * workers are stuck or too few) or the inbox does not answer; each deferred endpoint's depth, dead
 * count and oldest due age as details.
 */
public class WebhookInboxHealthIndicator implements HealthIndicator {
  private final HealthProbe probe;

  /** Health of these workers' inbox. */
  public WebhookInboxHealthIndicator(
      WebhookWorkersLifecycle workers, WebhookProperties properties) {
    this.probe = HealthProbe.inbox(workers, properties);
  }

  @Override
  public Health health() {
    Map<String, Object> details = new LinkedHashMap<>();
    boolean up = probe.probe(details);
    return (up ? Health.up() : Health.down()).withDetails(details).build();
  }
}
