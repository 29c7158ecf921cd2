package io.webhookkit.core.internal.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.webhookkit.core.provider.RemoteKeys;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

/**
 * A provider's published key set (JWKS) for tests: a {@link LocalHttpsServer} answering one path
 * with the set (and {@code Cache-Control: max-age=3600}), the {@link RemoteKeys} that send every
 * preset's key host there, and a signer of tokens with a test key.
 */
public final class TestJwks implements AutoCloseable {
  private final LocalHttpsServer server;
  private final String path;
  private volatile String json;

  /** Serves these public keys at this path. */
  public TestJwks(Path dir, String path, JWK... keys) throws Exception {
    this.path = path;
    publish(keys);
    this.server =
        new LocalHttpsServer(
            dir,
            p ->
                p.equals(this.path)
                    ? LocalHttpsServer.Answer.ok(json, "Cache-Control: public, max-age=3600")
                    : new LocalHttpsServer.Answer(404, List.of(), new byte[0]));
  }

  /** Serves these public keys from now on. */
  public void publish(JWK... keys) {
    this.json = new JWKSet(Arrays.stream(keys).map(JWK::toPublicJWK).toList()).toString();
  }

  /** Serves this text from now on (a provider's published set as it is). */
  public void publish(String keySet) {
    this.json = keySet;
  }

  /** The server (its log, or to answer otherwise). */
  public LocalHttpsServer server() {
    return server;
  }

  /** Settings that fetch every preset's keys from this server, on this clock. */
  public RemoteKeys remoteKeys(Clock clock) {
    return server.remoteKeys(clock);
  }

  /** A JWT with these claims, RS256-signed by this key under this key id. */
  public static String sign(RSAKey key, String kid, JWTClaimsSet claims) throws JOSEException {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).type(JOSEObjectType.JWT).build(),
            claims);
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
