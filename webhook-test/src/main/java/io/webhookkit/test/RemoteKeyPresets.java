package io.webhookkit.test;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.webhookkit.core.EndpointConfig;
import io.webhookkit.core.provider.RemoteKeys;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.jspecify.annotations.Nullable;

/**
 * The presets whose verification keys are fetched at run time (AWS SNS, Google Pub/Sub, Azure Event
 * Grid with Entra ID, PayPal, Adobe I/O, Plaid, eBay), for the conformance kit: one local HTTPS
 * server (127.0.0.1, a certificate made by {@code keytool} for the run) plays every provider's key
 * host — certificates, key sets, keys by id, eBay's token endpoint — and this class signs
 * deliveries as each provider does, with keys made for the run. Adapters point those endpoints at
 * the server through {@link #remoteKeys()}, in code only (an {@code EndpointCustomizer} bean, or an
 * {@code EndpointConfig} given to the servlet filter); no configuration key can.
 */
public final class RemoteKeyPresets {
  /** The SNS topic a conformance endpoint accepts. */
  public static final String SNS_TOPIC = "arn:aws:sns:us-west-2:123456789012:conformance";

  private static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
  private static final String PASSWORD = "changeit";

  /** A delivery as the provider sends it, and the id the endpoint will see. */
  public record Delivery(
      String body, String contentType, Map<String, String> headers, String deliveryId) {}

  private static volatile @Nullable Material material;

  private RemoteKeyPresets() {}

  /** The settings that send every remote-key preset's key host to the local server. */
  public static RemoteKeys remoteKeys() {
    return material().remoteKeys;
  }

  /**
   * An {@code EndpointCustomizer} body for adapters' conformance setups: the endpoints of the
   * remote-key presets fetch their keys from the local server; others are left as they are.
   */
  public static void customize(String endpoint, EndpointConfig.Builder builder) {
    if (ConformanceEndpoints.REMOTE_KEY_PRESETS.contains(endpoint)) {
      builder.remoteKeys(remoteKeys());
    }
  }

  /** The provider keys (and secrets) of the conformance endpoint of a remote-key preset. */
  public static Map<String, String> endpointKeys(String preset) {
    Map<String, String> keys = new LinkedHashMap<>();
    keys.put("provider", preset);
    switch (preset) {
      case "aws-sns" -> keys.put("topic-arns", SNS_TOPIC);
      case "gcp-pubsub" -> {
        keys.put("audience", "https://hooks.example.com/gcp-pubsub");
        keys.put("service-account", "push@conformance.iam.gserviceaccount.com");
      }
      case "azure-event-grid-entra" -> {
        keys.put("tenant-id", TENANT);
        keys.put("audience", "api://conformance-webhooks");
      }
      case "paypal" -> keys.put("webhook-id", "8PT597110X687430LKGECATA");
      case "adobe-io" -> keys.put("client-id", "conformance-client");
      case "plaid" -> {
        keys.put("client-id", "5f1b6c2e9d8a7b0012345678");
        keys.put("secrets", "conformance-plaid-secret");
      }
      case "ebay" -> {
        keys.put("client-id", "Conformance-App-PRD-1");
        keys.put("verify-token", "71745723-d031-455c-bfa5-f90d11b4f20a");
        keys.put("public-url", "https://hooks.example.com/ebay");
        keys.put("secrets", "conformance-ebay-secret");
      }
      default -> throw new IllegalArgumentException("not a remote-key preset: " + preset);
    }
    return Map.copyOf(keys);
  }

  /** Whether a preset's deliveries carry a time the endpoint holds to its window. */
  public static boolean timed(String preset) {
    return !preset.equals("adobe-io") && !preset.equals("ebay");
  }

  /** Whether a preset's signature covers the body's bytes (a changed byte fails it). */
  public static boolean coversBody(String preset) {
    return List.of("paypal", "adobe-io", "plaid", "ebay").contains(preset);
  }

