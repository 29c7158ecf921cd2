package io.webhookkit.core.internal.presets;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.webhookkit.core.Secret;
import io.webhookkit.core.WebhookRequest;
import io.webhookkit.core.internal.Base64s;
import io.webhookkit.core.internal.Hex;
import io.webhookkit.core.internal.Json;
import io.webhookkit.core.internal.Macs;
import io.webhookkit.core.provider.HandshakeAnswer;
import io.webhookkit.core.provider.HandshakeResponder;
import io.webhookkit.core.provider.Payload;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * The endpoint-verification handshakes of the provider catalogue, each answering exactly the
 * status, content type and body its provider requires. Signed ones are asked only after the
 * request's signature verified; unsigned ones (the provider sends no signature with them) prove
 * themselves by their answer (Twitter's CRC) or need nothing more than an echo (Dropbox, Microsoft
 * Graph, CloudEvents). Every responder is immutable, thread-safe, and never throws on untrusted
 * input.
 */
public final class Handshakes {
  private static final JsonFactory JSON = JsonFactory.builder().build();
  private static final int MAX_ECHO = 1024;

  private Handshakes() {}

  private static HandshakeAnswer json(Map<String, ?> fields) {
    return new HandshakeAnswer(200, "application/json", Json.object(fields), Map.of());
  }

  /** An echo as plain text, never sniffed into anything else by a browser. */
  private static HandshakeAnswer text(String value) {
    return new HandshakeAnswer(
        200,
        "text/plain",
        value.getBytes(StandardCharsets.UTF_8),
        Map.of("X-Content-Type-Options", "nosniff"));
  }

  private static boolean constantTimeEquals(String a, byte[] expectedDigest) {
    return MessageDigest.isEqual(Macs.sha256(a), expectedDigest);
  }

  /** X's CRC tokens: base64-like text, which can never be a JSON object (see twitterCrc). */
  private static final Pattern CRC_TOKEN = Pattern.compile("[A-Za-z0-9+/=_.-]{1,255}");

