package dev.masthead.ranking;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Counters of a {@link RankingEngine} since it was built, and the size of its store, as of a call to
 * {@link RankingEngine#stats()}.
 *
 * <p>Every event {@link RecordResult#ACCEPTED accepted} is, at any moment, in exactly one of three states:
 * buffered (waiting for a flush or for the store), delivered (counted by the store) or dropped; so
 * {@code accepted == bufferedEvents + deliveredEvents + droppedEvents}, except that repeat visitors found at
 * a flush (with a shared {@link VisitorMemory}) leave the buffer into {@code rejected} instead.
 *
 * <p>Immutable and thread-safe.
 *
 * @param accepted events accepted into the buffer
 * @param rejected events not counted, by reason; every reason but {@link RecordResult#ACCEPTED} present,
 *     zero when none
 * @param bufferedEvents accepted events not yet delivered to the store
 * @param deliveredEvents accepted events the store has counted
 * @param droppedEvents accepted events given up: the buffer cap ({@link RankingConfig#maxBufferedCells()})
 *     was reached while the store was down or slow, or a batch stayed undelivered past
 *     {@link CounterStore.Batch#RESEND_WINDOW}
 * @param unverifiedVisitorEvents events with a visitor id counted without a unique-visitor check, because
 *     the shared visitor memory failed or timed out
 * @param storeAvailable false while the store's last call failed or timed out (an outage)
 * @param liveCells cells the store holds over all bucket tiers (one per article, bucket and kind with a
 *     count), or -1 if the store did not answer
 * @param estimatedBytes the store's estimate of the memory its counts hold, or -1 if unknown
 * @param articles distinct article ids the store holds, or -1 if unknown
 */
public record RankingStats(
    long accepted,
    Map<RecordResult, Long> rejected,
    long bufferedEvents,
    long deliveredEvents,
    long droppedEvents,
    long unverifiedVisitorEvents,
    boolean storeAvailable,
    long liveCells,
    long estimatedBytes,
    long articles) {

  /**
   * Validates and copies the values.
   *
   * @throws NullPointerException if {@code rejected} is null
   * @throws IllegalArgumentException if {@code rejected} holds {@link RecordResult#ACCEPTED}
   */
  public RankingStats {
    Objects.requireNonNull(rejected, "rejected");
    if (rejected.containsKey(RecordResult.ACCEPTED)) {
      throw new IllegalArgumentException("RankingStats.rejected must not hold ACCEPTED");
    }
    EnumMap<RecordResult, Long> copy = new EnumMap<>(RecordResult.class);
    for (RecordResult r : RecordResult.values()) {
      if (r != RecordResult.ACCEPTED) {
        copy.put(r, 0L);
      }
    }
    copy.putAll(rejected);
    rejected = Collections.unmodifiableMap(copy);
  }

  /**
   * Returns the number of rejected events over all reasons.
   *
   * @return the sum of {@link #rejected()}
   */
  public long rejectedTotal() {
    long sum = 0;
    for (long v : rejected.values()) {
      sum += v;
    }
    return sum;
  }
}