  /**
   * A delivery of this preset.
   *
   * @param id the provider's id for it (becomes the delivery id where the provider sends one)
   * @param at when it was signed (its timestamp, token time, …)
   * @param foreignKey whether to sign with a key the provider's host does not serve
   */
  public static Delivery delivery(String preset, String id, Instant at, boolean foreignKey) {
    Material m = material();
    try {
      return switch (preset) {
        case "aws-sns" -> m.sns(id, at, foreignKey);
        case "gcp-pubsub" -> m.pubsub(id, at, foreignKey);
        case "azure-event-grid-entra" -> m.entra(id, at, foreignKey);
        case "paypal" -> m.paypal(id, at, foreignKey);
        case "adobe-io" -> m.adobe(id, foreignKey);
        case "plaid" -> m.plaid(id, at, foreignKey);
        case "ebay" -> m.ebay(id, foreignKey);
        default -> throw new IllegalArgumentException("not a remote-key preset: " + preset);
      };
    } catch (GeneralSecurityException | JOSEException e) {
      throw new IllegalStateException("cannot sign a " + preset + " delivery", e);
    }
  }

  /** The same delivery with one byte of its body changed. */
  public static Delivery tampered(Delivery d) {
    return new Delivery(
        d.body().replace("conformance", "conformancf"),
        d.contentType(),
        d.headers(),
        d.deliveryId());
  }

  private static Material material() {
    Material m = material;
    if (m == null) {
      synchronized (RemoteKeyPresets.class) {
        m = material;
        if (m == null) {
          try {
            m = new Material();
          } catch (Exception e) {
            throw new IllegalStateException("cannot start the conformance key server", e);
          }
          material = m;
        }
      }
    }
    return m;
  }

  private static String sha256Hex(String text) throws GeneralSecurityException {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }

  /** The keys, certificates and the server of one run. */
  private static final class Material {
    final HttpsServer server;
    final RemoteKeys remoteKeys;
    final PrivateKey snsKey;
    final PrivateKey paypalKey;
    final KeyPair other = rsa();
    final RSAKey google = new RSAKeyGenerator(2048).keyID("conformance-google").generate();
    final RSAKey entra = new RSAKeyGenerator(2048).keyID("conformance-entra").generate();
    final RSAKey foreignRsa = new RSAKeyGenerator(2048).generate();
    final KeyPair adobe1 = rsa();
    final KeyPair adobe2 = rsa();
    final ECKey plaid =
        new ECKeyGenerator(Curve.P_256)
            .keyID("conformance-plaid")
            .algorithm(JWSAlgorithm.ES256)
            .generate();
    final ECKey foreignEc = new ECKeyGenerator(Curve.P_256).generate();
    final KeyPair ebay = ec();
    final KeyPair foreignEbay = ec();
    final Map<String, byte[]> answers = new LinkedHashMap<>();

