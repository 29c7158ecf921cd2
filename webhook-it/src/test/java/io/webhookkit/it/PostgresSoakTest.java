package io.webhookkit.it;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.AfterEach;

/** The soak on PostgreSQL 18 (embedded): webhook.idempotency.store=jdbc, a pool per instance. */
class PostgresSoakTest extends ExactlyOnceSoakKit {
  private EmbeddedPostgres postgres;
  private Path data;
  private int port;
  private final List<HikariDataSource> pools = new ArrayList<>();

  @Override
  protected List<Server> startInstances() throws Exception {
    data = Files.createTempDirectory(Path.of("target"), "pg-soak");
    postgres =
        EmbeddedPostgres.builder()
            .setPGStartupWait(java.time.Duration.ofSeconds(60))
            .setDataDirectory(data)
            .setCleanDataDirectory(false)
            .start();
    port = postgres.getPort();
    List<Server> servers = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      HikariConfig config = new HikariConfig();
      config.setJdbcUrl("jdbc:postgresql://127.0.0.1:" + port + "/postgres");
      config.setUsername("postgres");
      config.setMaximumPoolSize(8);
      config.setConnectionTimeout(500);
      config.setInitializationFailTimeout(-1);
      HikariDataSource pool = new HikariDataSource(config);
      pools.add(pool);
      servers.add(
          Instances.start(
              Map.of(
                  "webhook.idempotency.store",
                  "jdbc",
                  "webhook.idempotency.jdbc.create-table",
                  "true"),
              Map.of("javax.sql.DataSource", pool)));
    }
    return servers;
  }

  @Override
  protected void stopStore() throws Exception {
    postgres.close();
  }

  @Override
  protected void startStore() throws Exception {
    postgres =
        EmbeddedPostgres.builder()
            .setPGStartupWait(java.time.Duration.ofSeconds(60))
            .setPort(port)
            .setDataDirectory(data)
            .setCleanDataDirectory(false)
            .start();
  }

  @Override
  protected String storeName() {
    return "postgresql";
  }

  @AfterEach
  void stop() throws Exception {
    pools.forEach(HikariDataSource::close);
    postgres.close();
  }
}
