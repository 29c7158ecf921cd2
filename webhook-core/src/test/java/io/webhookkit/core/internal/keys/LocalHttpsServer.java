package io.webhookkit.core.internal.keys;

import io.webhookkit.core.provider.RemoteKeys;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * A small HTTPS/1.1 server on 127.0.0.1 with a certificate made by {@code keytool} for this run
 * (the test CA is the certificate itself): it answers each request with what the test's function
 * returns and logs every path asked for, so that tests can assert what was — and was not — fetched.
 */
public final class LocalHttpsServer implements AutoCloseable {
  /** One answer. */
  public record Answer(int status, List<String> headers, byte[] body) {
    /** 200 with this body and these header lines. */
    public static Answer ok(String body, String... headers) {
      return new Answer(200, List.of(headers), body.getBytes(StandardCharsets.UTF_8));
    }
  }

  private final SSLServerSocket socket;
  private final SSLContext context;
  private final X509Certificate testCa;
  private final ExecutorService pool = Executors.newCachedThreadPool();
  private final List<String> log = new CopyOnWriteArrayList<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private volatile Function<String, Answer> handler;

  /** Runs {@code keytool} with these arguments, failing with its output when it fails. */
  public static void keytool(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    Process keytool = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] out = keytool.getInputStream().readAllBytes();
    if (keytool.waitFor() != 0) {
      throw new IllegalStateException(new String(out, StandardCharsets.UTF_8));
    }
  }

  /** The password of every key store made here. */
  public static final String STORE_PASSWORD = "changeit";

  /**
   * A PKCS12 key store holding one key pair and its self-signed certificate under this alias, made
   * by {@code keytool -genkeypair} with these further arguments when the file does not exist yet.
   */
  public static KeyStore keyStore(Path store, String alias, String... genkeypair) throws Exception {
    if (!Files.exists(store)) {
      List<String> args = new ArrayList<>(List.of("-genkeypair", "-alias", alias));
      args.addAll(List.of(genkeypair));
      args.addAll(
          List.of(
              "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", STORE_PASSWORD));
      keytool(args.toArray(String[]::new));
    }
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      keys.load(in, STORE_PASSWORD.toCharArray());
    }
    return keys;
  }

  /** A server whose certificate is kept in this directory, answering with this function. */
  public LocalHttpsServer(Path dir, Function<String, Answer> handler) throws Exception {
    this.handler = handler;
    this.testCa = testCa(dir);
    KeyStore keys =
        keyStore(
            dir.resolve("local-https.p12"),
            "local",
            "-keyalg",
            "EC",
            "-groupname",
            "secp256r1",
            "-dname",
            "CN=localhost",
            "-ext",
            "SAN=dns:localhost,ip:127.0.0.1",
            "-validity",
            "2");
    KeyManagerFactory km = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    km.init(keys, STORE_PASSWORD.toCharArray());
    TrustManagerFactory tm =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tm.init(keys);
    context = SSLContext.getInstance("TLS");
    context.init(km.getKeyManagers(), tm.getTrustManagers(), null);
    socket =
        (SSLServerSocket)
            context
                .getServerSocketFactory()
                .createServerSocket(0, 100, InetAddress.getLoopbackAddress());
    pool.execute(this::accept);
  }

  /** A client context trusting this server's certificate (and nothing else). */
  public SSLContext clientContext() {
    return context;
  }

  /**
   * Settings that fetch every preset's keys from this server (a client trusting its certificate,
   * following no redirects, a 2-second time-out), judged by this clock; signing certificates chain
   * to the CAs the JDK trusts (the providers' published certificates) or to this directory's {@link
   * #testCa test CA} (the {@link #signer signers'}).
   */
  public RemoteKeys remoteKeys(Clock clock) {
    Set<X509Certificate> anchors = new HashSet<>(CertificateChains.jdkCertificates());
    anchors.add(testCa);
    return RemoteKeys.builder()
        .httpClient(
            HttpClient.newBuilder()
                .sslContext(context)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build())
        .testServer("localhost", port())
        .timeout(Duration.ofSeconds(2))
        .clock(clock)
        .trustAnchors(anchors)
        .build();
  }

  /** The test CA of this directory ({@code CN=webhook-kit test CA}), made when first asked for. */
  public static X509Certificate testCa(Path dir) throws Exception {
    return (X509Certificate) caStore(dir).getCertificate("ca");
  }

  private static KeyStore caStore(Path dir) throws Exception {
    return keyStore(
        dir.resolve("test-ca.p12"),
        "ca",
        "-keyalg",
        "RSA",
        "-keysize",
        "2048",
        "-dname",
        "CN=webhook-kit test CA",
        "-ext",
        "bc:c",
        "-startdate",
        "2026/01/01 00:00:00",
        "-validity",
        "3650");
  }

  /**
   * A signer's key pair and certificate valid from 2026-11-01 for 90 days, issued by this
   * directory's {@link #testCa test CA} (or, with {@code selfSigned}, by itself), made by {@code
   * keytool} under this alias and name (e.g. {@code CN=sns.amazonaws.com}) with these further
   * {@code -gencert} arguments (e.g. {@code -ext SAN=dns:sns.amazonaws.com}); the private key, and
   * the certificate as PEM.
   */
  public static Signer signer(Path dir, String alias, String dname, String... more)
      throws Exception {
    return signer(dir, false, alias, dname, more);
  }

  /** A signer whose certificate is self-signed: it chains to no CA. */
  public static Signer selfSigned(Path dir, String alias, String dname, String... more)
      throws Exception {
    return signer(dir, true, alias, dname, more);
  }

  private static Signer signer(
      Path dir, boolean selfSigned, String alias, String dname, String... more) throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of(
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-dname",
                dname,
                "-startdate",
                "2026/11/01 00:00:00",
                "-validity",
                "90"));
    if (selfSigned) {
      args.addAll(List.of(more));
    }
    Path store = dir.resolve(alias + ".p12");
    KeyStore keys = keyStore(store, alias, args.toArray(String[]::new));
    Path pem = dir.resolve(alias + ".pem");
    if (!Files.exists(pem)) {
      if (selfSigned) {
        keytool(
            "-exportcert",
            "-rfc",
            "-alias",
            alias,
            "-keystore",
            store.toString(),
            "-storepass",
            STORE_PASSWORD,
            "-file",
            pem.toString());
      } else {
        caStore(dir);
        Path csr = dir.resolve(alias + ".csr");
        keytool(
            "-certreq",
            "-alias",
            alias,
            "-keystore",
            store.toString(),
            "-storepass",
            STORE_PASSWORD,
            "-file",
            csr.toString());
        List<String> gencert =
            new ArrayList<>(
                List.of(
                    "-gencert",
                    "-rfc",
                    "-alias",
                    "ca",
                    "-keystore",
                    dir.resolve("test-ca.p12").toString(),
                    "-storepass",
                    STORE_PASSWORD,
                    "-infile",
                    csr.toString(),
                    "-outfile",
                    pem.toString(),
                    "-startdate",
                    "2026/11/01 00:00:00",
                    "-validity",
                    "90"));
        gencert.addAll(List.of(more));
        keytool(gencert.toArray(String[]::new));
      }
    }
    return new Signer(
        (PrivateKey) keys.getKey(alias, STORE_PASSWORD.toCharArray()), Files.readAllBytes(pem));
  }

  /** A private key and its certificate as PEM. */
  public record Signer(PrivateKey key, byte[] certificatePem) {}

  /** The port on 127.0.0.1. */
  public int port() {
    return socket.getLocalPort();
  }

  /** This path on the server, as {@code https://localhost:<port><path>}. */
  public URI uri(String path) {
    return URI.create("https://localhost:" + port() + path);
  }

  /** The paths requested, in order. */
  public List<String> log() {
    return List.copyOf(log);
  }

  /**
   * The requests, in order, each as {@code METHOD path header|header… body} (for asserting what a
   * key fetch sent: its method, credentials and body).
   */
  public List<String> requests() {
    return List.copyOf(requests);
  }

  /** Answers from now on with this function. */
  public void answer(Function<String, Answer> handler) {
    this.handler = handler;
  }

  private void accept() {
    while (!socket.isClosed()) {
      try {
        Socket s = socket.accept();
        pool.execute(() -> serve(s));
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void serve(Socket s) {
    try (s) {
      BufferedReader in =
          new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
      String requestLine = in.readLine();
      if (requestLine == null) {
        return;
      }
      String line;
      int length = 0;
      List<String> headers = new ArrayList<>();
      while ((line = in.readLine()) != null && !line.isEmpty()) {
        headers.add(line);
        if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
          length = Integer.parseInt(line.substring(15).trim());
        }
      }
      char[] body = new char[length];
      for (int read = 0; read < length; ) {
        int n = in.read(body, read, length - read);
        if (n < 0) {
          break;
        }
        read += n;
      }
      String[] parts = requestLine.split(" ");
      String path = parts[1];
      log.add(path);
      requests.add(
          parts[0] + " " + path + " " + String.join("|", headers) + " " + new String(body));
      Answer a = handler.apply(path);
      OutputStream out = s.getOutputStream();
      StringBuilder head = new StringBuilder("HTTP/1.1 " + a.status() + " X\r\n");
      head.append("Content-Length: ").append(a.body().length).append("\r\n");
      head.append("Connection: close\r\n");
      for (String h : a.headers()) {
        head.append(h).append("\r\n");
      }
      head.append("\r\n");
      out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
      out.write(a.body());
      out.flush();
    } catch (IOException | RuntimeException e) {
      // the client went away
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
    pool.shutdownNow();
  }
}
