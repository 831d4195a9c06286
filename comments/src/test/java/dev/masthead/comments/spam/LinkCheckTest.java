package dev.masthead.comments.spam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.masthead.comments.Comment;
import dev.masthead.comments.CommentSubmission;
import dev.masthead.comments.CommentValidator;
import dev.masthead.core.Article;
import dev.masthead.core.ArticleStatus;
import java.time.InstantSource;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LinkCheckTest {
  private final LinkCheck check = LinkCheck.create();

  @Test
  void holdsCommentWithTwoLinks() {
    var signals = check.check(TestComments.html("See <a href=\"https://a.example.com/x\">this</a> and https://b.example.org/y"),
        SpamContext.EMPTY);
    assertThat(signals).singleElement().satisfies(s -> {
      assertThat(s.code()).isEqualTo("links.too_many");
      assertThat(s.floor()).isEqualTo(Decision.HOLD);
    });
  }

  @Test
  void approvesCommentWithOneLink() {
    assertThat(check.check(TestComments.text("Source: https://example.com/report"), SpamContext.EMPTY)).isEmpty();
  }

  @Test
  void countsBareLinksOnAnyTopLevelDomain() {
    var signals = check.check(TestComments.text("cheap pills at tanie-leki.pl and apteka.co"), SpamContext.EMPTY);
    assertThat(signals).singleElement().satisfies(s -> assertThat(s.reason()).contains("2 links"));
  }

  @Test
  void holdsWithoutAddingToTheScore() {
    var signals = check.check(TestComments.text("https://a.example.com https://b.example.org"), SpamContext.EMPTY);
    assertThat(signals).singleElement().satisfies(s -> assertThat(s.score()).isZero());
  }

  /**
   * Issue 10, defect 9 ("two link counts"): the link check counted bare URLs while {@code Comment.links()} listed
   * only anchors. Now the validated comment lists both, and the check counts that list.
   */
  @Test
  void twoLinkCountsRegressionTheCheckCountsWhatTheValidatedCommentLists() {
    CommentValidator validator = CommentValidator.builder()
        .articles(id -> Optional.of(Article.builder().id(id).headline("Story").status(ArticleStatus.PUBLISHED)
            .publishedAt(TestComments.NOW.minusSeconds(3600)).build()))
        .clock(InstantSource.fixed(TestComments.NOW))
        .build();
    Comment comment = validator.validate(CommentSubmission.builder()
        .articleId("a1")
        .authorName("Ann Reader")
        .authorEmail("ann@example.com")
        .content("See <a href=\"https://a.example.com/x\">this</a> and b.example.org/y, or mail <a href=\"mailto:x@example.com\">me</a>")
        .build()).validComment().orElseThrow();
    assertThat(comment.links()).containsExactly("https://a.example.com/x", "b.example.org/y");
    assertThat(check.check(comment, SpamContext.EMPTY)).singleElement()
        .satisfies(s -> assertThat(s.reason()).startsWith("Contains 2 links"));
    assertThat(ContentHeuristicsCheck.create().check(comment, SpamContext.EMPTY)).extracting(Signal::code)
        .contains("heuristics.links.2");
  }

  @Test
  void holdsAtAConfiguredLimit() {
    assertThat(LinkCheck.holdingAt(1).check(TestComments.text("https://example.com"), SpamContext.EMPTY)).hasSize(1);
    assertThatThrownBy(() -> LinkCheck.holdingAt(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
