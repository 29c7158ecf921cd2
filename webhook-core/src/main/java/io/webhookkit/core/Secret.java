package io.webhookkit.core;

import java.util.Objects;

/**
 * A secret with a label. {@link #toString()} never shows the value; only {@link #reveal()} does,
 * and only signature schemes call it, once, when they are built. The label names where the secret
 * came from ({@code secrets[0]}, {@code env:GITHUB_WEBHOOK_SECRET}) so that logs and metrics can
 * say which secret matched without showing it.
 */
public final class Secret {
  private final String label;
  private final String value;

  private Secret(String label, String value) {
    this.label = Objects.requireNonNull(label, "label");
    this.value = Objects.requireNonNull(value, "value");
  }

  /** A secret with a label. */
  public static Secret of(String label, String value) {
    return new Secret(label, value);
  }

  /** Where the secret came from; safe to log. */
  public String label() {
    return label;
  }

  /** The secret value. Never log it. */
  public String reveal() {
    return value;
  }

  @Override
  public String toString() {
    return "Secret[" + label + ", value redacted]";
  }
}
