package io.webhookkit.store.redis;

import io.webhookkit.core.idempotency.IdempotencyStore;
import io.webhookkit.core.inbox.DeliveryInbox;
import io.webhookkit.test.InboxCompatibilityKit;
import io.webhookkit.test.RemoteIdempotencyStoreCompatibilityKit;
import java.net.ServerSocket;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import redis.embedded.RedisServer;

/** The store compatibility kit on a real redis-server (embedded-redis), stopped and restarted. */
class RedisStoreCompatibilityTest extends RemoteIdempotencyStoreCompatibilityKit {
  private static RedisServer server;
  private static int port;
  private RedisIdempotencyStore redisStore;

  static RedisServer redisOn(int port) throws Exception {
    return RedisServer.newRedisServer()
        .port(port)
        .bind("127.0.0.1")
        .setting("save \"\"")
        .setting("appendonly no")
        .build();
  }

  static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  @BeforeAll
  static void startRedis() throws Exception {
    port = freePort();
    server = redisOn(port);
    server.start();
  }

  @AfterAll
  static void stopRedis() throws Exception {
    server.stop();
  }

  @Override
  protected IdempotencyStore createStore(Clock clock) {
    redisStore = RedisIdempotencyStore.connect("redis://127.0.0.1:" + port, "webhook:", clock);
    return redisStore;
  }

  @AfterEach
  void closeStore() throws Exception {
    redisStore.close();
  }

  @Override
  protected void stopServer() throws Exception {
    server.stop();
  }

  @Override
  protected void startServer() throws Exception {
    server = redisOn(port);
    server.start();
    // Lettuce reconnects on its own; wait until it has, so the next command is not rejected.
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (System.nanoTime() < deadline) {
      try {
        redisStore.release("kit:reconnect-probe", "none");
        return;
      } catch (io.webhookkit.core.idempotency.IdempotencyStoreException stillDown) {
        Thread.onSpinWait();
      }
    }
  }

  /** The inbox compatibility kit on the same server: the kit's clock, then Redis's own. */
  @Nested
  class Inbox extends InboxCompatibilityKit {
    @Override
    protected DeliveryInbox createInbox(Clock clock) {
      return redisStore.withInboxClock(clock);
    }

    @Override
    protected DeliveryInbox createInboxOnItsOwnClock() {
      return redisStore;
    }

    @Override
    protected boolean hasServer() {
      return true;
    }

    @Override
    protected void stopServer() throws Exception {
      RedisStoreCompatibilityTest.this.stopServer();
    }

    @Override
    protected void startServer() throws Exception {
      RedisStoreCompatibilityTest.this.startServer();
    }
  }
}
