package dev.masthead.comments.spam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.masthead.comments.Comment;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class SpamFilterListenerTest {
  /** What a listener heard, in order. */
  static final class Heard implements SpamFilter.Listener {
    final List<String> events = new CopyOnWriteArrayList<>();

    @Override
    public void checkCompleted(String check, SpamFilter.CheckOutcome outcome, Duration elapsed) {
      assertThat(elapsed.isNegative()).isFalse();
      events.add(check + ":" + outcome);
    }

    @Override
    public void verdictReached(Verdict verdict, Duration elapsed) {
      assertThat(elapsed.isNegative()).isFalse();
      events.add("verdict:" + verdict.decision());
    }
  }

  static SpamCheck named(String name, SpamCheck.Cost cost, CompletableFuture<List<Signal>> answer) {
    return new SpamCheck() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Cost cost() {
        return cost;
      }

      @Override
      public List<Signal> check(Comment comment, SpamContext context) {
        return answer.join();
      }

      @Override
      public CompletableFuture<List<Signal>> checkAsync(Comment comment, SpamContext context) {
        return answer;
      }
    };
  }

  @Test
  void theListenerHearsEachCheckRunAndTheVerdictButNotTheSkippedChecks() {
    Heard heard = new Heard();
    SpamFilter filter = SpamFilter.builder().check(SpamChecks.honeypot()).check(SpamChecks.links())
        .listener(heard).build();
    filter.check(TestComments.text("a fine report"), SpamContext.EMPTY);
    assertThat(heard.events).containsExactly("honeypot:CLEAN", "links:CLEAN", "verdict:APPROVE");
    heard.events.clear();
    filter.check(TestComments.text("a fine report"), new SpamContext("bot", null, null, null));
    assertThat(heard.events).containsExactly("honeypot:SIGNAL", "verdict:DISCARD"); // links skipped
  }

  @Test
  void aLateAsynchronousCheckIsHeardAsTimedOut() {
    Heard heard = new Heard();
    SpamFilter filter = SpamFilter.builder()
        .check(named("slow", SpamCheck.Cost.NETWORK, new CompletableFuture<>()))
        .checkTimeout(Duration.ofMillis(20)).listener(heard).build();
    assertThat(filter.checkAsync(TestComments.text("hello"), SpamContext.EMPTY).join().decision())
        .isEqualTo(Decision.HOLD);
    assertThat(heard.events).containsExactly("slow:TIMED_OUT", "verdict:HOLD");
    heard.events.clear();
    assertThat(filter.check(TestComments.text("hello"), SpamContext.EMPTY).decision()).isEqualTo(Decision.HOLD);
    assertThat(heard.events).containsExactly("slow:TIMED_OUT", "verdict:HOLD");
  }

  @Test
  void aFailedCheckIsHeardAsFailed() {
    Heard heard = new Heard();
    SpamFilter filter = SpamFilter.builder()
        .check(named("down", SpamCheck.Cost.NETWORK, CompletableFuture.failedFuture(new IllegalStateException())))
        .listener(heard).build();
    filter.check(TestComments.text("hello"), SpamContext.EMPTY);
    assertThat(heard.events).containsExactly("down:FAILED", "verdict:HOLD");
  }

  @Test
  void aThrowingListenerChangesNoVerdict() {
    SpamFilter.Listener broken = new SpamFilter.Listener() {
      @Override
      public void checkCompleted(String check, SpamFilter.CheckOutcome outcome, Duration elapsed) {
        throw new IllegalStateException("metrics down");
      }

      @Override
      public void verdictReached(Verdict verdict, Duration elapsed) {
        throw new IllegalStateException("metrics down");
      }
    };
    SpamFilter plain = SpamFilter.builder().check(SpamChecks.honeypot()).check(SpamChecks.links()).build();
    SpamFilter heard = SpamFilter.builder().check(SpamChecks.honeypot()).check(SpamChecks.links())
        .listener(broken).build();
    Comment linky = TestComments.html("<a href=\"https://a.example\">a</a> <a href=\"https://b.example\">b</a>");
    assertThat(heard.check(linky, SpamContext.EMPTY)).isEqualTo(plain.check(linky, SpamContext.EMPTY));
  }
}
