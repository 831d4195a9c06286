package dev.masthead.spring;

import dev.masthead.ranking.InMemoryCounterStore;
import dev.masthead.ranking.RankingEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Keeps an in-memory ranking in a file ({@code masthead.ranking.snapshot.file}), so a one-server site restarts
 * with its "Top 5" boxes: every {@code snapshot.interval} the engine is flushed and the store written; at
 * shutdown the engine is closed (its last counts flushed) and the store written a last time. At start the
 * auto-configuration restores the file into the empty store.
 *
 * <p>A snapshot that cannot be read (truncated, corrupted, of another layout) is moved aside to
 * {@code <file>.unreadable-<epoch millis>} with a WARN, and the site starts with empty counts; it is never
 * overwritten. A failed write is logged at WARN and retried at the next interval; the previous file stays whole.
 *
 * <p>Thread-safe.
 */
public final class RankingSnapshots implements SmartLifecycle {
  private static final Logger LOG = LoggerFactory.getLogger(RankingSnapshots.class);

  private final RankingEngine engine;
  private final InMemoryCounterStore store;
  private final SnapshotFile file;
  private final Duration interval;
  private final InstantSource clock;
  private @Nullable ScheduledExecutorService scheduler;
  private volatile boolean running;

  RankingSnapshots(RankingEngine engine, InMemoryCounterStore store, SnapshotFile file, Duration interval,
      InstantSource clock) {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("masthead.ranking.snapshot.interval must be positive: " + interval);
    }
    this.engine = engine;
    this.store = store;
    this.file = file;
    this.interval = interval;
    this.clock = clock;
  }

  static void restore(InMemoryCounterStore store, SnapshotFile file, InstantSource clock) {
    try {
      Optional<Long> cells = file.readIfPresent(in -> store.restore(in, clock.instant()));
      cells.ifPresent(n -> LOG.info("restored {} ranking cells from {}", n, file.path()));
    } catch (IOException | RuntimeException e) {
      Path aside = file.path().resolveSibling(file.path().getFileName() + ".unreadable-" + clock.millis());
      try {
        Files.move(file.path(), aside, StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException moveFailed) {
        throw new IllegalStateException("the ranking snapshot " + file.path() + " cannot be read (" + e
            + ") nor moved aside (" + moveFailed + "); move or delete it to start", e);
      }
      LOG.warn("the ranking snapshot {} cannot be read ({}); moved to {}, starting with empty counts",
          file.path(), e.toString(), aside);
    }
  }

  @Override
  public synchronized void start() {
    ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "masthead-ranking-snapshots");
      t.setDaemon(true);
      return t;
    });
    long millis = interval.toMillis();
    s.scheduleWithFixedDelay(() -> write(false), millis, millis, TimeUnit.MILLISECONDS);
    scheduler = s;
    running = true;
  }

  @Override
  public synchronized void stop() {
    ScheduledExecutorService s = scheduler;
    if (s != null) {
      s.shutdownNow();
      scheduler = null;
    }
    running = false;
    engine.close();
    write(true);
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Runs after the beans that record views stop, and before the engine is destroyed. */
  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE - 1024;
  }

  /**
   * Flushes the engine and writes the snapshot now.
   *
   * @return whether the snapshot was written
   */
  public boolean snapshotNow() {
    return write(false);
  }

  private synchronized boolean write(boolean closing) {
    try {
      if (!closing) {
        engine.flush();
      }
      file.write(out -> store.snapshot(out, clock.instant()));
      LOG.debug("ranking snapshot written to {}", file.path());
      return true;
    } catch (IOException | RuntimeException e) {
      LOG.warn("cannot write the ranking snapshot to {}: {}", file.path(), e.toString());
      return false;
    }
  }
}
