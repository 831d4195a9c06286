package dev.masthead.spring;

import dev.masthead.comments.spam.SpamClassifier;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Keeps a learning {@link SpamClassifier} in a file ({@code masthead.spam.classifier.file}): saved every
 * {@code save-interval} when it has learned since the last save, and at shutdown. The auto-configuration reads
 * the file back when the application starts.
 *
 * <p>A failed save is logged at WARN and retried at the next interval; the previous file stays whole.
 *
 * <p>Thread-safe.
 */
public final class ClassifierSnapshots implements SmartLifecycle {
  private static final Logger LOG = LoggerFactory.getLogger(ClassifierSnapshots.class);

  private final SpamClassifier classifier;
  private final SnapshotFile file;
  private final Duration interval;
  private @Nullable ScheduledExecutorService scheduler;
  private long savedExamples;
  private volatile boolean running;

  ClassifierSnapshots(SpamClassifier classifier, SnapshotFile file, Duration interval) {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("masthead.spam.classifier.save-interval must be positive: " + interval);
    }
    this.classifier = classifier;
    this.file = file;
    this.interval = interval;
    this.savedExamples = examples();
  }

  private long examples() {
    return classifier.spamExamples() + classifier.hamExamples();
  }

  @Override
  public synchronized void start() {
    ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "masthead-classifier-snapshots");
      t.setDaemon(true);
      return t;
    });
    long millis = interval.toMillis();
    s.scheduleWithFixedDelay(this::saveIfLearned, millis, millis, TimeUnit.MILLISECONDS);
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
    saveIfLearned();
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /**
   * Saves the classifier now if it learned since it was loaded or last saved.
   *
   * @return whether a save was written
   */
  public synchronized boolean saveIfLearned() {
    long examples = examples();
    if (examples == savedExamples) {
      return false;
    }
    try {
      file.write(classifier::save);
      savedExamples = examples;
      LOG.debug("saved the spam classifier ({} examples) to {}", examples, file.path());
      return true;
    } catch (IOException | RuntimeException e) {
      LOG.warn("cannot save the spam classifier to {}: {}", file.path(), e.toString());
      return false;
    }
  }
}
