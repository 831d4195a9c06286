package dev.masthead.ranking;

/**
 * The outcome of {@link RankingEngine#record(EngagementEvent)}: {@link #ACCEPTED}, or why the event was not
 * counted. A rejection is an expected outcome, reported as a value and counted in
 * {@link RankingStats#rejected()}; it is never an exception.
 *
 * <p>{@link #ACCEPTED} means <em>accepted into the engine's buffer</em>: the event passed every check and
 * its count reaches the {@link CounterStore} at the next flush (within the flush interval, default 1 second,
 * while the store answers). A count that can never be delivered (the store down past the buffer cap or the
 * resend window) is counted in {@link RankingStats#droppedEvents()}; with a shared {@link VisitorMemory}, a
 * repeat visitor is found at the flush and counted under {@link #REPEAT_VISITOR} then.
 */
public enum RecordResult {
  /** The event passed every check and is in the engine's buffer, on its way to the store. */
  ACCEPTED,
  /**
   * The event occurred earlier than the engine's time minus the allowed lateness (default 1 hour), so its
   * bucket may already have been read, cached or expired.
   */
  TOO_LATE,
  /** The event occurred later than the engine's time plus the clock-skew allowance (default 5 minutes). */
  TOO_FAR_IN_FUTURE,
  /** The user agent matches a crawler pattern (see {@link RankingEngine.Builder#crawlerPatterns}). */
  CRAWLER,
  /** The same visitor already counted for the same article and kind within the unique-visitor period. */
  REPEAT_VISITOR,
  /** The engine's scoring has no weight for the event's kind, so it counts no such kind. */
  UNKNOWN_KIND;

  /**
   * Returns whether the event was accepted.
   *
   * @return true for {@link #ACCEPTED} only
   */
  public boolean accepted() {
    return this == ACCEPTED;
  }
}
