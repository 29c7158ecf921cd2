package io.webhookkit.core.internal.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.webhookkit.core.MutableClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The remote key source against a real local HTTPS server with a certificate made for the run,
 * reached only through the programmatic API (the pin names {@code localhost} on the server's port,
 * the client trusts only that certificate): what is never fetched, what is fetched once, and what a
 * request gets when the host misbehaves.
 */
class RemoteKeySourceTest {
  @TempDir static Path dir;

  private LocalHttpsServer server;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T12:00:00Z"));

  /** {@code kid=value} lines. */
  private static Map<String, String> parse(byte[] body) {
    Map<String, String> keys = new LinkedHashMap<>();
    for (String line : new String(body, StandardCharsets.UTF_8).split("\n")) {
      int eq = line.indexOf('=');
      if (eq < 0) {
        throw new IllegalArgumentException("not a key line");
      }
      keys.put(line.substring(0, eq), line.substring(eq + 1));
    }
    return keys;
  }

  @BeforeEach
  void start() throws Exception {
    server = new LocalHttpsServer(dir, path -> LocalHttpsServer.Answer.ok("k1=key-one"));
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  private RemoteKeySource.Builder<String> source() {
    return RemoteKeySource.builder(
            HostPin.exact("localhost", "/keys/").onPort(server.port()), RemoteKeySourceTest::parse)
        .httpClient(
            HttpClient.newBuilder()
                .sslContext(server.clientContext())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(2))
                .build())
        .timeout(Duration.ofMillis(800))
        .clock(clock);
  }

  @Test
  void urlsOutsideThePinAreRefusedAndNeverFetched() {
    RemoteKeySource<String> keys = source().build();
    int port = server.port();
    List<String> refused =
        List.of(
            "http://localhost:" + port + "/keys/a.pem",
            "https://127.0.0.1:" + port + "/keys/a.pem",
            "https://localhost.evil.example:" + port + "/keys/a.pem",
            "https://evil.example/localhost/keys/a.pem",
            "https://user@localhost:" + port + "/keys/a.pem",
            "https://localhost:" + (port + 1) + "/keys/a.pem",
            "https://localhost:" + port + "/other/a.pem",
            "https://localhost:" + port + "/keys/../other.pem",
            "https://localhost:" + port + "/keys/a.pem?x=1");
    for (String url : refused) {
      assertThat(keys.key(URI.create(url), "k1")).as(url).isInstanceOf(KeyLookup.Refused.class);
    }
    assertThat(server.log()).isEmpty();
  }

  @Test
  void aRedirectIsNotFollowed() {
    server.answer(
        path ->
            path.equals("/keys/moved")
                ? new LocalHttpsServer.Answer(
                    302,
                    List.of("Location: https://localhost:" + server.port() + "/keys/a"),
                    new byte[0])
                : LocalHttpsServer.Answer.ok("k1=key-one"));

    KeyLookup<String> lookup = source().build().key(server.uri("/keys/moved"), "k1");

    assertThat(lookup).isInstanceOf(KeyLookup.Unavailable.class);
    assertThat(((KeyLookup.Unavailable<String>) lookup).retryAfter()).isPositive();
    assertThat(server.log()).containsExactly("/keys/moved");
  }

