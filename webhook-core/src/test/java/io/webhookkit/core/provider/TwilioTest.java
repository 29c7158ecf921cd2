package io.webhookkit.core.provider;

import static io.webhookkit.core.provider.PresetTests.*;

import io.webhookkit.core.EndpointConfig;
import io.webhookkit.core.Reason;
import io.webhookkit.core.WebhookGuard;
import io.webhookkit.core.WebhookRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Twilio preset through the whole guard; how vectors are chosen: {@link PresetTests}. */
class TwilioTest {
  /**
   * Twilio's own SDK test vectors: twilio-java {@code RequestValidatorTest} (auth token 12345, URL
   * https://mycompany.com/myapp.php?foo=1&bar=2, five form parameters), including the port rules.
   */
  @Test
  void twilioSdkVectorsVerify() {
    String form =
        "Digits=1234&CallSid=CA1234567890ABCDE&To=%2B18005551212&Caller=%2B14158675309&From=%2B14158675309";
    Map<String, String> noKeys = Map.of();
    WebhookGuard fromRequest = guard("twilio", "12345", noKeys);
    WebhookRequest.Builder base =
        WebhookRequest.builder()
            .remoteAddress("127.0.0.1")
            .secure(true)
            .path("/myapp.php")
            .query("foo=1&bar=2")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .body(form.getBytes(StandardCharsets.UTF_8));

    proceeds(
        fromRequest,
        base.header("Host", "mycompany.com")
            .header("X-Twilio-Signature", "RSOYDt4T1cUTdK1PDd93/VVr8B8=")
            .build());
    // "testValidateRemovesPortHttps": called on :1234, signed without the port (a new endpoint:
    // the same body is the same delivery to the first one).
    proceeds(
        guard("twilio", "12345", noKeys),
        WebhookRequest.builder()
            .remoteAddress("127.0.0.1")
            .secure(true)
            .path("/myapp.php")
            .query("foo=1&bar=2")
            .header("Host", "mycompany.com:1234")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-Twilio-Signature", "RSOYDt4T1cUTdK1PDd93/VVr8B8=")
            .body(form.getBytes(StandardCharsets.UTF_8))
            .build());
    // "testValidateAddsPortHttps": signed with :443 added.
    WebhookGuard configured =
        guard("twilio", "12345", Map.of("public-url", "https://mycompany.com/myapp.php"));
    proceeds(
        configured,
        WebhookRequest.builder()
            .remoteAddress("127.0.0.1")
            .query("foo=1&bar=2")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-Twilio-Signature", "kvajT1Ptam85bY51eRf/AJRuM3w=")
            .body(form.getBytes(StandardCharsets.UTF_8))
            .build());
    // "testValidateWithBody": a JSON body signed through bodySHA256.
    String json = "{\"property\": \"value\", \"boolean\": true}";
    proceeds(
        configured,
        WebhookRequest.builder()
            .remoteAddress("127.0.0.1")
            .query(
                "foo=1&bar=2&bodySHA256=0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620")
            .header("Content-Type", "application/json")
            .header("I-Twilio-Idempotency-Token", "tw-1")
            .header("X-Twilio-Signature", "a9nBmqA0ju/hNViExpshrM61xv4=")
            .body(json.getBytes(StandardCharsets.UTF_8))
            .build());
    // "testFailsWhenIncorrect" and a changed parameter.
    refused(
        configured,
        WebhookRequest.builder()
            .remoteAddress("127.0.0.1")
            .query("foo=1&bar=2")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-Twilio-Signature", "RSOYDt4T1cUTdK1PDd93/VVr8B8=")
            .body(form.replace("1234&", "1235&").getBytes(StandardCharsets.UTF_8))
            .build(),
        Reason.SIGNATURE_INVALID);
    // A JSON body that does not match its bodySHA256.
    refused(
        configured,
        WebhookRequest.builder()
            .remoteAddress("127.0.0.1")
            .query(
                "foo=1&bar=2&bodySHA256=0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620")
            .header("Content-Type", "application/json")
            .header("X-Twilio-Signature", "a9nBmqA0ju/hNViExpshrM61xv4=")
            .body(json.replace("value", "valuE").getBytes(StandardCharsets.UTF_8))
            .build(),
        Reason.SIGNATURE_INVALID);
  }

  @Test
  void twilioBelievesForwardedHostAndProtoOnlyFromTrustedProxies() {
    String form =
        "Digits=1234&CallSid=CA1234567890ABCDE&To=%2B18005551212&Caller=%2B14158675309&From=%2B14158675309";
    EndpointConfig trusting =
        EndpointConfig.builder("twilio")
            .provider("twilio")
            .secrets("12345")
            .trustedProxies(java.util.List.of("10.0.0.0/8"))
            .build();
    WebhookRequest.Builder behindProxy =
        WebhookRequest.builder()
            .remoteAddress("10.1.2.3")
            .path("/myapp.php")
            .query("foo=1&bar=2")
            .header("Host", "app.internal:8080")
            .header("X-Forwarded-Proto", "https")
            .header("X-Forwarded-Host", "mycompany.com")
            .header("X-Forwarded-For", "127.0.0.1")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-Twilio-Signature", "RSOYDt4T1cUTdK1PDd93/VVr8B8=")
            .body(form.getBytes(StandardCharsets.UTF_8));

    proceeds(WebhookGuard.of(trusting), behindProxy.build());
    EndpointConfig notTrusting =
        EndpointConfig.builder("twilio").provider("twilio").secrets("12345").build();
    refused(
        WebhookGuard.of(notTrusting),
        WebhookRequest.builder()
            .remoteAddress("127.0.0.1")
            .path("/myapp.php")
            .query("foo=1&bar=2")
            .header("Host", "app.internal:8080")
            .header("X-Forwarded-Proto", "https")
            .header("X-Forwarded-Host", "mycompany.com")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("X-Twilio-Signature", "RSOYDt4T1cUTdK1PDd93/VVr8B8=")
            .body(form.getBytes(StandardCharsets.UTF_8))
            .build(),
        Reason.SIGNATURE_INVALID);
  }
}
