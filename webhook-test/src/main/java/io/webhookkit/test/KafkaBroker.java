package io.webhookkit.test;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.jspecify.annotations.Nullable;

/**
 * A real one-node Kafka broker (KRaft, broker and controller in one process) for tests, run in a
 * child JVM from {@code org.apache.kafka:kafka_2.13} on the class path: formatted once, started,
 * stopped ({@code SIGTERM}) or killed ({@code SIGKILL}) and started again on the same port and log
 * directory, as an operator would. Binds to 127.0.0.1 only. Ready when it describes the cluster
 * through the admin client ({@code kafka-clients} on the class path).
 */
public final class KafkaBroker implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

  private final Path dir;
  private final int port;
  private final int controllerPort;
  private final String classpath;
  private final Deque<String> lastLines = new ArrayDeque<>();
  private @Nullable Process process;

  private KafkaBroker(Path dir, String classpath) throws IOException {
    this.dir = dir;
    this.classpath = classpath;
    this.port = freePort();
    this.controllerPort = freePort();
    Files.writeString(dir.resolve("server.properties"), properties(), StandardCharsets.UTF_8);
    run(
        List.of(
            "kafka.tools.StorageTool",
            "format",
            "-t",
            clusterId(),
            "-c",
            dir.resolve("server.properties").toString()),
        "Formatting");
  }

  /**
   * Formats a new broker in a temporary directory and starts it.
   *
   * @throws IOException when it does not start within 90 s; the message has its last output
   */
  public static KafkaBroker start() throws IOException {
    KafkaBroker broker =
        new KafkaBroker(Files.createTempDirectory("webhook-kafka-broker"), brokerClasspath());
    broker.restart();
    return broker;
  }

  /**
   * The broker's class path: the system property {@code webhook.kafka.broker.classpath}, else the
   * one this module's build resolved (kafka_2.13 and its dependencies in the local Maven
   * repository), else this JVM's.
   */
  private static String brokerClasspath() throws IOException {
    String given = System.getProperty("webhook.kafka.broker.classpath");
    if (given != null) {
      return given;
    }
    try (InputStream in = KafkaBroker.class.getResourceAsStream("kafka-broker.classpath")) {
      if (in != null) {
        String resolved = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        boolean present =
            !resolved.isEmpty()
                && Arrays.stream(resolved.split(File.pathSeparator))
                    .allMatch(jar -> Files.isRegularFile(Path.of(jar)));
        if (present) {
          return resolved;
        }
      }
    }
    return System.getProperty("java.class.path");
  }

  /** {@code 127.0.0.1:<port>}, for {@code bootstrap.servers}. */
  public String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  /** Whether the broker process is running. */
  public boolean isRunning() {
    Process p = process;
    return p != null && p.isAlive();
  }

  /**
   * Starts the broker again (same port, same data) after {@link #stop()} or {@link #kill()}.
   *
   * @throws IOException when it does not start within 90 s
   */
  public synchronized void restart() throws IOException {
    if (isRunning()) {
      return;
    }
    process = run(List.of("kafka.Kafka", dir.resolve("server.properties").toString()), null);
  }

  /** Stops the broker as an operator would ({@code SIGTERM}), and waits for the process to end. */
  public synchronized void stop() {
    end(false);
  }

  /**
   * Freezes the broker ({@code SIGSTOP}): its connections stay open and nothing is answered, as a
   * hung or partitioned broker. {@link #resume()} lets it go on where it stopped, without the
   * restart and the leader election a {@link #kill()} costs.
   *
   * @throws IOException when the signal cannot be sent
   */
  public synchronized void pause() throws IOException {
    signal("STOP");
  }

  /**
   * Lets a {@link #pause() paused} broker go on ({@code SIGCONT}).
   *
   * @throws IOException when the signal cannot be sent
   */
  public synchronized void resume() throws IOException {
    signal("CONT");
  }

  private void signal(String name) throws IOException {
    Process p = process;
    if (p == null || !p.isAlive()) {
      throw new IOException("the broker is not running");
    }
    try {
      int exit = new ProcessBuilder("kill", "-" + name, Long.toString(p.pid())).start().waitFor();
      if (exit != 0) {
        throw new IOException("kill -" + name + " " + p.pid() + " exited with " + exit);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  /** Kills the broker ({@code SIGKILL}), and waits for the process to end. */
  public synchronized void kill() {
    end(true);
  }

  private void end(boolean forcibly) {
    Process p = process;
    if (p == null) {
      return;
    }
    if (forcibly) {
      p.destroyForcibly();
    } else {
      p.destroy();
    }
    try {
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process = null;
  }

  /** Stops the broker and deletes its directory (its log and data). */
  @Override
  public void close() {
    kill();
    TempDirectories.delete(dir);
  }

  /**
   * Runs a Kafka main class in a child JVM. With {@code doneLine} null, waits until the broker says
   * it started and returns the process; else waits for the process to end.
   */
  private @Nullable Process run(List<String> mainAndArgs, @Nullable String doneLine)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("-Xms256m");
    command.add("-Xmx512m");
    command.add("-XX:+UseSerialGC");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-Djava.net.preferIPv4Stack=true");
    command.add("-cp");
    command.add(classpath);
    command.addAll(mainAndArgs);
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(
                      new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                  synchronized (lastLines) {
                    lastLines.addLast(line);
                    if (lastLines.size() > 40) {
                      lastLines.removeFirst();
                    }
                  }
                }
              } catch (IOException ended) {
                // the process ended
              }
            },
            "kafka-broker-output");
    reader.setDaemon(true);
    reader.start();
    try {
      if (doneLine != null) {
        if (!p.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS) || p.exitValue() != 0) {
          p.destroyForcibly();
          throw new IOException("kafka storage format failed: " + output());
        }
        return null;
      }
      long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
      while (!ready()) {
        if (!p.isAlive() || System.nanoTime() > deadline) {
          p.destroyForcibly();
          throw new IOException("the Kafka broker did not start: " + output());
        }
        Thread.sleep(100); // polling a child process's port: nothing to wait on
      }
      return p;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      throw new IOException("interrupted while starting Kafka", e);
    }
  }

  /** Whether the broker answers a cluster description with itself as the controller. */
  private boolean ready() {
    // a closed port is refused at once; an admin client would wait out its timeout
    try (Socket probe = new Socket()) {
      probe.connect(
          new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port), 200);
    } catch (IOException notListening) {
      return false;
    }
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
    p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "2000");
    try (Admin admin = Admin.create(p)) {
      return admin.describeCluster().controller().get(3, TimeUnit.SECONDS) != null;
    } catch (ExecutionException | TimeoutException | KafkaException notYet) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * Creates a topic of one partition, so that the first record does not wait for its creation.
   *
   * @throws IOException when the broker refuses
   */
  public void createTopic(String name) throws IOException {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    try (Admin admin = Admin.create(p)) {
      admin.createTopics(List.of(new NewTopic(name, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IOException("cannot create topic " + name, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  /**
   * Every record of partition 0 of a topic with this key, read from the beginning.
   *
   * @param bootstrapServers the broker
   */
  public static List<ConsumerRecord<byte[], byte[]>> records(
      String bootstrapServers, String topic, String key) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      TopicPartition tp = new TopicPartition(topic, 0);
      consumer.assign(List.of(tp));
      consumer.seekToBeginning(List.of(tp));
      long end =
          Objects.requireNonNull(
              consumer.endOffsets(List.of(tp), Duration.ofSeconds(30)).get(tp), "end offset");
      while (consumer.position(tp, Duration.ofSeconds(30)) < end) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
          if (r.key() != null && new String(r.key(), StandardCharsets.UTF_8).equals(key)) {
            found.add(r);
          }
        }
      }
    }
    return found;
  }

  private String output() {
    synchronized (lastLines) {
      return String.join(System.lineSeparator(), lastLines);
    }
  }

  private String properties() {
    String logs = dir.resolve("data").toString().replace('\\', '/');
    return String.join(
        "\n",
        "process.roles=broker,controller",
        "node.id=1",
        "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
        "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
        "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
        "controller.listener.names=CONTROLLER",
        "inter.broker.listener.name=PLAINTEXT",
        "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
        "log.dirs=" + logs,
        "num.partitions=1",
        "auto.create.topics.enable=true",
        "offsets.topic.replication.factor=1",
        "offsets.topic.num.partitions=1",
        "transaction.state.log.replication.factor=1",
        "transaction.state.log.min.isr=1",
        "share.coordinator.state.topic.replication.factor=1",
        "share.coordinator.state.topic.min.isr=1",
        "group.initial.rebalance.delay.ms=0",
        "");
  }

  /**
   * A random cluster id in Kafka's form: Kafka's own {@code Uuid.randomUuid()}, which never starts
   * with {@code -} (the storage tool would read such an id as an option; one in 64 did when the kit
   * drew its own).
   */
  static String clusterId() {
    return Uuid.randomUuid().toString();
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
