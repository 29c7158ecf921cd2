package io.webhookkit.core.signature;

import io.webhookkit.core.Secret;
import io.webhookkit.core.WebhookRequest;
import java.util.Map;

/**
 * Verifies a provider's signature, and produces one.
 *
 * <p>An instance is built per endpoint with its secrets already decoded and keyed, so that
 * verification does no set-up work. Implementations verify the body bytes exactly as received,
 * compare in constant time, never throw on untrusted input (a malformed header is a {@link
 * SignatureVerdict.Failed}), and are thread-safe. They do not judge the timestamp's age: they
 * report the signed timestamp and the guard applies the window.
 */
public interface SignatureScheme {

  /** Verifies one request against every configured secret. */
  SignatureVerdict verify(WebhookRequest request);

  /**
   * Verifies one request, for schemes that sign the public URL the provider called; the guard calls
   * this one. Schemes that do not sign the URL need not override it.
   */
  default SignatureVerdict verify(WebhookRequest request, RequestUrl url) {
    return verify(request);
  }

  /**
   * True when the scheme signs the public URL, so that the guard builds a {@link RequestUrl} only
   * for the schemes that read it (nothing is allocated for the others).
   */
  default boolean signsUrl() {
    return false;
  }

  /**
   * True when the signature covers a timestamp that the guard holds to the endpoint's window, so a
   * stale or future delivery is refused. False by default.
   */
  default boolean signsTimestamp() {
    return false;
  }

  /**
   * True when the signature covers the whole body, so that one changed byte fails it (the default).
   * False for shared tokens and for schemes that sign fields beside the body's content.
   */
  default boolean coversBody() {
    return true;
  }

  /**
   * The headers a sender would add to sign this content with this secret (for tests, the test kit's
   * signers and senders).
   *
   * @throws IllegalArgumentException when the secret is not usable for signing with this scheme
   */
  Map<String, String> sign(SigningInput input, Secret secret);
}
