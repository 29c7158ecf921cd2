package io.webhookkit.core.internal.presets;

import io.webhookkit.core.provider.Locator;
import io.webhookkit.core.provider.PayloadFormat;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import io.webhookkit.core.signature.HmacSignatureScheme;
import io.webhookkit.core.signature.SignedContent;
import java.time.Duration;

/**
 * Slack: {@code X-Slack-Signature: v0=<hex HMAC-SHA256>} over {@code
 * v0:<X-Slack-Request-Timestamp>:<body>}. Events API JSON (delivery id {@code event_id}, type
 * {@code event.type} or {@code type}) and form-encoded slash commands and interactivity (id {@code
 * trigger_id}, type {@code command} or the {@code payload}'s {@code type}). Slack does not give
 * every request an id (some interactivity payloads have none): such requests are processed without
 * deduplication. {@code X-Slack-Retry-Num} and {@code X-Slack-Retry-Reason} are the event's {@code
 * retry-num} and {@code retry-reason} attributes. Answers {@code url_verification}.
 *
 * @see <a href="https://api.slack.com/authentication/verifying-requests-from-slack">Slack:
 *     verifying requests</a>
 */
public final class SlackProvider implements Provider {
  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public SlackProvider() {}

  @Override
  public String name() {
    return "slack";
  }

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    return ProviderRules.builder()
        .signatureScheme(
            HmacSignatureScheme.builder()
                .header("X-Slack-Signature")
                .prefix("v0=")
                .content(SignedContent.parse("v0:{timestamp}:{body}"))
                .timestampHeader("X-Slack-Request-Timestamp")
                .secrets(settings.secrets())
                .build())
        .payloadFormat(PayloadFormat.JSON_OR_FORM)
        .deliveryId(
            Locator.json("event_id"),
            Locator.form("trigger_id"),
            Locator.formJson("payload", "trigger_id"))
        .deliveryIdRequired(false)
        .eventType(
            Locator.json("event.type"),
            Locator.json("type"),
            Locator.form("command"),
            Locator.formJson("payload", "type"))
        .attribute("retry-num", Locator.header("X-Slack-Retry-Num"))
        .attribute("retry-reason", Locator.header("X-Slack-Retry-Reason"))
        .handshake(new SlackUrlVerification())
        .build();
  }

  /** Slack expects 200 (its docs: "respond with a 200 OK"). */
  @Override
  public int ackStatus() {
    return 200;
  }

  /** About 80 % of Slack's timeout (3 s). */
  @Override
  public Duration deadline() {
    return Duration.ofMillis(2400);
  }
}
