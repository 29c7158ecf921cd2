package io.webhookkit.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.webhookkit.test.ProviderSimulator;
import io.webhookkit.test.RetrySchedule;
import io.webhookkit.test.TestDelivery;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.Test;

/**
 * Exactly-once under faults: two application instances (each its own filter and its own store
 * client) share one store server; a provider simulator sends N deliveries to either, 30 % of them
 * twice (half at the same moment to the other instance, half after the first was delivered), the
 * application fails 10 % of calls at random, and the store server is stopped and restarted when a
 * third of the deliveries are done. Every delivery must end processed exactly once.
 */
abstract class ExactlyOnceSoakKit {
  /** Starts the two instances against the store; called once per run. */
  protected abstract List<Server> startInstances() throws Exception;

  /** Stops the store's server. */
  protected abstract void stopStore() throws Exception;

  /** Starts the store's server again with its data. */
  protected abstract void startStore() throws Exception;

  /** The store's name, for the report. */
  protected abstract String storeName();

  @Test
  void everyDeliveryIsProcessedExactlyOnceDespiteDuplicatesFailuresAndAStoreOutage()
      throws Exception {
    int n = Integer.getInteger("soak.deliveries", 5000);
    SoakServlet.PROCESSED.clear();
    SoakServlet.FAILED.set(0);
    List<Server> instances = startInstances();
    List<URI> uris = instances.stream().map(Instances::uri).toList();
    ExecutorService senders = Executors.newFixedThreadPool(16);
    ProviderSimulator provider =
        ProviderSimulator.builder()
            .schedule(RetrySchedule.fixed(Duration.ofMillis(25), 800))
            .timeout(Duration.ofSeconds(10))
            .build();
    AtomicInteger done = new AtomicInteger();
    AtomicBoolean outageStarted = new AtomicBoolean();
    AtomicLong outageMillis = new AtomicLong();
    CompletableFuture<Void> outage = new CompletableFuture<>();
    List<CompletableFuture<ProviderSimulator.DeliveryLog>> logs = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    int duplicates = 0;
    long started = System.nanoTime();
    try {
      for (int i = 0; i < n; i++) {
        TestDelivery delivery =
            TestDelivery.standardWebhooks(Instances.SECRET)
                .withBody("{\"type\":\"order.paid\",\"n\":" + i + "}");
        ids.add(delivery.id());
        int first = ThreadLocalRandom.current().nextInt(2);
        URI target = uris.get(first);
        URI other = uris.get(1 - first);
        CompletableFuture<ProviderSimulator.DeliveryLog> original =
            CompletableFuture.supplyAsync(() -> deliver(provider, target, delivery), senders);
        logs.add(original);
        if (i % 10 < 3) {
          duplicates++;
          logs.add(
              i % 2 == 0
                  ? CompletableFuture.supplyAsync(() -> deliver(provider, other, delivery), senders)
                  : original.thenApplyAsync(log -> deliver(provider, other, delivery), senders));
        }
        original.thenRun(
            () -> {
              if (done.incrementAndGet() == n / 3 && outageStarted.compareAndSet(false, true)) {
                CompletableFuture.runAsync(
                    () -> {
                      try {
                        long t = System.nanoTime();
                        stopStore();
                        startStore();
                        outageMillis.set((System.nanoTime() - t) / 1_000_000);
                        outage.complete(null);
                      } catch (Exception e) {
                        outage.completeExceptionally(e);
                      }
                    });
              }
            });
      }
      CompletableFuture.allOf(logs.toArray(CompletableFuture[]::new)).join();
      outage.join();
    } finally {
      senders.shutdownNow();
      for (Server s : instances) {
        s.stop();
      }
    }
    long seconds = (System.nanoTime() - started) / 1_000_000_000;
    long refusedAttempts =
        logs.stream()
            .map(CompletableFuture::join)
            .mapToLong(l -> l.attempts().stream().filter(a -> a.status() == 503).count())
            .sum();
    System.out.printf(
        "soak %s: %d deliveries, %d duplicates, %d handler failures, %d store-outage 503s (outage %d ms), %d s%n",
        storeName(),
        n,
        duplicates,
        SoakServlet.FAILED.get(),
        refusedAttempts,
        outageMillis.get(),
        seconds);

    assertThat(logs)
        .allSatisfy(
            l ->
                assertThat(l.join().delivered())
                    .as("delivered %s, last attempt %s", l.join().delivery(), l.join().last())
                    .isTrue());
    assertThat(SoakServlet.PROCESSED.keySet()).containsExactlyInAnyOrderElementsOf(ids);
    Map<String, Integer> notOnce = new java.util.TreeMap<>();
    SoakServlet.PROCESSED.forEach(
        (id, count) -> {
          if (count.get() != 1) {
            notOnce.put(id, count.get());
          }
        });
    assertThat(notOnce).as("deliveries processed more than once").isEmpty();
  }

  private static ProviderSimulator.DeliveryLog deliver(
      ProviderSimulator provider, URI uri, TestDelivery delivery) {
    try {
      return provider.deliver(uri, delivery);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