    Material() throws Exception {
      // keytool works on files: made in a directory of their own, read, and deleted again
      Path dir = Files.createTempDirectory("webhook-kit-remote-keys");
      KeyStore keys = KeyStore.getInstance("PKCS12");
      byte[] snsPem;
      byte[] paypalPem;
      try {
        Path store = dir.resolve("keys.p12");
        keytool(store, "tls", "CN=localhost", "SAN=dns:localhost,ip:127.0.0.1", "EC");
        keytool(store, "ca", "CN=webhook-kit conformance CA", "bc:c", "RSA");
        keytool(store, "sns", "CN=sns.amazonaws.com", "SAN=dns:sns.amazonaws.com", "RSA");
        keytool(
            store,
            "paypal",
            "CN=messageverificationcerts.paypal.com",
            "SAN=dns:messageverificationcerts.paypal.com",
            "RSA");
        try (InputStream in = Files.newInputStream(store)) {
          keys.load(in, PASSWORD.toCharArray());
        }
        // SNS's and PayPal's certificates must chain to a trusted CA: the run's own CA issues them
        snsPem = issue(dir, store, "sns", "SAN=dns:sns.amazonaws.com");
        paypalPem = issue(dir, store, "paypal", "SAN=dns:messageverificationcerts.paypal.com");
      } finally {
        TempDirectories.delete(dir);
      }
      snsKey = (PrivateKey) keys.getKey("sns", PASSWORD.toCharArray());
      paypalKey = (PrivateKey) keys.getKey("paypal", PASSWORD.toCharArray());
      X509Certificate ca = (X509Certificate) keys.getCertificate("ca");

      answers.put("/SimpleNotificationService-0123456789abcdef.pem", snsPem);
      answers.put(
          "/oauth2/v3/certs",
          new JWKSet(google.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8));
      answers.put(
          "/" + TENANT + "/discovery/v2.0/keys",
          new JWKSet(entra.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8));
      answers.put("/v1/notifications/certs/CERT-conformance", paypalPem);
      answers.put(
          "/conformance/pub-key-1.pem",
          pem("PUBLIC KEY", adobe1.getPublic().getEncoded()).getBytes(StandardCharsets.US_ASCII));
      answers.put(
          "/conformance/pub-key-2.pem",
          pem("PUBLIC KEY", adobe2.getPublic().getEncoded()).getBytes(StandardCharsets.US_ASCII));
      answers.put(
          "/webhook_verification_key/get",
          ("{\"key\":" + plaid.toPublicJWK().toJSONString() + ",\"request_id\":\"c0nf\"}")
              .getBytes(StandardCharsets.UTF_8));
      answers.put(
          "/identity/v1/oauth2/token",
          "{\"access_token\":\"v^1.1#conformance\",\"expires_in\":7200}"
              .getBytes(StandardCharsets.UTF_8));
      answers.put(
          "/commerce/notification/v1/public_key/conformance-ebay",
          ("{\"key\":\""
                  + pem("PUBLIC KEY", ebay.getPublic().getEncoded()).replace("\n", "")
                  + "\",\"algorithm\":\"ECDSA\",\"digest\":\"SHA256\"}")
              .getBytes(StandardCharsets.UTF_8));

      KeyManagerFactory km = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      KeyStore tls = KeyStore.getInstance("PKCS12");
      tls.load(null, null);
      tls.setKeyEntry(
          "tls",
          keys.getKey("tls", PASSWORD.toCharArray()),
          PASSWORD.toCharArray(),
          keys.getCertificateChain("tls"));
      km.init(tls, PASSWORD.toCharArray());
      TrustManagerFactory tm =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      trust.setCertificateEntry("tls", keys.getCertificate("tls"));
      tm.init(trust);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(km.getKeyManagers(), tm.getTrustManagers(), null);

      server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
      server.setHttpsConfigurator(new HttpsConfigurator(context));
      server.createContext("/", this::answer);
      server.start();
      remoteKeys =
          RemoteKeys.builder()
              .httpClient(
                  HttpClient.newBuilder()
                      .sslContext(context)
                      .followRedirects(HttpClient.Redirect.NEVER)
                      .connectTimeout(Duration.ofSeconds(5))
                      .build())
              .testServer("localhost", server.getAddress().getPort())
              .trustAnchors(Set.of(ca))
              .timeout(Duration.ofSeconds(5))
              .build();
    }

