package dev.masthead.comments.spam;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApprovedAuthorCheckTest {
  @Test
  void lowersTheScoreOfAnAuthorApprovedBefore() {
    ApprovedAuthors authors = ApprovedAuthors.inMemory();
    ApprovedAuthorCheck check = ApprovedAuthorCheck.of(authors);
    assertThat(check.check(TestComments.text("hi"), SpamContext.EMPTY)).isEmpty();
    check.feedback(TestComments.text("hi"), SpamContext.EMPTY, Label.HAM);
    assertThat(check.check(TestComments.of("a2", null, "ANN READER", "Ann@Example.com", null, "hi", TestComments.NOW),
        SpamContext.EMPTY)).singleElement().satisfies(s -> {
          assertThat(s.code()).isEqualTo("author.previously_approved");
          assertThat(s.score()).isEqualTo(ApprovedAuthorCheck.DEFAULT_SCORE);
        });
  }

  @Test
  void spamFeedbackApprovesNoOne() {
    ApprovedAuthorCheck check = ApprovedAuthorCheck.of(ApprovedAuthors.inMemory());
    check.feedback(TestComments.text("hi"), SpamContext.EMPTY, Label.SPAM);
    assertThat(check.check(TestComments.text("hi"), SpamContext.EMPTY)).isEmpty();
  }

  @Test
  void theSameNameWithAnotherEmailIsNotApproved() {
    ApprovedAuthors authors = ApprovedAuthors.inMemory();
    authors.approve("Ann Reader", "ann@example.com");
    assertThat(authors.isApproved("Ann Reader", "ann@evil.example")).isFalse();
  }
}
