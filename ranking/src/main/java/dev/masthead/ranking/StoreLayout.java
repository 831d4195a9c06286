package dev.masthead.ranking;

import java.time.Duration;
import dev.masthead.core.InvalidDataException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link CounterStore} must hold, as the engine's builder derived it: the bucket tiers, the counted
 * kinds, the tracked rolling windows and the clock-skew allowance. Engines that share a store must have equal
 * layouts; a shared store persists {@link #encoded()} when it is first attached and compares it on every
 * later attach ({@link #decode}, {@link #differencesFrom}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param tiers the bucket tiers, finest first; each resolution divides the next, horizons grow
 * @param kinds the counted kinds; a kind's position is its {@code kindIndex} in the store's methods
 * @param trackedWindows rolling window lengths for which the store may keep running totals
 * @param futureSkew how far ahead of the engine's time an event may be
 */
public record StoreLayout(
    List<BucketTier> tiers, List<EngagementKind> kinds, List<Duration> trackedWindows, Duration futureSkew) {
  /**
   * Validates and copies the layout.
   *
   * @throws NullPointerException if an argument or an element is null
   * @throws IllegalArgumentException if {@code tiers} or {@code kinds} is empty, there are more than
   *     {@value #MAX_KINDS} kinds or one repeats, or tiers are not ordered with each resolution dividing the
   *     next
   */
  public StoreLayout {
    tiers = List.copyOf(tiers);
    kinds = List.copyOf(kinds);
    trackedWindows = List.copyOf(trackedWindows);
    Objects.requireNonNull(futureSkew, "futureSkew");
    if (tiers.isEmpty() || kinds.isEmpty()) {
      throw new IllegalArgumentException("StoreLayout needs at least one tier and one kind");
    }
    if (kinds.size() > MAX_KINDS || kinds.stream().distinct().count() != kinds.size()) {
      throw new IllegalArgumentException("StoreLayout needs at most " + MAX_KINDS + " distinct kinds: " + kinds);
    }
    for (int i = 1; i < tiers.size(); i++) {
      long fine = tiers.get(i - 1).resolution().toMillis();
      long coarse = tiers.get(i).resolution().toMillis();
      if (coarse <= fine || coarse % fine != 0 || tiers.get(i).horizon().compareTo(tiers.get(i - 1).horizon()) < 0) {
        throw new IllegalArgumentException("StoreLayout tiers must be finest first, each resolution dividing "
            + "the next and horizons growing: " + tiers);
      }
    }
  }

  /**
   * Returns the index of the first bucket a tier still answers for at a time: the tier's horizon before
   * {@code nowEpochMillis}, rounded down to the next coarser tier's resolution (so that coarser buckets
   * always fit between a finer tier's edge and a query's end).
   *
   * @param tier the tier's position in {@link #tiers()}
   * @param nowEpochMillis the engine's time
   * @return the bucket index, in that tier's resolution
   * @throws IndexOutOfBoundsException if {@code tier} is out of range
   */
  public long keepStart(int tier, long nowEpochMillis) {
    long res = tiers.get(tier).resolution().toMillis();
    long coarse = tier + 1 < tiers.size() ? tiers.get(tier + 1).resolution().toMillis() : res;
    long edge = nowEpochMillis - tiers.get(tier).horizon().toMillis();
    return Math.floorDiv(edge, coarse) * coarse / res;
  }

  /** The most kinds a layout counts. */
  public static final int MAX_KINDS = 1024;

  /** The version tag that starts {@link #encoded()}. */
  static final String ENCODING_VERSION = "layout-v1";

  /**
   * Returns a canonical one-line text form, for a shared store to persist and compare: equal layouts give
   * equal strings. For the defaults: {@code layout-v1;tiers=60000/86400000,3600000/3024000000;
   * kinds=COMMENT,SHARE,VIEW;tracked=86400000,604800000,2592000000;skew=300000} (milliseconds; tiers as
   * resolution/horizon), on one line.
   *
   * @return the encoded layout, ASCII
   */
  public String encoded() {
    StringBuilder b = new StringBuilder(ENCODING_VERSION).append(";tiers=");
    for (int i = 0; i < tiers.size(); i++) {
      b.append(i == 0 ? "" : ",").append(tiers.get(i).resolution().toMillis()).append('/')
          .append(tiers.get(i).horizon().toMillis());
    }
    b.append(";kinds=");
    for (int i = 0; i < kinds.size(); i++) {
      b.append(i == 0 ? "" : ",").append(kinds.get(i).name());
    }
    b.append(";tracked=");
    for (int i = 0; i < trackedWindows.size(); i++) {
      b.append(i == 0 ? "" : ",").append(trackedWindows.get(i).toMillis());
    }
    return b.append(";skew=").append(futureSkew.toMillis()).toString();
  }

  /**
   * Reads a layout written by {@link #encoded()}.
   *
   * @param encoded the text
   * @return the layout
   * @throws InvalidDataException if the text is not an encoded layout of this version
   * @throws NullPointerException if {@code encoded} is null
   */
  public static StoreLayout decode(String encoded) {
    Objects.requireNonNull(encoded, "encoded");
    String[] parts = encoded.split(";", -1);
    if (parts.length != 5 || !parts[0].equals(ENCODING_VERSION) || !parts[1].startsWith("tiers=")
        || !parts[2].startsWith("kinds=") || !parts[3].startsWith("tracked=") || !parts[4].startsWith("skew=")) {
      throw new InvalidDataException("not a " + ENCODING_VERSION + " ranking layout: " + abbreviate(encoded));
    }
    try {
      List<BucketTier> tiers = new ArrayList<>();
      for (String t : items(parts[1].substring(6))) {
        String[] rh = t.split("/", -1);
        if (rh.length != 2) {
          throw new IllegalArgumentException("tier " + t);
        }
        tiers.add(new BucketTier(Duration.ofMillis(Long.parseLong(rh[0])), Duration.ofMillis(Long.parseLong(rh[1]))));
      }
      List<EngagementKind> kinds = new ArrayList<>();
      for (String k : items(parts[2].substring(6))) {
        kinds.add(EngagementKind.of(k));
      }
      List<Duration> tracked = new ArrayList<>();
      for (String w : items(parts[3].substring(8))) {
        tracked.add(Duration.ofMillis(Long.parseLong(w)));
      }
      return new StoreLayout(tiers, kinds, tracked, Duration.ofMillis(Long.parseLong(parts[4].substring(5))));
    } catch (IllegalArgumentException e) {
      throw new InvalidDataException("malformed ranking layout (" + e.getMessage() + "): " + abbreviate(encoded), e);
    }
  }

  private static List<String> items(String list) {
    return list.isEmpty() ? List.of() : List.of(list.split(",", -1));
  }

  private static String abbreviate(String s) {
    return s.length() <= 200 ? s : s.substring(0, 200) + "…";
  }

  /**
   * Names every difference between this layout and another, for an error that says why a store refuses to
   * attach (for example {@code "kinds: [COMMENT, SHARE, VIEW] here, [VIEW] in the store"}).
   *
   * @param stored the other layout, usually the one a shared store holds
   * @return one line per differing component (tiers, kinds, tracked windows, skew); empty if equal
   * @throws NullPointerException if {@code stored} is null
   */
  public List<String> differencesFrom(StoreLayout stored) {
    Objects.requireNonNull(stored, "stored");
    List<String> out = new ArrayList<>();
    if (!tiers.equals(stored.tiers)) {
      out.add("tiers (resolution/horizon): " + describe(tiers) + " here, " + describe(stored.tiers) + " in the store");
    }
    if (!kinds.equals(stored.kinds)) {
      out.add("kinds: " + kinds + " here, " + stored.kinds + " in the store");
    }
    if (!trackedWindows.equals(stored.trackedWindows)) {
      out.add("tracked windows: " + trackedWindows + " here, " + stored.trackedWindows + " in the store");
    }
    if (!futureSkew.equals(stored.futureSkew)) {
      out.add("clock-skew allowance: " + futureSkew + " here, " + stored.futureSkew + " in the store");
    }
    return out;
  }

  private static String describe(List<BucketTier> tiers) {
    return tiers.stream().map(t -> t.resolution() + "/" + t.horizon()).toList().toString();
  }
}
