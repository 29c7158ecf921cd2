package io.webhookkit.test;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the management views every adapter serves (Actuator's {@code webhooks}, Micronaut's {@code
 * webhooks}, the JAX-RS {@code WebhookInboxResource}) as text, for the conformance tests' {@code
 * deadDeliveries} and {@code replayDead}: they all render {@code WebhookWorkers.describe()} and a
 * replay's {@code {"replayed": n}}.
 */
public final class ManagementJson {
  private static final Pattern REPLAYED = Pattern.compile("\"replayed\"\\s*:\\s*(\\d+)");

  private ManagementJson() {}

  /** The keys of an endpoint's dead deliveries ({@code "key":"<endpoint>:<id>"}). */
  public static List<String> deadKeys(String json, String endpoint) {
    Matcher m =
        Pattern.compile("\"key\"\\s*:\\s*\"(" + Pattern.quote(endpoint) + ":[^\"]+)\"")
            .matcher(json);
    List<String> keys = new ArrayList<>();
    while (m.find()) {
      keys.add(m.group(1));
    }
    return keys;
  }

  /**
   * How many deliveries a replay queued again.
   *
   * @throws AssertionError when the answer has no count
   */
  public static int replayed(String json) {
    Matcher m = REPLAYED.matcher(json);
    if (!m.find()) {
      throw new AssertionError("no replay count in " + json);
    }
    return Integer.parseInt(m.group(1));
  }
}
