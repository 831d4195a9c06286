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
}
