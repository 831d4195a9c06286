package dev.masthead.comments.spam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.masthead.comments.Comment;
import dev.masthead.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FloodCheckTest {
  private final TestClock clock = new TestClock(TestComments.NOW);
  private final FloodCheck check = FloodCheck.create(clock);

  private Comment at(String email, String ip, Instant when) {
    return TestComments.of("a1", null, "Ann", email, ip, "hello", when);
  }

  @Test
  void refusesASecondCommentFromTheSameIpWithin15Seconds() {
    assertThat(check.check(at("a@example.com", "203.0.113.7", clock.instant()), SpamContext.EMPTY)).isEmpty();
    clock.advance(Duration.ofSeconds(14));
    assertThat(check.check(at("b@example.com", "203.0.113.7", clock.instant()), SpamContext.EMPTY))
        .extracting(Signal::code).containsExactly(FloodCheck.CODE);
  }

  @Test
  void refusesASecondCommentFromTheSameEmailOnAnotherIp() {
    check.check(at("a@example.com", "203.0.113.7", clock.instant()), SpamContext.EMPTY);
    clock.advance(Duration.ofSeconds(5));
    assertThat(check.check(at("A@Example.com", "198.51.100.1", clock.instant()), SpamContext.EMPTY)).hasSize(1);
  }

  @Test
  void acceptsACommentAfterTheInterval() {
    check.check(at("a@example.com", "203.0.113.7", clock.instant()), SpamContext.EMPTY);
    clock.advance(Duration.ofSeconds(15));
    assertThat(check.check(at("a@example.com", "203.0.113.7", clock.instant()), SpamContext.EMPTY)).isEmpty();
  }

  @Test
  void differentCommentersDoNotBlockEachOther() {
    check.check(at("a@example.com", "203.0.113.7", clock.instant()), SpamContext.EMPTY);
    assertThat(check.check(at("b@example.com", "203.0.113.8", clock.instant()), SpamContext.EMPTY)).isEmpty();
  }

  @Test
  void aCommentStampedInTheFutureDoesNotBlockForever() {
    check.check(at("a@example.com", "203.0.113.7", clock.instant().plus(Duration.ofHours(1))), SpamContext.EMPTY);
    clock.advance(Duration.ofSeconds(30));
    assertThat(check.check(at("a@example.com", "203.0.113.7", clock.instant()), SpamContext.EMPTY)).isEmpty();
  }

  @Test
  void aRefusedCommentIsDiscardedWithTheFloodRefusal() {
    SpamFilter filter = SpamFilter.builder().check(check).build();
    filter.check(at("a@example.com", "203.0.113.7", clock.instant()), SpamContext.EMPTY);
    Verdict v = filter.check(at("a@example.com", "203.0.113.7", clock.instant().plusSeconds(1)), SpamContext.EMPTY);
    assertThat(v.refused()).contains(Refusal.FLOOD);
  }

  /**
   * Issue 12: a refused attempt restarted the 15-second clock, so a reader retrying every 10 seconds was
   * locked out for good. Only accepted comments start the interval, as WordPress counts from the last stored one.
   */
  @Test
  void aReaderWhoRetriesEvery10SecondsIsNotLockedOut() {
    SpamFilter filter = SpamFilter.builder().check(check).build();
    Instant start = clock.instant();
    assertThat(filter.check(at("a@example.com", "203.0.113.7", start), SpamContext.EMPTY).refused()).isEmpty();
    int accepted = 0;
    for (int retry = 1; retry <= 12; retry++) {
      Verdict v = filter.check(at("a@example.com", "203.0.113.7", start.plusSeconds(10L * retry)), SpamContext.EMPTY);
      accepted += v.refused().isEmpty() ? 1 : 0;
    }
    // accepted at 20 s, 40 s, ... 120 s: every second retry
    assertThat(accepted).isEqualTo(6);
  }

  @Test
  void aStoreCheckRunsAfterTheLocalChecks() {
    assertThat(check.cost()).isEqualTo(SpamCheck.Cost.STORE);
    assertThat(SpamCheck.Cost.STORE).isGreaterThan(SpamCheck.Cost.LOCAL).isLessThan(SpamCheck.Cost.NETWORK);
  }

  @Test
  void theStoreSeesOneCallWithBothKeyedFingerprints() {
    java.util.List<java.util.List<String>> calls = new java.util.concurrent.CopyOnWriteArrayList<>();
    FloodStore memory = FloodStore.inMemory(clock);
    FloodStore spy = (keys, when, interval, retention) -> {
      calls.add(keys);
      return memory.recordUnlessFlooding(keys, when, interval, retention);
    };
    FloodCheck shared = FloodCheck.builder().store(spy, "a site secret of 32 bytes, test!".getBytes(
        java.nio.charset.StandardCharsets.US_ASCII)).build();
    shared.check(at("a@example.com", "203.0.113.7", clock.instant()), SpamContext.EMPTY);
    assertThat(calls).singleElement().satisfies(keys -> assertThat(keys).hasSize(2)
        .allSatisfy(k -> assertThat(k).matches("[0-9a-f]{32}")));
  }
}
