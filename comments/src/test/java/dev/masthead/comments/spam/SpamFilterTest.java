package dev.masthead.comments.spam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.masthead.comments.Comment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class SpamFilterTest {

  /** A check that returns fixed signals and records that it ran. */
  static final class Fixed implements SpamCheck {
    final String name;
    final Cost cost;
    final List<Signal> signals;
    final List<String> log;
    final List<Label> feedback = Collections.synchronizedList(new ArrayList<>());

    Fixed(String name, Cost cost, List<String> log, Signal... signals) {
      this.name = name;
      this.cost = cost;
      this.log = log;
      this.signals = List.of(signals);
    }

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
      log.add(name);
      return signals;
    }

    @Override
    public void feedback(Comment comment, SpamContext context, Label label) {
      feedback.add(label);
    }
  }

  private final Comment comment = TestComments.text("A fine comment.");

  @Test
  void approvesACommentWithNoSignals() {
    Verdict v = SpamFilter.builder().check(LinkCheck.create()).build().check(comment, SpamContext.EMPTY);
    assertThat(v.decision()).isEqualTo(Decision.APPROVE);
    assertThat(v.score()).isZero();
    assertThat(v.signals()).isEmpty();
  }

  @Test
  void runsCheaperChecksFirstKeepingTheOrderAddedWithinACost() {
    List<String> log = new ArrayList<>();
    SpamFilter filter = SpamFilter.builder()
        .check(new Fixed("net", SpamCheck.Cost.NETWORK, log))
        .check(new Fixed("local1", SpamCheck.Cost.LOCAL, log))
        .check(new Fixed("trivial", SpamCheck.Cost.TRIVIAL, log))
        .check(new Fixed("local2", SpamCheck.Cost.LOCAL, log))
        .build();
    filter.check(comment, SpamContext.EMPTY);
    assertThat(log).containsExactly("trivial", "local1", "local2", "net");
  }

  @Test
  void mapsTheScoreToADecisionByTheThresholds() {
    SpamFilter filter = SpamFilter.builder().thresholds(1, 3, 9).build();
    assertThat(filter.decisionFor(-5)).isEqualTo(Decision.APPROVE);
    assertThat(filter.decisionFor(1)).isEqualTo(Decision.APPROVE);
    assertThat(filter.decisionFor(1.01)).isEqualTo(Decision.HOLD);
    assertThat(filter.decisionFor(3)).isEqualTo(Decision.SPAM);
    assertThat(filter.decisionFor(9)).isEqualTo(Decision.DISCARD);
  }

  @Test
  void aFloorMakesTheDecisionAtLeastThatHarshWhateverTheScore() {
    List<String> log = new ArrayList<>();
    Verdict v = SpamFilter.builder()
        .check(new Fixed("links", SpamCheck.Cost.LOCAL, log, Signal.floor("links", "links.too_many", Decision.HOLD, "two links")))
        .check(new Fixed("author", SpamCheck.Cost.LOCAL, log, Signal.score("author", "author.previously_approved", -5, "known")))
        .build().check(comment, SpamContext.EMPTY);
    assertThat(v.decision()).isEqualTo(Decision.HOLD);
    assertThat(v.score()).isEqualTo(-5);
    assertThat(v.signals()).extracting(Signal::code).containsExactly("links.too_many", "author.previously_approved");
  }

  @Test
  void stopsOnceTheOutcomeIsSettledAndSkipsTheNetwork() {
    List<String> log = new ArrayList<>();
    Verdict v = SpamFilter.builder()
        .check(new Fixed("honeypot", SpamCheck.Cost.TRIVIAL, log, Signal.floor("honeypot", "honeypot.filled", Decision.DISCARD, "filled")))
        .check(new Fixed("classifier", SpamCheck.Cost.LOCAL, log))
        .check(new Fixed("akismet", SpamCheck.Cost.NETWORK, log))
        .build().check(comment, SpamContext.EMPTY);
    assertThat(v.decision()).isEqualTo(Decision.DISCARD);
    assertThat(log).containsExactly("honeypot");
    assertThat(v.skipped()).containsExactly("classifier", "akismet");
  }

  @Test
  void aHoldFloorDoesNotSettleTheOutcome() {
    List<String> log = new ArrayList<>();
    SpamFilter.builder()
        .check(new Fixed("links", SpamCheck.Cost.LOCAL, log, Signal.floor("links", "links.too_many", Decision.HOLD, "x")))
        .check(new Fixed("akismet", SpamCheck.Cost.NETWORK, log))
        .build().check(comment, SpamContext.EMPTY);
    assertThat(log).containsExactly("links", "akismet");
  }

  @Test
  void aCheckThatThrowsHoldsTheCommentAndNeverApprovesOrMarksSpam() {
    SpamCheck broken = new SpamCheck() {
      @Override
      public String name() {
        return "broken";
      }

      @Override
      public List<Signal> check(Comment comment, SpamContext context) {
        throw new IllegalStateException("ann@example.com 203.0.113.7");
      }
    };
    Verdict v = SpamFilter.builder().check(broken).build().check(comment, SpamContext.EMPTY);
    assertThat(v.decision()).isEqualTo(Decision.HOLD);
    assertThat(v.score()).isZero();
    assertThat(v.signals()).singleElement().satisfies(s -> {
      assertThat(s.code()).isEqualTo("check.failed");
      assertThat(s.reason()).doesNotContain("ann@example.com").doesNotContain("203.0.113.7");
    });
  }

  @Test
  void aCheckThatReturnsNullHoldsTheComment() {
    SpamCheck nulls = new SpamCheck() {
      @Override
      public String name() {
        return "nulls";
      }

      @Override
      public List<Signal> check(Comment comment, SpamContext context) {
        return null;
      }
    };
    assertThat(SpamFilter.builder().check(nulls).build().check(comment, SpamContext.EMPTY).decision())
        .isEqualTo(Decision.HOLD);
  }

  @Test
  void anAsynchronousCheckThatTimesOutHoldsTheComment() {
    SpamCheck slow = new SpamCheck() {
      @Override
      public String name() {
        return "slow";
      }

      @Override
      public Cost cost() {
        return Cost.NETWORK;
      }

      @Override
      public List<Signal> check(Comment comment, SpamContext context) {
        return checkAsync(comment, context).join();
      }

      @Override
      public CompletableFuture<List<Signal>> checkAsync(Comment comment, SpamContext context) {
        return new CompletableFuture<>(); // never completes
      }
    };
    Verdict v = SpamFilter.builder().check(slow).checkTimeout(Duration.ofMillis(50)).build()
        .checkAsync(comment, SpamContext.EMPTY).join();
    assertThat(v.decision()).isEqualTo(Decision.HOLD);
    assertThat(v.signals()).extracting(Signal::reason).singleElement().asString().contains("timed out");
  }

  @Test
  void aFloodIsARefusalTypedOnTheSignal() {
    List<String> log = new ArrayList<>();
    Verdict v = SpamFilter.builder()
        .check(new Fixed("flood", SpamCheck.Cost.TRIVIAL, log, Signal.refusal("flood", FloodCheck.CODE, Refusal.FLOOD, "too soon")))
        .check(new Fixed("classifier", SpamCheck.Cost.LOCAL, log))
        .build().check(comment, SpamContext.EMPTY);
    assertThat(v.refused()).contains(Refusal.FLOOD);
    assertThat(v.decision()).isEqualTo(Decision.DISCARD);
    assertThat(v.skipped()).containsExactly("classifier");
    assertThat(v.isSpam()).isTrue();
  }

  @Test
  void feedbackReachesEveryCheck() {
    List<String> log = new ArrayList<>();
    Fixed a = new Fixed("a", SpamCheck.Cost.LOCAL, log);
    Fixed b = new Fixed("b", SpamCheck.Cost.NETWORK, log);
    SpamFilter filter = SpamFilter.builder().check(a).check(b).build();
    filter.markSpam(comment, SpamContext.EMPTY);
    filter.markHam(comment, SpamContext.EMPTY);
    filter.feedback(comment, SpamContext.EMPTY, Label.HAM);
    assertThat(a.feedback).containsExactly(Label.SPAM, Label.HAM, Label.HAM);
    assertThat(b.feedback).containsExactly(Label.SPAM, Label.HAM, Label.HAM);
  }

  @Test
  void regressionAHostCheckEmittingTheCodeFloodRefusesNothing() {
    List<String> log = new ArrayList<>();
    Verdict v = SpamFilter.builder()
        .check(new Fixed("mine", SpamCheck.Cost.TRIVIAL, log, Signal.floor("mine", "flood", Decision.HOLD, "my own flood idea")))
        .check(new Fixed("other", SpamCheck.Cost.TRIVIAL, log, Signal.floor("other", "duplicate", Decision.HOLD, "mine too")))
        .build().check(comment, SpamContext.EMPTY);
    assertThat(v.refused()).isEmpty();
    assertThat(v.decision()).isEqualTo(Decision.HOLD);
    assertThat(v.skipped()).isEmpty();
  }

  @Test
  void aHostCheckMayRefuseExplicitly() {
    List<String> log = new ArrayList<>();
    Verdict v = SpamFilter.builder()
        .check(new Fixed("rate", SpamCheck.Cost.TRIVIAL, log,
            Signal.refusal("rate", "rate.limited", Refusal.FLOOD, "too many replies this hour")))
        .build().check(comment, SpamContext.EMPTY);
    assertThat(v.refused()).contains(Refusal.FLOOD);
    assertThat(v.decision()).isEqualTo(Decision.DISCARD);
  }

  @Test
  void aRefusalMustDiscard() {
    assertThatThrownBy(() -> new Signal("x", "x.y", 0, Decision.HOLD, "r", Refusal.FLOOD))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DISCARD");
  }

  @Test
  void rejectsBadConfiguration() {
    assertThatThrownBy(() -> SpamFilter.builder().thresholds(2, 1, 3)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("increase");
    assertThatThrownBy(() -> SpamFilter.builder().thresholds(Double.NaN, 1, 3)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SpamFilter.builder().check(LinkCheck.create()).check(LinkCheck.holdingAt(3)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("links");
    assertThatThrownBy(() -> SpamFilter.builder().checkTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void regressionACheckThatThrowsAnErrorHoldsTheComment() {
    SpamCheck overflowing = new SpamCheck() {
      @Override
      public String name() {
        return "overflowing";
      }

      @Override
      public List<Signal> check(Comment comment, SpamContext context) {
        throw new StackOverflowError();
      }
    };
    Verdict v = SpamFilter.builder().check(overflowing).build().check(comment, SpamContext.EMPTY);
    assertThat(v.decision()).isEqualTo(Decision.HOLD);
    assertThat(v.has("check.failed")).isTrue();
  }
}
