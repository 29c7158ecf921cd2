package io.webhookkit.core.signature;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.webhookkit.core.Reason;
import io.webhookkit.core.Secret;
import io.webhookkit.core.WebhookRequest;
import io.webhookkit.core.internal.FormBody;
import io.webhookkit.core.internal.Hex;
import io.webhookkit.core.internal.JsonScan;
import io.webhookkit.core.internal.Macs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.crypto.Mac;
import org.jspecify.annotations.Nullable;

/**
 * Schemes whose proof travels inside the body rather than in a header: Mailgun's signature fields,
 * Microsoft Graph's {@code clientState}, and Linear's signed {@code webhookTimestamp}. Their {@link
 * SignatureScheme#sign} adds no header: a sender writes the fields into the body (see each method).
 * All are immutable and thread-safe.
 */
public final class BodySignatureSchemes {
  private static final JsonFactory JSON = JsonFactory.builder().build();

  private BodySignatureSchemes() {}

  /**
   * Mailgun: {@code signature.timestamp}, {@code signature.token} and {@code signature.signature}
   * in a JSON body (or {@code timestamp}, {@code token}, {@code signature} form fields), the
   * signature being the hex HMAC-SHA256 of timestamp and token concatenated, keyed with the webhook
   * signing key. The body itself is not signed; the token is unique per delivery.
   *
   * @see <a
   *     href="https://documentation.mailgun.com/docs/mailgun/user-manual/tracking-messages/#securing-webhooks">Mailgun:
   *     securing webhooks</a>
   */
  public static SignatureScheme mailgun(List<Secret> signingKeys) {
    return new Mailgun(keys(signingKeys));
  }

