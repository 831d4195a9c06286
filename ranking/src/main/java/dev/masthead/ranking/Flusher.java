package dev.masthead.ranking;

import dev.masthead.core.BackendUnavailableException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands buffered counts to the store: on its own daemon thread every flush interval and when a buffer fills,
 * and on {@link #flush()} from any thread (one flush at a time). A flush takes every buffer, asks a shared
 * visitor memory about the deferred events, cuts the cells into batches of at most {@value #MAX_BATCH_CELLS},
 * and sends the undelivered batches oldest first, each waited for at most the store timeout; at the first
 * failure it stops and keeps the rest for the next flush (the same batches, same ids). Batches older than
 * {@link CounterStore.Batch#RESEND_WINDOW} are dropped and counted. When nothing is left, it calls
 * {@link CounterStore#maintain}.
 */
final class Flusher {
  private static final Logger LOG = LoggerFactory.getLogger(RankingEngine.class);
  static final int MAX_BATCH_CELLS = 8_192;

  /**
   * A batch not yet delivered, with when it was first tried: in the engine's time, and in the JVM's elapsed time,
   * because the engine's time stands still while no request comes (it is the latest time a request saw), but a
   * store's memory of applied batches ({@link CounterStore.Batch#RESEND_WINDOW}, in Redis a marker's TTL) runs
   * on the wall clock: a batch resent past it would count twice.
   */
  private record Pending(CounterStore.Batch batch, long events, long firstAttemptMillis, long firstAttemptNanos) {}

  private static final long RESEND_WINDOW_NANOS = CounterStore.Batch.RESEND_WINDOW.toNanos();

  private final IngestBuffers buffers;
  private final CounterStore store;
  private final @Nullable VisitorMemory sharedVisitors;
  private final Duration visitorPeriod;
  private final Duration visitorRemember;
  private final long finestMillis;
  private final List<EngagementKind> kinds;
  private final StoreHealth health;
  private final LongSupplier now;
  private final long intervalNanos;
  private final RankingEngine.@Nullable Listener listener;
  private final java.util.concurrent.atomic.AtomicBoolean listenerWarned = new java.util.concurrent.atomic.AtomicBoolean();
  private final ReentrantLock lock = new ReentrantLock();
  private final ArrayDeque<Pending> pending = new ArrayDeque<>();
  private final String nodeId = UUID.randomUUID().toString();
  private final AtomicLong sequence = new AtomicLong();
  private final Thread thread;
  private volatile boolean stopping;

  final LongAdder delivered = new LongAdder();
  final LongAdder repeatVisitors = new LongAdder();
  final LongAdder unverifiedVisitorEvents = new LongAdder();

  Flusher(IngestBuffers buffers, CounterStore store, @Nullable VisitorMemory sharedVisitors,
      Duration visitorPeriod, Duration visitorRemember, StoreLayout layout, StoreHealth health, LongSupplier now,
      Duration interval, RankingEngine.@Nullable Listener listener) {
    this.listener = listener;
    this.store = store;
    this.sharedVisitors = sharedVisitors;
    this.visitorPeriod = visitorPeriod;
    this.visitorRemember = visitorRemember;
    this.finestMillis = layout.tiers().get(0).resolution().toMillis();
    this.kinds = layout.kinds();
    this.health = health;
    this.now = now;
    this.intervalNanos = interval.toNanos();
    this.thread = new Thread(this::run, "masthead-ranking-flusher-" + nodeId.substring(0, 8));
    this.thread.setDaemon(true);
    this.buffers = buffers;
    Thread t = thread;
    buffers.onFull(() -> LockSupport.unpark(t));
    if (store.appliesInProcess()) {
      buffers.onCapReached(this::applyInline);
    }
  }

  /**
   * Counts a full table on the calling (recording) thread, for an in-process store when the flusher is behind:
   * back-pressure in CPU time instead of dropped counts. No I/O: the store answers in process.
   */
  private void applyInline(CoalescingTable table) {
    List<CounterStore.Cell> cells = table.cells();
    long t = now.getAsLong();
    for (int from = 0; from < cells.size(); from += MAX_BATCH_CELLS) {
      List<CounterStore.Cell> part = cells.subList(from, Math.min(cells.size(), from + MAX_BATCH_CELLS));
      CounterStore.Batch batch = new CounterStore.Batch(nodeId + ":" + sequence.getAndIncrement(), part);
      long events = batch.events();
      try {
        health.await("add", () -> store.add(batch, t));
        delivered.add(events);
      } catch (BackendUnavailableException e) {
        health.failed(e);
        buffers.dropped.add(events);
      }
    }
  }

  void start() {
    thread.start();
  }

  private void run() {
    while (!stopping) {
      LockSupport.parkNanos(this, intervalNanos);
      if (stopping) {
        return;
      }
      try {
        flush();
      } catch (RuntimeException e) {
        LOG.warn("ranking flush failed unexpectedly; it is retried at the next interval", e);
      }
    }
  }

  /** Stops the thread (waiting for it at most {@code wait}); a last {@link #flush()} is the caller's. */
  void stop(Duration wait) {
    stopping = true;
    LockSupport.unpark(thread);
    try {
      thread.join(Math.max(1, wait.toMillis()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Flushes once. Returns true if every count buffered when it started reached the store (or was dropped).
   */
  boolean flush() {
    lock.lock();
    long flushStarted = System.nanoTime();
    boolean complete = false;
    try {
      long t = now.getAsLong();
      IngestBuffers.Drained drained = buffers.drain();
      List<CounterStore.Cell> cells = new ArrayList<>();
      for (CoalescingTable table : drained.tables()) {
        table.drainTo(cells);
        buffers.recycle(table);
      }
      if (!drained.deferred().isEmpty()) {
        checkVisitors(drained.deferred(), cells, t);
      }
      for (int from = 0; from < cells.size(); from += MAX_BATCH_CELLS) {
        List<CounterStore.Cell> part = cells.subList(from, Math.min(cells.size(), from + MAX_BATCH_CELLS));
        CounterStore.Batch batch = new CounterStore.Batch(nodeId + ":" + sequence.getAndIncrement(), part);
        pending.add(new Pending(batch, batch.events(), t, System.nanoTime()));
      }
      while (!pending.isEmpty()) {
        Pending p = pending.peek();
        if (t - p.firstAttemptMillis() > CounterStore.Batch.RESEND_WINDOW.toMillis()
            || System.nanoTime() - p.firstAttemptNanos() > RESEND_WINDOW_NANOS) {
          pending.poll();
          settle(p, false);
          continue;
        }
        long sent = System.nanoTime();
        try {
          health.await("add", () -> store.add(p.batch(), t));
        } catch (BackendUnavailableException e) {
          health.failed(e);
          tellBatch(p, sent, false);
          return false;
        }
        health.succeeded();
        tellBatch(p, sent, true);
        pending.poll();
        settle(p, true);
      }
      try {
        health.await("maintain", () -> store.maintain(t));
        health.succeeded();
      } catch (BackendUnavailableException e) {
        health.failed(e);
      }
      complete = true;
      return true;
    } finally {
      lock.unlock();
      RankingEngine.Listener l = listener;
      if (l != null) {
        Duration elapsed = Duration.ofNanos(System.nanoTime() - flushStarted);
        boolean c = complete;
        tell(() -> l.flushCompleted(elapsed, c));
      }
    }
  }

  private void tellBatch(Pending p, long sentNanos, boolean delivered) {
    RankingEngine.Listener l = listener;
    if (l != null) {
      Duration elapsed = Duration.ofNanos(System.nanoTime() - sentNanos);
      tell(() -> l.batchSent(p.batch().cells().size(), p.events(), elapsed, delivered));
    }
  }

  private void tell(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      if (!listenerWarned.getAndSet(true)) {
        LOG.warn("ranking listener failed ({}); counting goes on, and later failures are not logged",
            e.getClass().getName());
      }
    }
  }

  private void settle(Pending p, boolean deliveredToStore) {
    buffers.waitingCells.addAndGet(-p.batch().cells().size());
    buffers.waitingEvents.addAndGet(-p.events());
    if (deliveredToStore) {
      delivered.add(p.events());
    } else {
      buffers.dropped.add(p.events());
      LOG.debug("ranking batch {} dropped after the resend window: {} events", p.batch().id(), p.events());
    }
  }

  /** Asks the shared visitor memory about deferred events; first sightings (or all, on failure) become cells. */
  private void checkVisitors(List<IngestBuffers.Deferred> deferred, List<CounterStore.Cell> cells, long t) {
    List<VisitorMemory.Sighting> sightings = new ArrayList<>(deferred.size());
    for (IngestBuffers.Deferred d : deferred) {
      sightings.add(new VisitorMemory.Sighting(d.articleId(), kinds.get(d.kind()), d.visitorId(), d.at()));
    }
    boolean[] first;
    VisitorMemory memory = Objects.requireNonNull(sharedVisitors);
    try {
      first = health.await("visitor check", () -> memory.firstSightings(sightings, visitorPeriod, visitorRemember, t));
      if (first.length != sightings.size()) {
        throw new BackendUnavailableException("ranking visitor check: " + first.length + " answers for "
            + sightings.size() + " sightings", null);
      }
    } catch (BackendUnavailableException e) {
      health.failed(e);
      first = null;
    }
    CoalescingTable merged = new CoalescingTable(Math.max(16, Integer.highestOneBit(deferred.size() * 2) << 1),
        finestMillis);
    long repeats = 0;
    long unverified = 0;
    long removedCells = 0;
    for (int i = 0; i < deferred.size(); i++) {
      IngestBuffers.Deferred d = deferred.get(i);
      if (first != null && !first[i]) {
        repeats = Saturating.add(repeats, d.count());
        removedCells++;
        continue;
      }
      if (first == null) {
        unverified = Saturating.add(unverified, d.count());
      }
      merged.add(d.articleId(), d.kind(), Math.floorDiv(d.at(), finestMillis), d.count(), d.at());
    }
    repeatVisitors.add(repeats);
    unverifiedVisitorEvents.add(unverified);
    // The deferred events counted as waiting one cell each; from here their cells are what waits.
    buffers.waitingCells.addAndGet(-(deferred.size() - merged.size()));
    buffers.waitingEvents.addAndGet(-repeats);
    merged.drainTo(cells);
    if (removedCells > 0) {
      LOG.debug("ranking visitor check: {} repeat events of {} sightings", repeats, deferred.size());
    }
  }
}
