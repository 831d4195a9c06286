package dev.masthead.micrometer;

import dev.masthead.comments.spam.Decision;
import dev.masthead.comments.spam.Refusal;
import dev.masthead.comments.spam.SpamFilter;
import dev.masthead.comments.spam.Verdict;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Times a {@code SpamFilter}'s checks and counts its verdicts: give it to the filter's builder
 * ({@code SpamFilter.builder().listener(metrics)}), then bind it.
 *
 * <ul>
 *   <li>{@code masthead.spam.verdicts{decision=approve|hold|spam|discard}} (timer): verdicts, and the time from
 *       the call to the verdict;</li>
 *   <li>{@code masthead.spam.checks{check,outcome=clean|signal|failed|timed_out}} (timer): each check run, by its
 *       name ({@code honeypot}, {@code flood}, {@code akismet}, ...). Names beyond the first
 *       {@value #MAX_CHECK_NAMES} seen are tagged {@code other}, so a host that names checks per request cannot
 *       grow the registry without bound;</li>
 *   <li>{@code masthead.spam.refusals{refusal=flood|duplicate|...}}: comments refused outright.</li>
 * </ul>
 *
 * <p>Thread-safe.
 */
public final class SpamFilterMetrics implements SpamFilter.Listener, MeterBinder {
  /** The most distinct check names tagged; others are tagged {@code other}. */
  public static final int MAX_CHECK_NAMES = 64;

  private final Registries<Meters> registries = new Registries<>(Meters::new);

  /** Creates the binder, bound to no registry yet. */
  public SpamFilterMetrics() {}

  private static final class Meters {
    final MeterRegistry registry;
    final Map<Decision, Timer> verdicts = new EnumMap<>(Decision.class);
    final Map<Refusal, Counter> refusals = new EnumMap<>(Refusal.class);
    final Map<String, Map<SpamFilter.CheckOutcome, Timer>> checks = new ConcurrentHashMap<>();

    Meters(MeterRegistry registry) {
      this.registry = registry;
      for (Decision d : Decision.values()) {
        verdicts.put(d, Timer.builder("masthead.spam.verdicts").description("Spam filter verdicts, from call to verdict")
            .tag("decision", TagValues.of(d)).register(registry));
      }
      for (Refusal r : Refusal.values()) {
        refusals.put(r, Counter.builder("masthead.spam.refusals").description("Comments refused outright")
            .tag("refusal", TagValues.of(r)).register(registry));
      }
    }

    Timer check(String name, SpamFilter.CheckOutcome outcome) {
      Map<SpamFilter.CheckOutcome, Timer> byOutcome = checks.get(name);
      if (byOutcome == null) {
        String tag = checks.size() < MAX_CHECK_NAMES ? name : "other";
        byOutcome = checks.computeIfAbsent(tag, this::timers);
      }
      return byOutcome.get(outcome);
    }

    private Map<SpamFilter.CheckOutcome, Timer> timers(String name) {
      Map<SpamFilter.CheckOutcome, Timer> timers = new EnumMap<>(SpamFilter.CheckOutcome.class);
      for (SpamFilter.CheckOutcome o : SpamFilter.CheckOutcome.values()) {
        timers.put(o, Timer.builder("masthead.spam.checks").description("Spam checks run, by check and outcome")
            .tag("check", name).tag("outcome", TagValues.of(o)).register(registry));
      }
      return timers;
    }
  }

  @Override
  public void checkCompleted(String check, SpamFilter.CheckOutcome outcome, Duration elapsed) {
    registries.each(m -> m.check(check, outcome).record(elapsed));
  }

  @Override
  public void verdictReached(Verdict verdict, Duration elapsed) {
    registries.each(m -> {
      m.verdicts.get(verdict.decision()).record(elapsed);
      verdict.refused().ifPresent(r -> m.refusals.get(r).increment());
    });
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    registries.bind(registry);
  }
}
