package io.webhookkit.core.internal.presets;

import io.webhookkit.core.Secret;
import io.webhookkit.core.WebhookRequest;
import io.webhookkit.core.provider.ProviderSettings;
import io.webhookkit.core.signature.SignatureScheme;
import io.webhookkit.core.signature.SignatureVerdict;
import io.webhookkit.core.signature.SigningInput;
import io.webhookkit.core.signature.TokenSignatureScheme;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * HTTP Basic credentials as a shared token, for providers that sign nothing and send the
 * credentials set in the webhook's URL or settings ({@code Authorization: Basic …}): each secret is
 * {@code user:password}, compared in constant time with the whole header.
 */
final class BasicAuth {
  private BasicAuth() {}

  /** The scheme for an endpoint whose secrets are {@code user:password} pairs. */
  static SignatureScheme scheme(ProviderSettings settings) {
    List<Secret> tokens = new ArrayList<>();
    for (Secret secret : settings.secrets()) {
      String pair = secret.reveal();
      if (pair.indexOf(':') < 1) {
        throw settings.invalid(
            "secrets", secret.label() + " must be user:password (the webhook's Basic credentials)");
      }
      tokens.add(Secret.of(secret.label(), header(pair)));
    }
    TokenSignatureScheme tokenScheme =
        TokenSignatureScheme.builder().header("Authorization").secrets(tokens).build();
    return new SignatureScheme() {
      @Override
      public SignatureVerdict verify(WebhookRequest request) {
        return tokenScheme.verify(request);
      }

      @Override
      public boolean coversBody() {
        return false;
      }

      @Override
      public Map<String, String> sign(SigningInput input, Secret secret) {
        return Map.of("Authorization", header(secret.reveal()));
      }

      @Override
      public String toString() {
        return "BasicAuth[" + tokens.size() + " credential(s)]";
      }
    };
  }

  private static String header(String pair) {
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }
}
