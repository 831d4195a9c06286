package dev.masthead.ranking;

import dev.masthead.core.ArticleId;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The recording side of the engine: striped coalescing buffers, no I/O and no global lock.
 *
 * <p>Each recording thread is given one stripe the first time it records (round robin over a power of two
 * of at least four per processor, so that a host's first threads each get their own), and counts into that
 * stripe's {@link CoalescingTable} under the stripe's spin lock, which only the flusher otherwise takes, for
 * as long as it needs to swap the table for an empty one. A table starts at {@value #MIN_SLOTS} slots and
 * doubles when it is 3/4 full, up to the slots for the configured buffer cells, so that the distinct cells of
 * one flush interval coalesce in one table; the next table starts at the size the last one reached, and is a
 * table the flusher emptied when one of that size is spare (no new array each interval). A table
 * full at its largest size is queued for the flusher, which is woken; if the cells waiting for the store
 * (queued tables and undelivered batches) would pass the cap, the table's events are dropped instead and
 * counted. Events of a shared visitor memory wait in a per-stripe list
 * for the flusher's batched check instead.
 *
 * <p>Thread-safe.
 */
final class IngestBuffers {
  /** One event waiting for a shared visitor memory's verdict. */
  record Deferred(ArticleId articleId, int kind, long at, long count, String visitorId) {}

  /** What the flusher takes in one drain. */
  record Drained(List<CoalescingTable> tables, List<Deferred> deferred, long cells) {}

  private static final VarHandle LOCK;
  /** The slots of a new stripe's table: 1,024 (38 KB); tables grow by doubling as traffic needs. */
  static final int MIN_SLOTS = 1024;

  static {
    try {
      LOCK = MethodHandles.lookup().findVarHandle(StripeFields.class, "lock", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** Keeps the hot fields of neighbouring stripes off each other's cache lines. */
  @SuppressWarnings("unused")
  static class StripeLeftPad {
    long p01, p02, p03, p04, p05, p06, p07, p08;
  }

  static class StripeFields extends StripeLeftPad {
    volatile int lock;
    CoalescingTable table;
    /** The slots of the next table: the last one's size, so that a stripe need not grow again each interval. */
    int nextSlots;
    List<Deferred> deferred = new ArrayList<>();
    long lastBucketStart = Long.MAX_VALUE;
    long lastBucketIndex;
    long accepted;

    StripeFields(CoalescingTable table) {
      this.table = table;
      this.nextSlots = table.slotCount();
    }
  }

  @SuppressWarnings("unused")
  static final class Stripe extends StripeFields {
    long q01, q02, q03, q04, q05, q06, q07, q08;

    Stripe(CoalescingTable table) {
      super(table);
    }

    void lock() {
      int spins = 0;
      while (!LOCK.compareAndSet(this, 0, 1)) {
        if (++spins < 64) {
          Thread.onSpinWait();
        } else {
          Thread.yield(); // the holder may have been descheduled
        }
      }
    }

    void unlock() {
      LOCK.setRelease(this, 0);
    }
  }

  private final Stripe[] stripes;
  private final int mask;
  private final AtomicInteger nextStripe = new AtomicInteger();
  private final ThreadLocal<Stripe> mine;
  private final int tableCells;
  private final int maxSlots;
  private final long maxWaitingCells;
  private final long finestMillis;
  /** {@code floor(2^64 / finestMillis)}, for {@link #bucketOf}. */
  private final long reciprocal;
  private volatile Runnable wakeFlusher = () -> { };
  private volatile @Nullable Consumer<CoalescingTable> applyInline;
  private final ConcurrentLinkedQueue<CoalescingTable> full = new ConcurrentLinkedQueue<>();
  /** Emptied tables kept for reuse, so that a stripe's next table is memory the caches hold, not a new array. */
  private final ConcurrentLinkedQueue<CoalescingTable> spares = new ConcurrentLinkedQueue<>();
  /** The slots of the spare tables: kept to two tables of the largest size, so spares cost little memory. */
  private final AtomicLong spareSlots = new AtomicLong();
  private final ConcurrentLinkedQueue<List<Deferred>> fullDeferred = new ConcurrentLinkedQueue<>();
  /** Cells in queued tables and undelivered batches: what the cap bounds. */
  final AtomicLong waitingCells = new AtomicLong();
  /** Events in queued tables, deferred lists and undelivered batches. */
  final AtomicLong waitingEvents = new AtomicLong();
  final LongAdder dropped = new LongAdder();

  IngestBuffers(int tableCells, long maxWaitingCells, long finestMillis) {
    int n = Integer.highestOneBit(Math.max(8, Runtime.getRuntime().availableProcessors() * 4) - 1) << 1;
    int need = (int) (((long) tableCells * 4 + 2) / 3); // slots for tableCells cells at a load of 3/4
    this.maxSlots = Math.max(32, Integer.highestOneBit(Math.max(2, need) - 1) << 1);
    this.stripes = new Stripe[n];
    for (int i = 0; i < n; i++) {
      stripes[i] = new Stripe(new CoalescingTable(Math.min(MIN_SLOTS, maxSlots), finestMillis));
    }
    this.mask = n - 1;
    this.mine = ThreadLocal.withInitial(() -> stripes[nextStripe.getAndIncrement() & mask]);
    this.tableCells = tableCells;
    this.maxWaitingCells = maxWaitingCells;
    this.finestMillis = finestMillis;
    this.reciprocal = java.math.BigInteger.ONE.shiftLeft(64).divide(java.math.BigInteger.valueOf(finestMillis))
        .longValueExact();
  }

  /**
   * Returns {@code floorDiv(at, finestMillis)} with a multiplication by a precomputed reciprocal and one
   * correction, since a 64-bit division by a divisor known only at run time costs tens of cycles.
   */
  long bucketOf(long at) {
    if (at < 0) {
      return Math.floorDiv(at, finestMillis);
    }
    long q = Math.multiplyHigh(at, reciprocal); // at most one below the quotient
    return (q + 1) * finestMillis <= at ? q + 1 : q;
  }

  /** Sets what wakes the flusher when a buffer fills. */
  void onFull(Runnable wake) {
    this.wakeFlusher = wake;
  }

  /**
   * Sets how a recording thread counts a full table itself when the cap is reached, for a store that answers in
   * process; without it (a networked store) such a table is dropped and counted.
   */
  void onCapReached(Consumer<CoalescingTable> apply) {
    this.applyInline = apply;
  }

  /** Counts {@code count} events of a kind at {@code at} for an article. */
  void add(ArticleId id, int kind, long at, long count) {
    Stripe s = mine.get();
    CoalescingTable handed = null;
    s.lock();
    try {
      long bucket;
      long start = s.lastBucketStart;
      if (at >= start && at - start < finestMillis) {
        bucket = s.lastBucketIndex; // most events fall in the bucket of the one before: no division
      } else {
        bucket = bucketOf(at);
        s.lastBucketStart = bucket * finestMillis;
        s.lastBucketIndex = bucket;
      }
      if (!s.table.add(id, kind, bucket, count, at)) {
        handed = makeRoom(s);
        s.table.add(id, kind, bucket, count, at);
      }
      s.accepted++;
    } finally {
      s.unlock();
    }
    if (handed != null) {
      handOff(handed); // outside the lock: the flusher may drain this stripe meanwhile
    }
  }

  /**
   * Gives a stripe whose table is full room for a new cell: a table of twice the slots, or, at the largest
   * size, an empty one; returns the full table to hand off, if any. Kept out of {@link #add} so that the hot
   * path stays small enough for the JIT to inline. Lock held.
   */
  private @Nullable CoalescingTable makeRoom(Stripe s) {
    if (s.table.slotCount() < maxSlots) {
      s.table = s.table.grown(); // more distinct cells this interval than the table holds: keep coalescing
      return null;
    }
    CoalescingTable full = s.table;
    s.table = table(maxSlots);
    return full;
  }

  /** Keeps an event for the flusher's visitor check. */
  void addDeferred(Deferred d) {
    Stripe s = mine.get();
    List<Deferred> handed = null;
    s.lock();
    try {
      s.deferred.add(d);
      s.accepted++;
      if (s.deferred.size() >= tableCells) {
        handed = s.deferred;
        s.deferred = new ArrayList<>();
      }
    } finally {
      s.unlock();
    }
    if (handed != null) {
      long events = 0;
      for (Deferred x : handed) {
        events = Saturating.add(events, x.count());
      }
      if (waitingCells.addAndGet(handed.size()) > maxWaitingCells) {
        waitingCells.addAndGet(-handed.size());
        dropped.add(events);
      } else {
        waitingEvents.addAndGet(events);
        fullDeferred.add(handed);
        wakeFlusher.run();
      }
    }
  }

  private void handOff(CoalescingTable t) {
    if (waitingCells.addAndGet(t.size()) > maxWaitingCells) {
      waitingCells.addAndGet(-t.size());
      Consumer<CoalescingTable> inline = applyInline;
      if (inline != null) {
        inline.accept(t); // an in-process store: the recording thread counts its own table instead of dropping it
      } else {
        dropped.add(t.events()); // the store is down or slower than ingest: give up the newest counts, counted
      }
      return;
    }
    waitingEvents.addAndGet(t.events());
    full.add(t);
    wakeFlusher.run();
  }

  /** Returns an empty table of {@code slots} slots: a spare of that size if one is kept, else a new one. */
  private CoalescingTable table(int slots) {
    for (CoalescingTable t : spares) {
      if (t.slotCount() == slots && spares.remove(t)) {
        spareSlots.addAndGet(-slots);
        return t;
      }
    }
    return new CoalescingTable(slots, finestMillis);
  }

  /**
   * Takes back a table whose cells the flusher has copied out: emptied and kept for a stripe's next table while
   * the spares hold at most two tables of the largest size (the rest are left to the garbage collector).
   */
  void recycle(CoalescingTable t) {
    int slots = t.slotCount();
    if (spareSlots.addAndGet(slots) <= 2L * maxSlots) {
      t.clear();
      spares.add(t);
    } else {
      spareSlots.addAndGet(-slots);
    }
  }

  /** Returns the slots for a stripe's next table: the last table's, or half of it if it was little used. */
  private static int nextSlots(CoalescingTable last) {
    int slots = last.slotCount();
    return last.size() < slots / 8 && slots > MIN_SLOTS ? slots / 2 : slots;
  }

  /**
   * Takes every table and deferred event: the queued ones and the stripes' current ones. The taken cells count
   * as waiting (toward the cap) until the flusher reports them delivered or dropped; current tables that would
   * pass the cap are dropped and counted here.
   */
  Drained drain() {
    List<CoalescingTable> tables = new ArrayList<>();
    List<Deferred> deferred = new ArrayList<>();
    long cells = 0;
    for (CoalescingTable t; (t = full.poll()) != null; ) {
      tables.add(t);
      cells += t.size();
    }
    for (List<Deferred> l; (l = fullDeferred.poll()) != null; ) {
      deferred.addAll(l);
      cells += l.size();
    }
    for (Stripe s : stripes) {
      CoalescingTable taken = null;
      List<Deferred> takenDeferred = null;
      s.lock();
      boolean any;
      try {
        any = s.table.size() > 0 || !s.deferred.isEmpty();
      } finally {
        s.unlock();
      }
      if (!any) {
        continue; // an event added from here on is taken at the next drain
      }
      CoalescingTable fresh = table(s.nextSlots); // taken outside the lock
      s.lock();
      try {
        if (s.table.size() > 0) {
          taken = s.table;
          s.table = fresh;
          s.nextSlots = nextSlots(taken);
        }
        if (!s.deferred.isEmpty()) {
          takenDeferred = s.deferred;
          s.deferred = new ArrayList<>();
        }
      } finally {
        s.unlock();
      }
      if (taken != null) {
        if (waitingCells.addAndGet(taken.size()) > maxWaitingCells && applyInline == null) {
          waitingCells.addAndGet(-taken.size());
          dropped.add(taken.events());
        } else {
          waitingEvents.addAndGet(taken.events());
          tables.add(taken);
          cells += taken.size();
        }
      }
      if (takenDeferred != null) {
        long events = 0;
        for (Deferred x : takenDeferred) {
          events = Saturating.add(events, x.count());
        }
        if (waitingCells.addAndGet(takenDeferred.size()) > maxWaitingCells && applyInline == null) {
          waitingCells.addAndGet(-takenDeferred.size());
          dropped.add(events);
        } else {
          waitingEvents.addAndGet(events);
          deferred.addAll(takenDeferred);
          cells += takenDeferred.size();
        }
      }
    }
    return new Drained(tables, deferred, cells);
  }

  /** Returns the events accepted into the buffers. */
  long accepted() {
    long sum = 0;
    for (Stripe s : stripes) {
      s.lock();
      try {
        sum += s.accepted;
      } finally {
        s.unlock();
      }
    }
    return sum;
  }

  /** Returns the events in the stripes' current tables and deferred lists, not yet taken by a drain. */
  long unqueuedEvents() {
    long sum = 0;
    for (Stripe s : stripes) {
      s.lock();
      try {
        sum += s.table.events();
        for (Deferred d : s.deferred) {
          sum = Saturating.add(sum, d.count());
        }
      } finally {
        s.unlock();
      }
    }
    return sum;
  }
}
