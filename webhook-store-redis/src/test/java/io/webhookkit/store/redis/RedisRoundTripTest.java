package io.webhookkit.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.event.command.CommandListener;
import io.lettuce.core.event.command.CommandStartedEvent;
import io.webhookkit.core.idempotency.Acquisition;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import redis.embedded.RedisServer;

/** Every operation is one command on the wire (an EVAL of its script). */
class RedisRoundTripTest {
  @Test
  void acquireCompleteAndReplayAreOneCommandEach() throws Exception {
    int port = RedisStoreCompatibilityTest.freePort();
    RedisServer server = RedisStoreCompatibilityTest.redisOn(port);
    server.start();
    RedisClient client = RedisClient.create("redis://127.0.0.1:" + port);
    List<String> commands = new CopyOnWriteArrayList<>();
    client.addListener(
        new CommandListener() {
          @Override
          public void commandStarted(CommandStartedEvent event) {
            commands.add(event.getCommand().getType().toString());
          }
        });
    try (StatefulRedisConnection<String, String> connection = client.connect()) {
      RedisIdempotencyStore store =
          RedisIdempotencyStore.of(connection.sync(), "rt:", Clock.systemUTC());
      commands.clear();

      Acquisition a = store.acquire("e:1", "fp", Duration.ofMinutes(1));
      List<String> acquire = List.copyOf(commands);
      commands.clear();
      store.complete("e:1", ((Acquisition.Acquired) a).ownerToken(), 200, Duration.ofDays(1));
      List<String> complete = List.copyOf(commands);
      commands.clear();
      Acquisition replay = store.acquire("e:1", "fp", Duration.ofMinutes(1));

      assertThat(acquire).containsExactly("EVAL");
      assertThat(complete).containsExactly("EVAL");
      assertThat(commands).containsExactly("EVAL");
      assertThat(replay).isEqualTo(new Acquisition.Completed(200));
    } finally {
      client.shutdown();
      server.stop();
    }
  }
}
