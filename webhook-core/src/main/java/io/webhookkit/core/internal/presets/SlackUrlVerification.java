package io.webhookkit.core.internal.presets;

import io.webhookkit.core.WebhookRequest;
import io.webhookkit.core.internal.Json;
import io.webhookkit.core.provider.HandshakeAnswer;
import io.webhookkit.core.provider.HandshakeResponder;
import io.webhookkit.core.provider.Payload;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Slack's Events API {@code url_verification}: a signed JSON body {@code {"type":
 * "url_verification", "challenge": "…"}} answered with 200 and {@code {"challenge": "…"}}.
 *
 * @see <a href="https://api.slack.com/events/url_verification">Slack: url_verification</a>
 */
public final class SlackUrlVerification implements HandshakeResponder {
  /** Creates the handshake responder; the Slack preset makes one. */
  public SlackUrlVerification() {}

  @Override
  public Optional<HandshakeAnswer> answer(WebhookRequest request, Payload payload) {
    if (payload.kind() != Payload.Kind.JSON
        || !payload.json("type").filter("url_verification"::equals).isPresent()) {
      return Optional.empty();
    }
    return payload
        .json("challenge")
        .map(
            challenge ->
                new HandshakeAnswer(
                    200,
                    "application/json",
                    Json.object(Map.of("challenge", challenge)),
                    Map.of()));
  }

  @Override
  public Set<String> jsonPaths() {
    return Set.of("type", "challenge");
  }
}
