package io.webhookkit.spring;

import io.webhookkit.core.WebhookWorkers;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;

/**
 * The worker pool of the deferred and auto endpoints as a managed bean: started with the context,
 * stopped after the web server's graceful shutdown drained the requests (so an {@code auto} request
 * still waiting for its handler is answered first) and before the server stops: running handlers
 * get {@code webhook.inbox.shutdown-grace}, the rest are released to be claimed again.
 */
public class WebhookWorkersLifecycle implements SmartLifecycle {
  /**
   * Between Boot's graceful shutdown ({@code DEFAULT_PHASE - 1024}) and the web server's stop
   * ({@code DEFAULT_PHASE - 2048}).
   */
  public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 1536;

  private final @Nullable WebhookWorkers workers;
  private volatile boolean running;

  /** Manages these workers; {@code null} when the store has no inbox. */
  public WebhookWorkersLifecycle(@Nullable WebhookWorkers workers) {
    this.workers = workers;
  }

  /** The pool, when the store has an inbox. */
  public Optional<WebhookWorkers> workers() {
    return Optional.ofNullable(workers);
  }

  @Override
  public void start() {
    WebhookWorkers w = workers;
    if (w != null) {
      w.start();
    }
    running = true;
  }

  @Override
  public void stop() {
    WebhookWorkers w = workers;
    if (w != null) {
      w.close();
    }
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    return PHASE;
  }
}