  private static String hmacSha256(String key, String value) throws GeneralSecurityException {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return Hex.encode(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
  }

  /** The first value of a query parameter, decoded; empty when absent, malformed or too long. */
  static Optional<String> query(WebhookRequest request, String name) {
    return request.queryParameter(name).filter(v -> !v.isEmpty() && v.length() <= MAX_ECHO);
  }

  private static boolean isGet(WebhookRequest request) {
    return request.method().equals("GET") || request.method().equals("HEAD");
  }

  /**
   * Zoom's {@code endpoint.url_validation}: a signed JSON event whose {@code payload.plainToken} is
   * answered with {@code {"plainToken": …, "encryptedToken": hex HMAC-SHA256(secret, plainToken)}},
   * keyed with the secret that verified the request.
   *
   * @see <a
   *     href="https://developers.zoom.us/docs/api/webhooks/#validate-your-webhook-endpoint">Zoom:
   *     validate your webhook endpoint</a>
   */
  public static HandshakeResponder zoom(List<Secret> secrets) {
    Map<String, Secret> byLabel = new LinkedHashMap<>();
    secrets.forEach(s -> byLabel.put(s.label(), s));
    return new HandshakeResponder() {
      @Override
      public Optional<HandshakeAnswer> answer(WebhookRequest request, Payload payload) {
        return Optional.empty(); // needs the verifying secret
      }

      @Override
      public Optional<HandshakeAnswer> answer(
          WebhookRequest request, Payload payload, @Nullable String secretLabel) {
        Secret secret = secretLabel == null ? null : byLabel.get(secretLabel);
        Optional<String> plain = payload.json("payload.plainToken");
        if (secret == null
            || !payload.json("event").filter("endpoint.url_validation"::equals).isPresent()
            || plain.isEmpty()) {
          return Optional.empty();
        }
        try {
          Map<String, String> body = new LinkedHashMap<>();
          body.put("plainToken", plain.get());
          body.put("encryptedToken", hmacSha256(secret.reveal(), plain.get()));
          return Optional.of(json(body));
        } catch (GeneralSecurityException e) {
          return Optional.empty();
        }
      }

      @Override
      public Set<String> jsonPaths() {
        return Set.of("event", "payload.plainToken");
      }
    };
  }

  /**
   * Meta's (Facebook, Instagram, WhatsApp) subscription check: {@code GET ?hub.mode=subscribe
   * &hub.verify_token=…&hub.challenge=…} answered with the challenge as {@code text/plain} when the
   * verify token equals the endpoint's {@code verify-token} (compared in constant time). A wrong
   * token is not answered: the request goes on to the signature check and is refused.
   *
   * @see <a href="https://developers.facebook.com/docs/graph-api/webhooks/getting-started">Meta:
   *     getting started with webhooks</a>
   */
  public static HandshakeResponder metaSubscription(String verifyToken) {
    byte[] expected = Macs.sha256(verifyToken);
    return unsigned(
        (request, payload) -> {
          if (!isGet(request)
              || !query(request, "hub.mode").filter("subscribe"::equals).isPresent()) {
            return Optional.empty();
          }
          Optional<String> token = query(request, "hub.verify_token");
          Optional<String> challenge = query(request, "hub.challenge");
          if (token.isEmpty()
              || challenge.isEmpty()
              || !constantTimeEquals(token.get(), expected)) {
            return Optional.empty();
          }
          return Optional.of(text(challenge.get()));
        });
  }

  /**
   * X (Twitter) Account Activity CRC: {@code GET ?crc_token=…} answered with {@code
   * {"response_token": "sha256=" + base64 HMAC-SHA256(consumer secret, crc_token)}}, keyed with the
   * first configured secret. The answer itself proves the secret; the request is not signed.
   *
   * <p>X keys the CRC answer and the delivery signature alike (HMAC-SHA256 of the consumer secret),
   * so an endpoint answering any token would sign any body for whoever asks. Only tokens of
   * base64-like characters are answered, and the {@code twitter} preset verifies only bodies that
   * are JSON objects, which such a token can never be.
   *
   * @see <a
   *     href="https://docs.x.com/x-api/enterprise-gnip-2.0/fundamentals/account-activity#challenge-response-checks">X:
   *     challenge-response checks</a>
   */
  public static HandshakeResponder twitterCrc(List<Secret> secrets) {
    Secret first = secrets.get(0);
    return unsigned(
        (request, payload) -> {
          Optional<String> crc =
              (isGet(request) ? query(request, "crc_token") : Optional.<String>empty())
                  .filter(t -> CRC_TOKEN.matcher(t).matches());
          if (crc.isEmpty()) {
            return Optional.empty();
          }
          try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(
                new SecretKeySpec(first.reveal().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String token =
                "sha256=" + Base64s.encode(mac.doFinal(crc.get().getBytes(StandardCharsets.UTF_8)));
            return Optional.of(json(Map.of("response_token", token)));
          } catch (GeneralSecurityException e) {
            return Optional.empty();
          }
        });
  }

  /**
   * The verification of Dropbox and Adobe I/O Events: {@code GET ?challenge=…} echoed as {@code
   * text/plain} with {@code X-Content-Type-Options: nosniff}.
   *
   * @see <a href="https://www.dropbox.com/developers/reference/webhooks">Dropbox: webhooks</a>
   * @see <a href="https://developer.adobe.com/events/docs/guides/">Adobe I/O Events: webhooks, the
   *     challenge request</a>
   */
  public static HandshakeResponder challengeEcho() {
    return unsigned(
        (request, payload) ->
            (isGet(request) ? query(request, "challenge") : Optional.<String>empty())
                .map(Handshakes::text));
  }

  /**
   * Microsoft Graph's subscription validation: a request with {@code ?validationToken=…} answered
   * within ten seconds with the URL-decoded token as {@code text/plain}.
   *
   * @see <a
   *     href="https://learn.microsoft.com/en-us/graph/change-notifications-delivery-webhooks#notificationurl-validation">Microsoft
   *     Graph: notificationUrl validation</a>
   */
  public static HandshakeResponder graphValidation() {
    return unsigned((request, payload) -> query(request, "validationToken").map(Handshakes::text));
  }

  /**
   * Azure Event Grid's subscription validation: a {@code Microsoft.EventGrid.SubscriptionValidation
   * Event} (the first event of the JSON array) answered with {@code {"validationResponse":
   * data.validationCode}}.
   *
   * @see <a
   *     href="https://learn.microsoft.com/en-us/azure/event-grid/end-point-validation-event-grid-events-schema">Azure
   *     Event Grid: endpoint validation</a>
   */
  public static HandshakeResponder eventGridValidation() {
    return (request, payload) -> {
      if (!request.header("aeg-event-type").filter("SubscriptionValidation"::equals).isPresent()) {
        return Optional.empty();
      }
      String code = eventGridValidationCode(request.body());
      return code == null
          ? Optional.empty()
          : Optional.of(json(Map.of("validationResponse", code)));
    };
  }

  private static @Nullable String eventGridValidationCode(byte[] body) {
    try (JsonParser p = JSON.createParser(body)) {
      if (p.nextToken() != JsonToken.START_ARRAY || p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      String type = null;
      String code = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken t = p.nextToken();
        if (name.equals("eventType") && t == JsonToken.VALUE_STRING) {
          type = p.getText();
        } else if (name.equals("data") && t == JsonToken.START_OBJECT) {
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken v = p.nextToken();
            if (field.equals("validationCode") && v == JsonToken.VALUE_STRING) {
              code = p.getText();
            } else {
              p.skipChildren();
            }
          }
        } else {
          p.skipChildren();
        }
      }
      return "Microsoft.EventGrid.SubscriptionValidationEvent".equals(type) ? code : null;
    } catch (IOException | RuntimeException malformed) {
      return null;
    }
  }

  /**
   * The CloudEvents webhook abuse protection: {@code OPTIONS} with {@code WebHook-Request-Origin}
   * answered 200 with {@code WebHook-Allowed-Origin} (and {@code WebHook-Allowed-Rate: *} when a
   * rate was asked), granting delivery to that origin — to any origin when {@code allowedOrigins}
   * is empty, else only to those listed (case-insensitive); another origin is not answered and goes
   * on to the token check.
   *
   * @see <a
   *     href="https://github.com/cloudevents/spec/blob/main/cloudevents/http-webhook.md#4-abuse-protection">CloudEvents:
   *     HTTP 1.1 web hooks, abuse protection</a>
   */
  public static HandshakeResponder cloudEventsValidation(Collection<String> allowedOrigins) {
    Set<String> allowed = new HashSet<>();
    allowedOrigins.forEach(o -> allowed.add(o.trim().toLowerCase(Locale.ROOT)));
    return unsigned(
        (request, payload) -> {
          if (!request.method().equals("OPTIONS")) {
            return Optional.empty();
          }
          Optional<String> origin =
              request
                  .header("webhook-request-origin")
                  .map(String::trim)
                  .filter(
                      o ->
                          !o.isEmpty()
                              && o.length() <= 255
                              && o.chars().allMatch(c -> c > 32 && c < 127)
                              && (allowed.isEmpty()
                                  || allowed.contains(o.toLowerCase(Locale.ROOT))));
          if (origin.isEmpty()) {
            return Optional.empty();
          }
          Map<String, String> headers = new LinkedHashMap<>();
          headers.put("WebHook-Allowed-Origin", origin.get());
          if (request.header("webhook-request-rate").isPresent()) {
            headers.put("WebHook-Allowed-Rate", "*");
          }
          headers.put("Allow", "POST, OPTIONS");
          return Optional.of(new HandshakeAnswer(200, "text/plain", new byte[0], headers));
        });
  }

  /**
   * Okta's one-time event hook verification: a {@code GET} with {@code
   * X-Okta-Verification-Challenge} answered with {@code {"verification": …}}, after the request's
   * authorization header verified.
   *
   * @see <a
   *     href="https://developer.okta.com/docs/concepts/event-hooks/#one-time-verification-request">Okta:
   *     one-time verification request</a>
   */
  public static HandshakeResponder oktaVerification() {
    return (request, payload) ->
        (isGet(request)
                ? request.header("x-okta-verification-challenge")
                : Optional.<String>empty())
            .filter(c -> !c.isEmpty() && c.length() <= MAX_ECHO)
            .map(c -> json(Map.of("verification", c)));
  }

  /**
   * Discord's interactions PING: a signed {@code {"type": 1}} answered with {@code {"type": 1}}.
   *
   * @see <a
   *     href="https://discord.com/developers/docs/interactions/overview#setting-up-an-endpoint">Discord:
   *     setting up an endpoint</a>
   */
  public static HandshakeResponder discordPing() {
    return new HandshakeResponder() {
      @Override
      public Optional<HandshakeAnswer> answer(WebhookRequest request, Payload payload) {
        return payload.json("type").filter("1"::equals).map(t -> json(Map.of("type", 1)));
      }

      @Override
      public Set<String> jsonPaths() {
        return Set.of("type");
      }
    };
  }

  /**
   * Twitch EventSub's callback verification: a signed message with {@code
   * Twitch-Eventsub-Message-Type: webhook_callback_verification}, answered 200 with the body's
   * {@code challenge} as {@code text/plain}.
   *
   * @see <a
   *     href="https://dev.twitch.tv/docs/eventsub/handling-webhook-events/#responding-to-a-challenge-request">Twitch:
   *     responding to a challenge request</a>
   */
  public static HandshakeResponder twitchChallenge() {
    return new HandshakeResponder() {
      @Override
      public Optional<HandshakeAnswer> answer(WebhookRequest request, Payload payload) {
        if (!request
            .header("twitch-eventsub-message-type")
            .filter("webhook_callback_verification"::equals)
            .isPresent()) {
          return Optional.empty();
        }
        return payload
            .json("challenge")
            .filter(c -> !c.isEmpty() && c.length() <= MAX_ECHO)
            .map(Handshakes::text);
      }

      @Override
      public Set<String> jsonPaths() {
        return Set.of("challenge");
      }
    };
  }

  /**
   * The reachability check some providers make when a webhook is registered (Trello): an unsigned
   * {@code HEAD} answered 200 with no body. Nothing is read and nothing reaches the handler.
   *
   * @see <a
   *     href="https://developer.atlassian.com/cloud/trello/guides/rest-api/webhooks/#creating-a-webhook">Trello:
   *     creating a webhook</a>
   */
  public static HandshakeResponder headCheck() {
    Optional<HandshakeAnswer> ok =
        Optional.of(new HandshakeAnswer(200, "text/plain", new byte[0], Map.of()));
    return unsigned((request, payload) -> request.method().equals("HEAD") ? ok : Optional.empty());
  }

  /**
   * eBay's endpoint validation: {@code GET ?challenge_code=…} answered with {@code
   * {"challengeResponse": hex SHA-256 of challenge code + verification token + endpoint URL}}.
   *
   * @see <a href="https://developer.ebay.com/marketplace-account-deletion">eBay: marketplace
   *     account deletion, endpoint validation</a>
   */
  public static HandshakeResponder ebayChallenge(String verificationToken, String endpoint) {
    return unsigned(
        (request, payload) ->
            (isGet(request) ? query(request, "challenge_code") : Optional.<String>empty())
                .map(
                    code ->
                        json(
                            Map.of(
                                "challengeResponse",
                                Hex.encode(Macs.sha256(code + verificationToken + endpoint))))));
  }

  /** A responder the provider sends without a signature. */
  private static HandshakeResponder unsigned(
      BiFunction<WebhookRequest, Payload, Optional<HandshakeAnswer>> answer) {
    return new HandshakeResponder() {
      @Override
      public Optional<HandshakeAnswer> answer(WebhookRequest request, Payload payload) {
        return answer.apply(request, payload);
      }

      @Override
      public boolean requiresSignature() {
        return false;
      }
    };
  }
}
