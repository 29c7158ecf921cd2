package io.webhookkit.it;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.AfterEach;
import redis.embedded.RedisServer;

/**
 * The soak on a real redis-server: webhook.idempotency.store=redis, a client per instance. The
 * server keeps an append-only file so that a restart does not forget completed deliveries.
 */
class RedisSoakTest extends ExactlyOnceSoakKit {
  private RedisServer redis;
  private int port;
  private Path dir;

  private RedisServer redisServer() throws Exception {
    return RedisServer.newRedisServer()
        .port(port)
        .bind("127.0.0.1")
        .setting("save \"\"")
        .setting("appendonly yes")
        .setting("appendfsync always")
        .setting("dir " + dir.toAbsolutePath())
        .build();
  }

  @Override
  protected List<Server> startInstances() throws Exception {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    dir = Files.createTempDirectory(Path.of("target"), "redis-soak");
    redis = redisServer();
    redis.start();
    List<Server> servers = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      servers.add(
          Instances.start(
              Map.of(
                  "webhook.idempotency.store",
                  "redis",
                  "webhook.idempotency.redis.uri",
                  "redis://127.0.0.1:" + port),
              Map.of()));
    }
    return servers;
  }

  @Override
  protected void stopStore() throws Exception {
    redis.stop();
  }

  @Override
  protected void startStore() throws Exception {
    redis = redisServer();
    redis.start();
  }

  @Override
  protected String storeName() {
    return "redis";
  }

  @AfterEach
  void stop() throws Exception {
    redis.stop();
  }
}