  /** The hex signature Mailgun puts beside this timestamp and token (for test senders). */
  public static String mailgunSignature(Secret signingKey, String timestamp, String token) {
    Mac mac =
        KeyedMac.of(
                signingKey,
                signingKey.reveal().getBytes(StandardCharsets.UTF_8),
                HmacAlgorithm.SHA256)
            .macs()
            .get();
    return Hex.encode(mac.doFinal((timestamp + token).getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * Microsoft Graph change notifications: every notification in the JSON {@code value} array
   * carries the {@code clientState} given when the subscription was created; all must equal one of
   * the secrets (compared in constant time). The body is not signed.
   *
   * @see <a
   *     href="https://learn.microsoft.com/en-us/graph/change-notifications-delivery-webhooks">Microsoft
   *     Graph: receive change notifications through webhooks</a>
   */
  public static SignatureScheme clientState(List<Secret> secrets) {
    return new ClientState(secrets);
  }

  /**
   * An HMAC scheme over the body whose timestamp is a field of that (signed) body: Linear's {@code
   * webhookTimestamp} (milliseconds).
   */
  public static SignatureScheme bodyTimestamp(
      SignatureScheme bodySignature, String jsonPath, TimestampFormat format) {
    return new BodyTimestamp(bodySignature, jsonPath, format);
  }

  /**
   * A scheme that verifies only bodies that are JSON objects (the first byte after whitespace and a
   * byte-order mark is <code>&#123;</code>); X's, whose CRC answers would otherwise sign any other
   * text.
   */
  public static SignatureScheme jsonObjectsOnly(SignatureScheme inner) {
    return new Refined(inner) {
      @Override
      SignatureVerdict refine(WebhookRequest request, SignatureVerdict.Verified verified) {
        return isJsonObject(request.body())
            ? verified
            : SignatureVerdict.failed(
                Reason.SIGNATURE_INVALID,
                "Only JSON object bodies are verified for this provider.");
      }
    };
  }

  /** A scheme that checks more once another verified: it signs and reads the URL as that one. */
  private abstract static class Refined implements SignatureScheme {
    private final SignatureScheme inner;

    Refined(SignatureScheme inner) {
      this.inner = inner;
    }

    /** The verdict on a request the inner scheme verified. */
    abstract SignatureVerdict refine(WebhookRequest request, SignatureVerdict.Verified verified);

    private SignatureVerdict then(WebhookRequest request, SignatureVerdict verdict) {
      return verdict instanceof SignatureVerdict.Verified v ? refine(request, v) : verdict;
    }

    @Override
    public SignatureVerdict verify(WebhookRequest request) {
      return then(request, inner.verify(request));
    }

    @Override
    public SignatureVerdict verify(WebhookRequest request, RequestUrl url) {
      return then(request, inner.verify(request, url));
    }

    @Override
    public boolean signsUrl() {
      return inner.signsUrl();
    }

    @Override
    public boolean signsTimestamp() {
      return inner.signsTimestamp();
    }

    @Override
    public boolean coversBody() {
      return inner.coversBody();
    }

    @Override
    public Map<String, String> sign(SigningInput input, Secret secret) {
      return inner.sign(input, secret);
    }
  }

  private static boolean isJsonObject(byte[] body) {
    int i = 0;
    if (body.length >= 3
        && (body[0] & 0xff) == 0xEF
        && (body[1] & 0xff) == 0xBB
        && (body[2] & 0xff) == 0xBF) {
      i = 3;
    }
    while (i < body.length
        && (body[i] == ' ' || body[i] == '\t' || body[i] == '\r' || body[i] == '\n')) {
      i++;
    }
    return i < body.length && body[i] == '{';
  }

  private static List<KeyedMac> keys(List<Secret> secrets) {
    List<KeyedMac> k = new ArrayList<>();
    for (Secret secret : secrets) {
      k.add(
          KeyedMac.of(
              secret, secret.reveal().getBytes(StandardCharsets.UTF_8), HmacAlgorithm.SHA256));
    }
    return List.copyOf(k);
  }

  private static final class Mailgun implements SignatureScheme {
    private static final JsonScan FIELDS =
        new JsonScan(Set.of("signature.timestamp", "signature.token", "signature.signature"));
    private final List<KeyedMac> keys;

    Mailgun(List<KeyedMac> keys) {
      this.keys = keys;
    }

    @Override
    public boolean coversBody() {
      return false;
    }

    @Override
    public boolean signsTimestamp() {
      return true;
    }

    @Override
    public SignatureVerdict verify(WebhookRequest request) {
      String timestamp;
      String token;
      String signature;
      if (request.mediaType().equals("application/x-www-form-urlencoded")
          || request.mediaType().equals("multipart/form-data")) {
        List<Map.Entry<String, String>> pairs =
            FormBody.parse(request.body(), StandardCharsets.UTF_8);
        if (pairs == null) {
          return SignatureVerdict.failed(
              Reason.SIGNATURE_MISSING, "The form body cannot be read for its signature fields.");
        }
        timestamp = field(pairs, "timestamp");
        token = field(pairs, "token");
        signature = field(pairs, "signature");
      } else {
        Map<String, String> found = FIELDS.scan(request.body());
        if (found == null) {
          return SignatureVerdict.failed(
              Reason.SIGNATURE_MISSING, "The body is not JSON with a signature object.");
        }
        timestamp = found.get("signature.timestamp");
        token = found.get("signature.token");
        signature = found.get("signature.signature");
      }
      if (timestamp == null || token == null || signature == null) {
        return SignatureVerdict.failed(
            Reason.SIGNATURE_MISSING, "The body has no signature timestamp, token and signature.");
      }
      Instant instant = Timestamps.seconds(timestamp.trim());
      byte[] given = Hex.decode(signature, 0, signature.length());
      if (instant == null || given == null || given.length != 32) {
        return SignatureVerdict.failed(
            Reason.SIGNATURE_INVALID, "The body's signature fields are not well-formed.");
      }
      byte[] content = (timestamp + token).getBytes(StandardCharsets.UTF_8);
      for (KeyedMac key : keys) {
        if (Macs.equal(key.macs().get().doFinal(content), given)) {
          return new SignatureVerdict.Verified(key.label(), instant, null);
        }
      }
      return SignatureVerdict.failed(
          Reason.SIGNATURE_INVALID, "The body's signature matches no configured signing key.");
    }

    private static @Nullable String field(List<Map.Entry<String, String>> pairs, String name) {
      for (Map.Entry<String, String> pair : pairs) {
        if (pair.getKey().equals(name)) {
          return pair.getValue();
        }
      }
      return null;
    }

    @Override
    public Map<String, String> sign(SigningInput input, Secret secret) {
      return Map.of(); // the signature fields are part of the body: see mailgunSignature
    }
  }

  private static final class ClientState implements SignatureScheme {
    private record State(String label, byte[] digest) {}

    private final List<State> states;

    ClientState(List<Secret> secrets) {
      List<State> s = new ArrayList<>();
      for (Secret secret : secrets) {
        s.add(new State(secret.label(), Macs.sha256(secret.reveal())));
      }
      this.states = List.copyOf(s);
    }

    @Override
    public boolean coversBody() {
      return false;
    }

    @Override
    public SignatureVerdict verify(WebhookRequest request) {
      List<String> found = clientStates(request.body());
      if (found == null || found.isEmpty()) {
        return SignatureVerdict.failed(
            Reason.SIGNATURE_MISSING, "The notifications carry no clientState.");
      }
      String label = null;
      for (String value : found) {
        byte[] digest = Macs.sha256(value);
        String matched = null;
        for (State state : states) {
          if (Macs.equal(digest, state.digest())) {
            matched = state.label();
            break;
          }
        }
        if (matched == null || (label != null && !label.equals(matched))) {
          return SignatureVerdict.failed(
              Reason.SIGNATURE_INVALID, "A notification's clientState matches no secret.");
        }
        label = matched;
      }
      if (label == null) {
        return SignatureVerdict.failed(
            Reason.SIGNATURE_MISSING, "The body has no notification with a clientState.");
      }
      return new SignatureVerdict.Verified(label, null, null);
    }

    /** The clientState of each object in the root's value array; null when not readable. */
    private static @Nullable List<String> clientStates(byte[] body) {
      List<String> out = new ArrayList<>();
      try (JsonParser p = JSON.createParser(body)) {
        if (p.nextToken() != JsonToken.START_OBJECT) {
          return null;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          JsonToken t = p.nextToken();
          if (name.equals("value") && t == JsonToken.START_ARRAY) {
            while (p.nextToken() == JsonToken.START_OBJECT) {
              String state = null;
              while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                if (field.equals("clientState") && v == JsonToken.VALUE_STRING) {
                  state = p.getText();
                } else {
                  p.skipChildren();
                }
              }
              if (state == null) {
                return null; // one notification without it fails the whole delivery
              }
              out.add(state);
            }
          } else {
            p.skipChildren();
          }
        }
        return out;
      } catch (IOException | RuntimeException malformed) {
        return null;
      }
    }

    @Override
    public Map<String, String> sign(SigningInput input, Secret secret) {
      return Map.of(); // the clientState is part of each notification in the body
    }
  }

  private static final class BodyTimestamp extends Refined {
    private final String path;
    private final JsonScan scan;
    private final TimestampFormat format;

    BodyTimestamp(SignatureScheme inner, String path, TimestampFormat format) {
      super(inner);
      this.path = path;
      this.scan = new JsonScan(Set.of(path));
      this.format = Objects.requireNonNull(format, "format");
    }

    @Override
    public boolean signsTimestamp() {
      return true;
    }

    @Override
    SignatureVerdict refine(WebhookRequest request, SignatureVerdict.Verified verified) {
      Map<String, String> found = scan.scan(request.body());
      String text = found == null ? null : found.get(path);
      Instant instant = text == null ? null : format.parse(text);
      if (instant == null) {
        return SignatureVerdict.failed(
            Reason.SIGNATURE_INVALID, "The signed body has no valid " + path + ".");
      }
      return new SignatureVerdict.Verified(verified.secretLabel(), instant, verified.signedId());
    }
  }
}
