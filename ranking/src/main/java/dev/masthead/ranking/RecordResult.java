package dev.masthead.ranking;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of recording one event: accepted (counted), or rejected with a {@link Rejection}.
 *
 * <p>Instances are shared constants: {@link #ACCEPTED} and one per rejection. Immutable and thread-safe.
 */
public final class RecordResult {
  /** The event was counted. */
  public static final RecordResult ACCEPTED = new RecordResult(null);

  private static final Map<Rejection, RecordResult> REJECTED = new EnumMap<>(Rejection.class);

  static {
    for (Rejection r : Rejection.values()) {
      REJECTED.put(r, new RecordResult(r));
    }
  }

  private final @Nullable Rejection rejection;

  private RecordResult(@Nullable Rejection rejection) {
    this.rejection = rejection;
  }

  /**
   * Returns the result for a rejection.
   *
   * @param reason why the event was not counted
   * @return the shared result for {@code reason}
   * @throws NullPointerException if {@code reason} is null
   */
  public static RecordResult rejected(Rejection reason) {
    RecordResult r = REJECTED.get(reason);
    if (r == null) {
      throw new NullPointerException("reason");
    }
    return r;
  }

  /**
   * Returns whether the event was counted.
   *
   * @return true if accepted
   */
  public boolean accepted() {
    return rejection == null;
  }

  /**
   * Returns why the event was not counted.
   *
   * @return the reason, or empty if the event was accepted
   */
  public Optional<Rejection> rejection() {
    return Optional.ofNullable(rejection);
  }

  @Override
  public String toString() {
    return rejection == null ? "ACCEPTED" : "REJECTED(" + rejection + ")";
  }
}
