package io.webhookkit.core.internal.presets;

import io.webhookkit.core.internal.keys.JwtScheme;
import io.webhookkit.core.provider.Locator;
import io.webhookkit.core.provider.PayloadFormat;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.ProviderKey;
import io.webhookkit.core.provider.ProviderRules;
import io.webhookkit.core.provider.ProviderSettings;
import java.net.URI;
import java.util.List;
import java.util.Set;

/**
 * Google Cloud Pub/Sub push subscriptions with authentication: each push carries {@code
 * Authorization: Bearer <OIDC ID token>} that Google signs (RS256) with a key of its published set
 * at {@code https://www.googleapis.com/oauth2/v3/certs} (fixed here, never taken from the request).
 * The token's issuer must be Google's ({@code https://accounts.google.com} or {@code
 * accounts.google.com}), its {@code aud} the subscription's audience ({@code audience}, required:
 * by default Pub/Sub uses the push endpoint's URL), its {@code email} one of the push service
 * accounts ({@code service-account}, required) with {@code email_verified} true, and it must not
 * have expired (Pub/Sub reuses a token for up to an hour, so the token's expiry is judged, not its
 * age). The body is the wrapped push message: delivery id {@code message.messageId} (kept on
 * redelivery); attributes {@code subscription} and {@code publish-time}; the base64 {@code
 * message.data} decoded by {@link io.webhookkit.core.provider.PubSubMessage}. Unwrapped pushes
 * (payload unwrapping) carry no message id in the body: this preset refuses them as malformed.
 *
 * @see <a href="https://cloud.google.com/pubsub/docs/authenticate-push-subscriptions">Google Cloud:
 *     authenticate push subscriptions</a>
 */
public final class GcpPubSubProvider implements Provider {
  /** Google's signing keys for ID tokens (JWK set). */
  static final URI JWKS = URI.create("https://www.googleapis.com/oauth2/v3/certs");

  private static final ProviderKey AUDIENCE =
      new ProviderKey(
          "audience",
          "The audience the push subscription's token is made for (its 'audience' setting; by"
              + " default Pub/Sub uses the push endpoint's URL). Required.");
  private static final ProviderKey SERVICE_ACCOUNT =
      new ProviderKey(
          "service-account",
          "The service account email(s) the push subscription authenticates as,"
              + " comma-separated; the token's email must be one, and verified. Required.");

  /** Creates the preset; called by {@link java.util.ServiceLoader}. */
  public GcpPubSubProvider() {}

  @Override
  public String name() {
    return "gcp-pubsub";
  }

  @Override
  public List<ProviderKey> keys() {
    return List.of(AUDIENCE, SERVICE_ACCOUNT);
  }

  @Override
  public boolean usesSecrets() {
    return false;
  }

  @Override
  public ProviderRules rules(ProviderSettings settings) {
    String audience = settings.require("audience");
    Set<String> accounts = Set.copyOf(settings.list("service-account"));
    if (accounts.isEmpty()) {
      throw settings.invalid(
          "service-account", "is required by this provider (the push service account's email)");
    }
    JwtScheme scheme =
        JwtScheme.builder()
            .label("google-jwks")
            .jwks(JWKS)
            .issuers(Set.of("https://accounts.google.com", "accounts.google.com"))
            .audiences(Set.of(audience))
            .tolerance(settings.tolerance())
            .check(
                claims -> {
                  Object email = claims.getClaim("email");
                  if (!(email instanceof String e) || !accounts.contains(e)) {
                    return "The token's email is not one of this endpoint's service accounts.";
                  }
                  return Boolean.TRUE.equals(claims.getClaim("email_verified"))
                      ? null
                      : "The token's email is not verified.";
                })
            .build(settings.remoteKeys());
    return ProviderRules.builder()
        .signatureScheme(scheme)
        .payloadFormat(PayloadFormat.JSON)
        .deliveryId(Locator.json("message.messageId"), Locator.json("message.message_id"))
        .attribute("subscription", Locator.json("subscription"))
        .attribute("publish-time", Locator.json("message.publishTime"))
        .build();
  }
}
