package io.webhookkit.core.internal;

import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Instant;

/** Bucket4j time from an injected {@link Clock}, so that rate limits follow a test clock. */
public final class ClockTimeMeter implements TimeMeter {
  private final Clock clock;

  /** Time from this clock. */
  public ClockTimeMeter(Clock clock) {
    this.clock = clock;
  }

  @Override
  public long currentTimeNanos() {
    Instant now = clock.instant();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }

  @Override
  public boolean isWallClockBased() {
    return true;
  }
}
