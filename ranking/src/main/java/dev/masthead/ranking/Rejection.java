package dev.masthead.ranking;

/**
 * Why {@link RankingEngine#record(EngagementEvent)} did not count an event. A rejection is an expected
 * outcome, reported as a value and counted in {@link RankingStats#rejected()}; it is never an exception.
 */
public enum Rejection {
  /**
   * The event occurred earlier than the engine's time minus the allowed lateness (default 1 hour), so its
   * bucket may already have been read, cached or expired.
   */
  TOO_LATE,
  /** The event occurred later than the engine's time plus the clock-skew allowance (default 5 minutes). */
  TOO_FAR_IN_FUTURE,
  /** The user agent contains one of the engine's crawler tokens. */
  BOT,
  /** The same visitor already counted for the same article and kind within the unique-visitor period. */
  REPEAT_VISITOR,
  /** The engine's scoring has no weight for the event's kind, so it counts no such kind. */
  UNKNOWN_KIND
}