    private void answer(HttpExchange exchange) throws IOException {
      try (exchange) {
        exchange.getRequestBody().readAllBytes();
        byte[] body = answers.get(exchange.getRequestURI().getRawPath());
        if (body == null) {
          exchange.sendResponseHeaders(404, -1);
          return;
        }
        exchange.getResponseHeaders().add("Cache-Control", "max-age=3600");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    }

    /** The certificate (PEM) the run's CA issues for the key pair under this alias. */
    private static byte[] issue(Path dir, Path store, String alias, String san)
        throws IOException, InterruptedException {
      Path csr = dir.resolve(alias + ".csr");
      Path pem = dir.resolve(alias + ".pem");
      run(
          List.of(
              "-certreq",
              "-alias",
              alias,
              "-keystore",
              store.toString(),
              "-storepass",
              PASSWORD,
              "-file",
              csr.toString()));
      run(
          List.of(
              "-gencert",
              "-rfc",
              "-alias",
              "ca",
              "-keystore",
              store.toString(),
              "-storepass",
              PASSWORD,
              "-infile",
              csr.toString(),
              "-outfile",
              pem.toString(),
              "-ext",
              san,
              "-validity",
              "3650"));
      return Files.readAllBytes(pem);
    }

    private static void run(List<String> args) throws IOException, InterruptedException {
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
      command.addAll(args);
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      byte[] out = p.getInputStream().readAllBytes();
      if (p.waitFor() != 0) {
        throw new IllegalStateException(new String(out, StandardCharsets.UTF_8));
      }
    }

    private static void keytool(Path store, String alias, String dname, String san, String alg)
        throws IOException, InterruptedException {
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
      command.addAll(
          List.of(
              "-genkeypair",
              "-alias",
              alias,
              "-keyalg",
              alg,
              "-dname",
              dname,
              "-ext",
              san,
              "-validity",
              "3650",
              "-storetype",
              "PKCS12",
              "-keystore",
              store.toString(),
              "-storepass",
              PASSWORD));
      if (alg.equals("RSA")) {
        command.addAll(List.of("-keysize", "2048"));
      }
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      byte[] out = p.getInputStream().readAllBytes();
      if (p.waitFor() != 0) {
        throw new IllegalStateException(new String(out, StandardCharsets.UTF_8));
      }
    }

    private static KeyPair rsa() {
      try {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return g.generateKeyPair();
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }

    private static KeyPair ec() {
      try {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }

    private static String sign(String algorithm, PrivateKey key, byte[] data)
        throws GeneralSecurityException {
      Signature s = Signature.getInstance(algorithm);
      s.initSign(key);
      s.update(data);
      return Base64.getEncoder().encodeToString(s.sign());
    }

    Delivery sns(String id, Instant at, boolean foreign) throws GeneralSecurityException {
      String message = "conformance message " + id;
      String ts = at.toString();
      String toSign =
          "Message\n"
              + message
              + "\nMessageId\n"
              + id
              + "\nTimestamp\n"
              + ts
              + "\nTopicArn\n"
              + SNS_TOPIC
              + "\nType\nNotification\n";
      String signature =
          sign(
              "SHA256withRSA",
              foreign ? other.getPrivate() : snsKey,
              toSign.getBytes(StandardCharsets.UTF_8));
      String body =
          "{\"Type\":\"Notification\",\"MessageId\":\""
              + id
              + "\",\"TopicArn\":\""
              + SNS_TOPIC
              + "\",\"Message\":\""
              + message
              + "\",\"Timestamp\":\""
              + ts
              + "\",\"SignatureVersion\":\"2\",\"Signature\":\""
              + signature
              + "\",\"SigningCertURL\":\"https://sns.us-west-2.amazonaws.com/"
              + "SimpleNotificationService-0123456789abcdef.pem\"}";
      return new Delivery(
          body,
          "text/plain; charset=UTF-8",
          Map.of("x-amz-sns-message-type", "Notification", "x-amz-sns-message-id", id),
          id);
    }

    Delivery pubsub(String id, Instant at, boolean foreign) throws JOSEException {
      JWTClaimsSet claims =
          new JWTClaimsSet.Builder()
              .audience("https://hooks.example.com/gcp-pubsub")
              .issuer("https://accounts.google.com")
              .claim("email", "push@conformance.iam.gserviceaccount.com")
              .claim("email_verified", true)
              .issueTime(Date.from(at))
              .expirationTime(Date.from(at.plus(Duration.ofMinutes(5))))
              .build();
      String token = rs256(foreign ? foreignRsa : google, "conformance-google", claims);
      String data =
          Base64.getEncoder()
              .encodeToString(("conformance data " + id).getBytes(StandardCharsets.UTF_8));
      String body =
          "{\"message\":{\"data\":\""
              + data
              + "\",\"messageId\":\""
              + id
              + "\",\"publishTime\":\""
              + at
              + "\"},\"subscription\":"
              + "\"projects/conformance/subscriptions/push\"}";
      return new Delivery(body, "application/json", Map.of("Authorization", "Bearer " + token), id);
    }

    Delivery entra(String id, Instant at, boolean foreign)
        throws JOSEException, GeneralSecurityException {
      JWTClaimsSet claims =
          new JWTClaimsSet.Builder()
              .audience("api://conformance-webhooks")
              .issuer("https://sts.windows.net/" + TENANT + "/")
              .claim("appid", "4962773b-9cdb-44cf-a8bf-237846a00ab7")
              .issueTime(Date.from(at))
              .expirationTime(Date.from(at.plus(Duration.ofMinutes(5))))
              .build();
      String token = rs256(foreign ? foreignRsa : entra, "conformance-entra", claims);
      String body =
          "[{\"id\":\""
              + id
              + "\",\"eventType\":\"Conformance.Created\",\"subject\":"
              + "\"/conformance\",\"data\":{},\"dataVersion\":\"1\"}]";
      return new Delivery(
          body,
          "application/json",
          Map.of("Authorization", "Bearer " + token, "aeg-event-type", "Notification"),
          "sha256:" + sha256Hex(body));
    }

    Delivery paypal(String id, Instant at, boolean foreign) throws GeneralSecurityException {
      String body =
          "{\"id\":\""
              + id
              + "\",\"event_type\":\"PAYMENT.CAPTURE.COMPLETED\",\"summary\":"
              + "\"conformance capture\"}";
      CRC32 crc = new CRC32();
      crc.update(body.getBytes(StandardCharsets.UTF_8));
      String transmission = "tx-" + id;
      String time = at.toString();
      String signed = transmission + "|" + time + "|8PT597110X687430LKGECATA|" + crc.getValue();
      Map<String, String> headers = new LinkedHashMap<>();
      headers.put("PAYPAL-TRANSMISSION-ID", transmission);
      headers.put("PAYPAL-TRANSMISSION-TIME", time);
      headers.put(
          "PAYPAL-CERT-URL", "https://api-m.paypal.com/v1/notifications/certs/CERT-conformance");
      headers.put("PAYPAL-AUTH-ALGO", "SHA256withRSA");
      headers.put(
          "PAYPAL-TRANSMISSION-SIG",
          sign(
              "SHA256withRSA",
              foreign ? other.getPrivate() : paypalKey,
              signed.getBytes(StandardCharsets.UTF_8)));
      return new Delivery(body, "application/json", headers, id);
    }

    Delivery adobe(String id, boolean foreign) throws GeneralSecurityException {
      String body =
          "{\"event_id\":\""
              + id
              + "\",\"event\":{\"conformance\":true},"
              + "\"recipient_client_id\":\"conformance-client\"}";
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      Map<String, String> headers = new LinkedHashMap<>();
      headers.put("x-adobe-event-id", id);
      headers.put(
          "x-adobe-digital-signature-1",
          sign("SHA256withRSA", foreign ? other.getPrivate() : adobe1.getPrivate(), bytes));
      headers.put(
          "x-adobe-digital-signature-2",
          sign("SHA256withRSA", foreign ? other.getPrivate() : adobe2.getPrivate(), bytes));
      headers.put("x-adobe-public-key1-path", "/conformance/pub-key-1.pem");
      headers.put("x-adobe-public-key2-path", "/conformance/pub-key-2.pem");
      return new Delivery(body, "application/json", headers, id);
    }

    Delivery plaid(String id, Instant at, boolean foreign)
        throws JOSEException, GeneralSecurityException {
      String body =
          "{\n  \"item_id\": \""
              + id
              + "\",\n  \"webhook_code\": \"DEFAULT_UPDATE\",\n"
              + "  \"webhook_type\": \"TRANSACTIONS\",\n  \"note\": \"conformance\"\n}";
      JWTClaimsSet claims =
          new JWTClaimsSet.Builder()
              .issueTime(Date.from(at))
              .claim("request_body_sha256", sha256Hex(body))
              .build();
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("conformance-plaid").build(), claims);
      jwt.sign(new ECDSASigner(foreign ? foreignEc : plaid));
      return new Delivery(
          body,
          "application/json",
          Map.of("Plaid-Verification", jwt.serialize()),
          "sha256:" + sha256Hex(body));
    }

    Delivery ebay(String id, boolean foreign) throws GeneralSecurityException {
      String body =
          "{\"metadata\":{\"topic\":\"MARKETPLACE_ACCOUNT_DELETION\",\"schemaVersion\":\"1.0\"},"
              + "\"notification\":{\"notificationId\":\""
              + id
              + "\",\"publishAttemptCount\":1,"
              + "\"data\":{\"username\":\"conformance\"}}}";
      String signature =
          sign(
              "SHA256withECDSA",
              foreign ? foreignEbay.getPrivate() : ebay.getPrivate(),
              body.getBytes(StandardCharsets.UTF_8));
      String header =
          Base64.getEncoder()
              .encodeToString(
                  ("{\"alg\":\"ecdsa\",\"kid\":\"conformance-ebay\",\"signature\":\""
                          + signature
                          + "\",\"digest\":\"SHA256\"}")
                      .getBytes(StandardCharsets.UTF_8));
      return new Delivery(body, "application/json", Map.of("X-EBAY-SIGNATURE", header), id);
    }

    private static String rs256(RSAKey key, String kid, JWTClaimsSet claims) throws JOSEException {
      SignedJWT jwt =
          new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(), claims);
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    }
  }
}
