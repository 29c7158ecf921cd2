package io.webhookkit.core.provider;

import io.webhookkit.core.WebhookRequest;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Recognises and answers one endpoint-verification handshake (Slack {@code url_verification}, …). A
 * signed handshake is asked only after the request's signature verified; an unsigned one (a
 * provider that sends its challenge without a signature) is asked before the signature check.
 * Implementations never throw on untrusted input and are thread-safe.
 */
public interface HandshakeResponder {

  /** The answer when this request is the handshake, empty otherwise. */
  Optional<HandshakeAnswer> answer(WebhookRequest request, Payload payload);

  /**
   * The answer, knowing which secret verified the request's signature ({@code null} for an unsigned
   * handshake); for handshakes whose answer is keyed with that secret (Zoom). The guard calls this
   * one.
   */
  default Optional<HandshakeAnswer> answer(
      WebhookRequest request, Payload payload, @Nullable String secret) {
    return answer(request, payload);
  }

  /** True when the provider signs the handshake (the default): answer only after verification. */
  default boolean requiresSignature() {
    return true;
  }

  /** JSON paths this responder reads from the payload, captured in the same parse. */
  default Set<String> jsonPaths() {
    return Set.of();
  }
}