  @Test
  void anOversizedOrSlowAnswerLeavesTheKeyUnavailableWithinTheTimeOut() throws Exception {
    server.answer(path -> LocalHttpsServer.Answer.ok("k1=" + "x".repeat(100_000)));
    assertThat(source().build().key(server.uri("/keys/big"), "k1"))
        .isInstanceOf(KeyLookup.Unavailable.class);

    CountDownLatch never = new CountDownLatch(1);
    server.answer(
        path -> {
          try {
            never.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return LocalHttpsServer.Answer.ok("k1=late");
        });
    long start = System.nanoTime();
    KeyLookup<String> slow = source().build().key(server.uri("/keys/slow"), "k1");
    Duration waited = Duration.ofNanos(System.nanoTime() - start);
    never.countDown();

    assertThat(slow).isInstanceOf(KeyLookup.Unavailable.class);
    assertThat(waited).isLessThan(Duration.ofSeconds(3));
  }

  @Test
  void aSecondLookupIsACacheHitUntilMaxAgeWithinTheBounds() {
    server.answer(path -> LocalHttpsServer.Answer.ok("k1=key-one", "Cache-Control: max-age=120"));
    RemoteKeySource<String> keys =
        source()
            .freshness(Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofHours(24))
            .build();
    URI url = server.uri("/keys/set");

    assertThat(keys.key(url, "k1")).isEqualTo(new KeyLookup.Found<>("key-one"));
    clock.advance(Duration.ofSeconds(90)); // fresh, and before the background refresh (96 s)
    assertThat(keys.key(url, "k1")).isEqualTo(new KeyLookup.Found<>("key-one"));
    assertThat(server.log()).hasSize(1);
    clock.advance(Duration.ofSeconds(31));
    assertThat(keys.key(url, "k1")).isEqualTo(new KeyLookup.Found<>("key-one"));
    assertThat(server.log()).hasSize(2);
    assertThat(keys.ttl(Optional.of("max-age=5"))).isEqualTo(Duration.ofMinutes(1));
    assertThat(keys.ttl(Optional.of("max-age=999999"))).isEqualTo(Duration.ofHours(24));
    assertThat(keys.ttl(Optional.of("no-store"))).isEqualTo(Duration.ofMinutes(1));
    assertThat(keys.ttl(Optional.empty())).isEqualTo(Duration.ofHours(1));
  }

  /**
   * Past four fifths of its freshness a key is refreshed in the background: the request is answered
   * from the cache at once. Were it to wait for the refresh, it would get the rotated key (the
   * server answers after at most 3 s, within the 8 s time-out) and fail.
   */
  @Test
  void aKeyNearItsExpiryIsRefreshedOffTheRequestWhichDoesNotWait() throws Exception {
    server.answer(path -> LocalHttpsServer.Answer.ok("k1=key-one", "Cache-Control: max-age=100"));
    RemoteKeySource<String> keys = source().timeout(Duration.ofSeconds(8)).build();
    URI url = server.uri("/keys/set");
    assertThat(keys.key(url, "k1")).isEqualTo(new KeyLookup.Found<>("key-one"));

    CountDownLatch release = new CountDownLatch(1);
    server.answer(
        path -> {
          try {
            release.await(3, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return LocalHttpsServer.Answer.ok("k1=key-rotated", "Cache-Control: max-age=100");
        });
    clock.advance(Duration.ofSeconds(85));
    assertThat(keys.key(url, "k1")).isEqualTo(new KeyLookup.Found<>("key-one"));

    release.countDown();
    keys.awaitFetches();
    assertThat(keys.key(url, "k1")).isEqualTo(new KeyLookup.Found<>("key-rotated"));
    assertThat(server.log()).hasSize(2);
  }

  @Test
  void fiftyConcurrentRequestsForANewKeyMakeOneFetch() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    server.answer(
        path -> {
          try {
            release.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return LocalHttpsServer.Answer.ok("k1=key-one");
        });
    RemoteKeySource<String> keys = source().timeout(Duration.ofSeconds(10)).build();
    URI url = server.uri("/keys/new");
    ExecutorService pool = Executors.newFixedThreadPool(50);
    CountDownLatch asked = new CountDownLatch(50);
    List<Future<KeyLookup<String>>> lookups = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      lookups.add(
          pool.submit(
              () -> {
                asked.countDown();
                return keys.key(url, "k1");
              }));
    }
    assertThat(asked.await(10, TimeUnit.SECONDS)).isTrue();
    release.countDown();
    for (Future<KeyLookup<String>> f : lookups) {
      assertThat(f.get(10, TimeUnit.SECONDS)).isEqualTo(new KeyLookup.Found<>("key-one"));
    }
    pool.shutdownNow();
    assertThat(server.log()).hasSize(1);
  }

  @Test
  void whileTheHostIsDownTheLastGoodKeyStillVerifies() {
    RemoteKeySource<String> keys = source().build();
    URI url = server.uri("/keys/set");
    assertThat(keys.key(url, "k1")).isEqualTo(new KeyLookup.Found<>("key-one"));

    server.answer(path -> new LocalHttpsServer.Answer(500, List.of(), new byte[0]));
    clock.advance(Duration.ofHours(2)); // past the freshness: a refresh is tried and fails

    assertThat(keys.key(url, "k1")).isEqualTo(new KeyLookup.Found<>("key-one"));
    assertThat(server.log()).hasSize(2);
    assertThat(keys.key(url, "k2")).isInstanceOf(KeyLookup.Unavailable.class);
  }

  @Test
  void aStormOfForgedKeyIdsRefreshesAtMostOncePerInterval() {
    RemoteKeySource<String> keys = source().minRefresh(Duration.ofMinutes(5)).build();
    URI url = server.uri("/keys/set");
    assertThat(keys.key(url, "k1")).isEqualTo(new KeyLookup.Found<>("key-one"));

    clock.advance(Duration.ofMinutes(6));
    for (int i = 0; i < 200; i++) {
      assertThat(keys.key(url, "forged-" + i)).isInstanceOf(KeyLookup.NotFound.class);
    }

    // The first forged id refreshed once (six minutes after the fetch); the rest were answered
    // from the set just fetched.
    assertThat(server.log()).hasSize(2);
    assertThat(keys.key(url, "k1")).isEqualTo(new KeyLookup.Found<>("key-one"));
  }

  @Test
  void aStormOfForgedKeyUrlsIsFetchedOnlyWithinTheNewUrlBudget() {
    RemoteKeySource<String> keys =
        source().minRefresh(Duration.ofMinutes(5)).newUrlsPerInterval(3).build();
    for (int i = 0; i < 100; i++) {
      KeyLookup<String> lookup = keys.key(server.uri("/keys/forged-" + i + ".pem"), "k1");
      if (i < 3) {
        assertThat(lookup).as("within the budget").isEqualTo(new KeyLookup.Found<>("key-one"));
      } else {
        assertThat(lookup).as("past the budget").isInstanceOf(KeyLookup.Unavailable.class);
      }
    }
    assertThat(server.log()).hasSize(3);
    // a URL already fetched is not charged again, and the budget refills with the interval
    assertThat(keys.key(server.uri("/keys/forged-0.pem"), "k1"))
        .isEqualTo(new KeyLookup.Found<>("key-one"));
    clock.advance(Duration.ofMinutes(5));
    assertThat(keys.key(server.uri("/keys/new.pem"), "k1"))
        .isEqualTo(new KeyLookup.Found<>("key-one"));
    assertThat(server.log()).hasSize(4);
  }

  /** A provider whose key endpoint wants a POST with credentials (Plaid's) gets one. */
  @Test
  void theRequestCanBeAPostWithABody() {
    RemoteKeySource<String> keys =
        source()
            .request(
                (url, timeout) ->
                    HttpRequest.newBuilder(url)
                        .timeout(timeout)
                        .POST(HttpRequest.BodyPublishers.ofString("{}"))
                        .build())
            .build();
    assertThat(keys.key(server.uri("/keys/by-post"), "k1"))
        .isEqualTo(new KeyLookup.Found<>("key-one"));
    assertThat(server.requests())
        .singleElement()
        .asString()
        .startsWith("POST /keys/by-post ")
        .endsWith(" {}");
  }

  @Test
  void aClientThatFollowsRedirectsIsRefused() {
    assertThatThrownBy(
            () ->
                source()
                    .httpClient(
                        HttpClient.newBuilder()
                            .followRedirects(HttpClient.Redirect.NORMAL)
                            .build()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
