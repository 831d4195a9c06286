package dev.masthead.comments;

import static dev.masthead.comments.Fixtures.valid;
import static dev.masthead.comments.Fixtures.validator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.masthead.core.ArticleId;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CommentValidatorTest {

  private static List<ErrorCode> codes(ValidationResult result) {
    assertThat(result.isValid()).as("result is invalid").isFalse();
    return ((ValidationResult.Invalid) result).codes();
  }

  private static Comment comment(ValidationResult result) {
    assertThat(result.errors()).as("errors").isEmpty();
    return result.validComment().orElseThrow();
  }

  @Test
  void acceptsWellFormedSubmissionWithNormalizedFields() {
    Comment comment = comment(validator().validate(valid().build()));

    assertThat(comment.articleId()).isEqualTo(ArticleId.of("open-1"));
    assertThat(comment.parentId()).isNull();
    assertThat(comment.authorName()).isEqualTo("Ada Lovelace");
    assertThat(comment.authorEmail()).isEqualTo("ada@example.org");
    assertThat(comment.authorUrl()).isEqualTo(URI.create("https://example.org/ada"));
    assertThat(comment.contentHtml().html()).isEqualTo("<p>A fine report, thank you.</p>");
    assertThat(comment.contentText()).isEqualTo("A fine report, thank you.");
    assertThat(comment.submittedAt()).isEqualTo(Fixtures.NOW);
    assertThat(comment.client().ipAddress()).isEqualTo("203.0.113.7");
    assertThat(comment.client().userAgent()).isEqualTo("Mozilla/5.0 (X11; Linux x86_64)");
    assertThat(comment.client().referrer()).isEqualTo("https://news.example.com/2026/03/a-story");
  }

  @Test
  void usesTheSubmissionTimeWhenGiven() {
    var at = Fixtures.NOW.minusSeconds(90);
    assertThat(comment(validator().validate(valid().submittedAt(at).build())).submittedAt()).isEqualTo(at);
  }

  @Test
  void reportsEveryErrorAtOnceInFieldOrder() {
    ValidationResult result = validator().validate(CommentSubmission.builder()
        .articleId("no-such-article")
        .parentId("no-such-comment")
        .content("   ")
        .authorName("")
        .authorEmail("not an email")
        .authorUrl("javascript:alert(1)")
        .build());

    assertThat(codes(result)).containsExactly(
        ErrorCode.ARTICLE_NOT_FOUND, ErrorCode.PARENT_NOT_FOUND, ErrorCode.AUTHOR_REQUIRED,
        ErrorCode.EMAIL_INVALID, ErrorCode.URL_INVALID, ErrorCode.CONTENT_REQUIRED);
    assertThat(result.validComment()).isEmpty();
  }

  @Test
  void refusesEmptyFormWithTheFormsMessages() {
    var result = (ValidationResult.Invalid) validator().validate(
        CommentSubmission.builder().articleId("open-1").build());

    assertThat(result.codes())
        .containsExactly(ErrorCode.AUTHOR_REQUIRED, ErrorCode.EMAIL_REQUIRED, ErrorCode.CONTENT_REQUIRED);
    assertThat(result.messagesByField(java.util.Locale.ENGLISH)).containsExactly(
        java.util.Map.entry(Field.AUTHOR, List.of("Please enter your name here")),
        java.util.Map.entry(Field.EMAIL, List.of("Please enter your email address here")),
        java.util.Map.entry(Field.CONTENT, List.of("Please enter your comment!")));
  }

  // --- article -------------------------------------------------------------------------------------------

  @Test
  void refusesUnknownArticle() {
    assertThat(codes(validator().validate(valid().articleId("missing").build())))
        .containsExactly(ErrorCode.ARTICLE_NOT_FOUND);
  }

  @Test
  void refusesMalformedArticleIdWithoutAskingTheHost() {
    AtomicInteger calls = new AtomicInteger();
    CommentValidator validator = CommentValidator.builder()
        .articles(id -> {
          calls.incrementAndGet();
          return Optional.of(Fixtures.published("a1", Fixtures.NOW.minusSeconds(60)));
        })
        .clock(Fixtures.CLOCK)
        .build();

    for (String id : new String[] {null, "", "  ", "\u200B", "x".repeat(257)}) {
      assertThat(codes(validator.validate(valid().articleId(id).build())))
          .as("article id %s", id == null ? null : id.length() + " chars")
          .containsExactly(ErrorCode.ARTICLE_NOT_FOUND);
    }
    assertThat(calls).hasValue(0);
  }

  @Test
  void refusesArticleClosedByTheHost() {
    assertThat(codes(validator().validate(valid().articleId(Fixtures.CLOSED_ARTICLE).build())))
        .containsExactly(ErrorCode.ARTICLE_CLOSED);
  }

  @Test
  void closesArticlesOlderThanThePolicyAllows() {
    CommentValidator closing = validator(CommentPolicy.builder().closeCommentsAfter(Duration.ofDays(14)).build());

    assertThat(codes(closing.validate(valid().articleId(Fixtures.OLD_ARTICLE).build())))
        .containsExactly(ErrorCode.ARTICLE_CLOSED);
    assertThat(closing.validate(valid().build()).isValid()).isTrue();
    assertThat(validator().validate(valid().articleId(Fixtures.OLD_ARTICLE).build()).isValid()).isTrue();
  }

  @Test
  void closesAtExactlyTheConfiguredAge() {
    CommentValidator closing = validator(CommentPolicy.builder().closeCommentsAfter(Duration.ofDays(2)).build());
    // open-1 was published exactly two days before NOW
    assertThat(codes(closing.validate(valid().build()))).containsExactly(ErrorCode.ARTICLE_CLOSED);
    assertThat(closing.validate(valid().submittedAt(Fixtures.NOW.minusSeconds(1)).build()).isValid()).isTrue();
  }

  // --- parent --------------------------------------------------------------------------------------------

  @Test
  void acceptsReplyToApprovedParent() {
    Comment reply = comment(validator().validate(valid().parentId(" c1 ").build()));
    assertThat(reply.parentId()).isEqualTo("c1");
    assertThat(reply.parent()).contains("c1");
  }

  @Test
  void treatsZeroAndBlankParentAsTopLevel() {
    assertThat(comment(validator().validate(valid().parentId("0").build())).parentId()).isNull();
    assertThat(comment(validator().validate(valid().parentId(" \u200B ").build())).parentId()).isNull();
  }

  @Test
  void refusesUnknownParent() {
    assertThat(codes(validator().validate(valid().parentId("c404").build())))
        .containsExactly(ErrorCode.PARENT_NOT_FOUND);
  }

  @Test
  void refusesParentOnAnotherArticle() {
    assertThat(codes(validator().validate(valid().parentId("c-other").build())))
        .containsExactly(ErrorCode.PARENT_NOT_FOUND);
  }

  @Test
  void refusesReplyToHeldParent() {
    assertThat(codes(validator().validate(valid().parentId("c-held").build())))
        .containsExactly(ErrorCode.PARENT_NOT_APPROVED);
  }

  @Test
  void refusesReplyDeeperThanThePolicyAllows() {
    ValidationResult result = validator().validate(valid().parentId("c-deep").build());
    assertThat(codes(result)).containsExactly(ErrorCode.PARENT_TOO_DEEP);
    assertThat(result.errors().get(0).limit()).isEqualTo(5);

    assertThat(validator(CommentPolicy.builder().maxReplyDepth(6).build())
        .validate(valid().parentId("c-deep").build()).isValid()).isTrue();
  }

  @Test
  void refusesEveryReplyWithoutParentLookup() {
    CommentValidator flat = CommentValidator.builder().articles(Fixtures.ARTICLE_LOOKUP).build();
    assertThat(codes(flat.validate(valid().parentId("c1").build()))).containsExactly(ErrorCode.PARENT_NOT_FOUND);
  }

  @Test
  void refusesOverlongParentIdWithoutAskingTheHost() {
    CommentValidator validator = CommentValidator.builder()
        .articles(Fixtures.ARTICLE_LOOKUP)
        .parents(id -> {
          throw new AssertionError("lookup must not be called");
        })
        .build();
    assertThat(codes(validator.validate(valid().parentId("7".repeat(10_000)).build())))
        .containsExactly(ErrorCode.PARENT_NOT_FOUND);
  }

  // --- name ----------------------------------------------------------------------------------------------

  @Test
  void normalizesTheName() {
    String typed = "\u202E \u00A0Jos\u0065\u0301\u200B\t\u00A0 M\u0000arti\u2066n\uFEFF  ";
    assertThat(comment(validator().validate(valid().authorName(typed).build())).authorName())
        .isEqualTo("Jos\u00E9 Martin");
  }

  @Test
  void refusesNameOfInvisibleCharactersOnly() {
    assertThat(codes(validator().validate(valid().authorName("\u200B\u200D\u202E\uFEFF\u3164 \u0000").build())))
        .containsExactly(ErrorCode.AUTHOR_REQUIRED);
  }

  @Test
  void countsNameLengthInCodePoints() {
    String emoji = "\uD83D\uDE00"; // one code point, two chars
    assertThat(validator().validate(valid().authorName(emoji.repeat(245)).build()).isValid()).isTrue();
    ValidationResult tooLong = validator().validate(valid().authorName(emoji.repeat(246)).build());
    assertThat(codes(tooLong)).containsExactly(ErrorCode.AUTHOR_TOO_LONG);
    assertThat(tooLong.errors().get(0).limit()).isEqualTo(245);
  }

  @Test
  void acceptsMissingNameAndEmailWhenNotRequired() {
    CommentValidator lenient = validator(CommentPolicy.builder().requireNameAndEmail(false).build());
    Comment comment = comment(lenient.validate(valid().authorName(null).authorEmail(" ").build()));
    assertThat(comment.authorName()).isEmpty();
    assertThat(comment.authorEmail()).isEmpty();
  }

  // --- email ---------------------------------------------------------------------------------------------

  @Test
  void storesInternationalEmailDomainInPunycode() {
    assertThat(comment(validator().validate(valid().authorEmail("Jane.Doe+news@B\u00FCcher.DE").build()))
        .authorEmail()).isEqualTo("Jane.Doe+news@xn--bcher-kva.de");
  }

  @Test
  void refusesEmailLongerThanThePolicyAllows() {
    String email = "a".repeat(60) + "@" + "b".repeat(40) + ".org"; // 105 code points
    ValidationResult result = validator().validate(valid().authorEmail(email).build());
    assertThat(codes(result)).containsExactly(ErrorCode.EMAIL_TOO_LONG);
    assertThat(result.errors().get(0).limit()).isEqualTo(100);
  }

  // --- website -------------------------------------------------------------------------------------------

  @Test
  void acceptsMissingWebsite() {
    assertThat(comment(validator().validate(valid().authorUrl("  ").build())).authorUrl()).isNull();
    assertThat(comment(validator().validate(valid().authorUrl(null).build())).website()).isEmpty();
  }

  @Test
  void refusesWebsiteLongerThanThePolicyAllows() {
    ValidationResult result = validator().validate(
        valid().authorUrl("https://example.org/" + "p".repeat(200)).build());
    assertThat(codes(result)).containsExactly(ErrorCode.URL_TOO_LONG);
    assertThat(result.errors().get(0).limit()).isEqualTo(200);
  }

  @Test
  void refusesScriptWebsite() {
    for (String url : List.of("javascript:alert(1)", "JaVaScRiPt:alert(1)", "java\u0000script:alert(1)",
        "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)", "ftp://example.org/")) {
      assertThat(codes(validator().validate(valid().authorUrl(url).build()))).as(url)
          .containsExactly(ErrorCode.URL_INVALID);
    }
  }

  // --- content -------------------------------------------------------------------------------------------

  @Test
  void refusesContentWithoutVisibleText() {
    for (String content : new String[] {null, "", " \n\t ", "\u200B\u200D\uFEFF", "<b></b>", "<script>x</script>",
        "<!-- only a comment -->", "\u0000\u0001"}) {
      assertThat(codes(validator().validate(valid().content(content).build())))
          .as("content %s", content).containsExactly(ErrorCode.CONTENT_REQUIRED);
    }
  }

  @Test
  void refusesContentShorterThanThePolicyMinimum() {
    CommentValidator strict = validator(CommentPolicy.builder().minContentLengthCodePoints(5).build());
    ValidationResult result = strict.validate(valid().content("<b>ok</b>!").build());
    assertThat(codes(result)).containsExactly(ErrorCode.CONTENT_TOO_SHORT);
    assertThat(result.errors().get(0).limit()).isEqualTo(5);
    assertThat(strict.validate(valid().content("<b>okay</b>!").build()).isValid()).isTrue();
  }

  @Test
  void refusesContentLongerThanThePolicyAllows() {
    ValidationResult result = validator().validate(valid().content("x".repeat(65_526)).build());
    assertThat(codes(result)).containsExactly(ErrorCode.CONTENT_TOO_LONG);
    assertThat(result.errors().get(0).limit()).isEqualTo(65_525);
    assertThat(validator().validate(valid().content("x".repeat(65_525)).build()).isValid()).isTrue();
  }

  @Test
  void countsContentLengthInCodePoints() {
    CommentValidator small = validator(CommentPolicy.builder().maxContentLengthCodePoints(10).build());
    String tenEmoji = "\uD83C\uDF89".repeat(10);
    assertThat(small.validate(valid().content(tenEmoji).build()).isValid()).isTrue();
    assertThat(codes(small.validate(valid().content(tenEmoji + "!").build())))
        .containsExactly(ErrorCode.CONTENT_TOO_LONG);
  }

  @Test
  void keepsEmojiAndEveryScriptInContent() {
    String text = "Family \uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67, flag \uD83C\uDDFA\uD83C\uDDE6, "
        + "\u2764\uFE0F, \u05E9\u05DC\u05D5\u05DD, \u0645\u0631\u062D\u0628\u0627, \u65E5\u672C\u8A9E, "
        + "\u0928\u092E\u0938\u094D\u0924\u0947, \u043F\u0440\u0438\u0432\u0435\u0442, \u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645";
    Comment comment = comment(validator().validate(valid().content(text).build()));
    assertThat(comment.contentText()).isEqualTo(text);
    assertThat(comment.contentHtml().html()).isEqualTo("<p>" + text + "</p>");
  }

  @Test
  void normalizesContentLineEndingsAndComposition() {
    Comment comment = comment(validator().validate(valid().content("  Cafe\u0301\r\nline\rthree\u2028four  ").build()));
    assertThat(comment.contentText()).isEqualTo("Caf\u00E9\nline\nthree\nfour");
    assertThat(comment.contentHtml().html()).isEqualTo("<p>Caf\u00E9<br>line<br>three<br>four</p>");
  }

  // --- client info ---------------------------------------------------------------------------------------

  @Test
  void normalizesClientInfo() {
    Comment comment = comment(validator().validate(valid()
        .ipAddress(" [2001:DB8::1] ")
        .userAgent("Agent\u0000 \u200B" + "x".repeat(400))
        .referrer("\u200B")
        .build()));
    assertThat(comment.client().ipAddress()).isEqualTo("2001:db8:0:0:0:0:0:1");
    assertThat(comment.client().userAgent()).startsWith("Agent x").hasSize(ClientInfo.MAX_USER_AGENT_CODE_POINTS);
    assertThat(comment.client().referrer()).isNull();
  }

  @Test
  void dropsIpAddressThatIsNotALiteralWithoutResolvingIt() {
    for (String ip : new String[] {"localhost", "example.org", "999.1.1.1", "1.2.3", "01.2.3.4", "::g", "",
        "1.2.3.4\u0000"}) {
      assertThat(CommentValidator.ipAddress(ip)).as(ip).isNull();
    }
    assertThat(CommentValidator.ipAddress("::ffff:192.0.2.1")).isEqualTo("192.0.2.1");
  }

  @Test
  void neverRefusesOverClientInfo() {
    assertThat(validator().validate(valid().ipAddress("x".repeat(1_000_000)).userAgent("\uD800".repeat(10))
        .referrer("javascript:alert(1)").honeypot("filled").formToken("\u0000").build()).isValid()).isTrue();
  }

  // --- misuse --------------------------------------------------------------------------------------------

  @Test
  void throwsOnNullSubmission() {
    assertThatThrownBy(() -> validator().validate(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void requiresAnArticleLookup() {
    assertThatThrownBy(() -> CommentValidator.builder().build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("ArticleLookup");
  }

  @Test
  void letsHostLookupFailuresThrough() {
    CommentValidator failing = CommentValidator.builder()
        .articles(id -> {
          throw new IllegalStateException("catalog down");
        })
        .build();
    assertThatThrownBy(() -> failing.validate(valid().build())).hasMessage("catalog down");
  }

  @Test
  void keepsPersonalDataOutOfToString() {
    CommentSubmission submission = valid().build();
    Comment comment = comment(validator().validate(submission));
    for (String description : List.of(submission.toString(), comment.toString(), comment.client().toString())) {
      assertThat(description).doesNotContain("ada@example.org", "203.0.113.7", "Lovelace", "fine report");
    }
  }
}
