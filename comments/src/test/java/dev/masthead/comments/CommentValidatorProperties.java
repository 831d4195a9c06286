package dev.masthead.comments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Property tests. Every theory runs with a fixed seed, so a failure reproduces; QuickTheories prints the
 * falsifying (shrunk) value.
 */
class CommentValidatorProperties {
  private static final long SEED = 0x4D617374L; // "Mast"
  private static final CommentValidator VALIDATOR = Fixtures.validator();

  /** Pieces that hostile comments are made of: markup, entities, XSS vectors, odd Unicode. */
  private static final List<String> FRAGMENTS = fragments();

  private static List<String> fragments() {
    List<String> fragments = new ArrayList<>(XssVectors.VECTORS);
    fragments.addAll(List.of(
        "<", ">", "&", "&amp;", "&lt;", "&#", "&#x", ";", "\"", "'", "`", "=", "/", "</", "<!--", "-->", "<![CDATA[",
        "<a href=\"", "<a href=", "https://ok.example/", "javascript:", "java", "script", ":", "alert(1)",
        "<b>", "</b>", "<i>", "<blockquote>", "</blockquote>", "<q cite=\"", "<p>", "<br>", "<div>", "</a>",
        "<script>", "</script>", "<style>", "<svg>", "<math>", "<noscript>", "<textarea>", "<template>", " onclick=",
        " onerror=", " style=", "\n", "\n\n", "\r\n", "\t", " ", "\u00A0", "\u0000", "\u0001", "\u001B", "\u007F",
        "\u0085", "\u200B", "\u200C", "\u200D", "\u200E", "\u200F", "\u202A", "\u202E", "\u2066", "\u2069",
        "\u2028", "\u2029", "\uFEFF", "\uFFFE", "\uFFFF", "\uD800", "\uDFFF", "\uDBFF\uDFFF", "\uD83D\uDE00",
        "\uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67", "\u2764\uFE0F", "e\u0301", "\u3164", "\u05E9\u05DC",
        "\u0645\u0631\u062D", "\u65E5\u672C", "x", "word", "Hello world"));
    return List.copyOf(fragments);
  }

  private static Gen<String> fragment() {
    return Generate.frequency(List.of(
        org.quicktheories.api.Pair.of(6, Generate.pick(FRAGMENTS)),
        org.quicktheories.api.Pair.of(2, strings().allPossible().ofLengthBetween(0, 6)),
        org.quicktheories.api.Pair.of(2, strings().basicLatinAlphabet().ofLengthBetween(0, 10))));
  }

  private static Gen<String> hostileText(int maxFragments) {
    return lists().of(fragment()).ofSizeBetween(0, maxFragments).map(parts -> String.join("", parts));
  }

  private static Gen<CommentSubmission> hostileSubmissions() {
    Gen<String> articleIds = Generate.oneOf(Generate.pick(List.of(Fixtures.OPEN_ARTICLE, Fixtures.CLOSED_ARTICLE,
        " open-1 ", "open-1\u200B")), hostileText(3));
    Gen<String> parentIds = Generate.oneOf(Generate.pick(List.of("", "0", "c1", "c-held", "c-deep", "c-other")),
        hostileText(2));
    Gen<String> names = Generate.oneOf(Generate.pick(List.of("Ada", " Jos\u00E9  M. ", "\u200B")), hostileText(6));
    Gen<String> emails = Generate.oneOf(
        Generate.pick(List.of("ada@example.org", "a+b@b\u00FCcher.de", "Ada <ada@example.org>")), hostileText(6));
    Gen<String> urls = Generate.oneOf(
        Generate.pick(List.of("", "https://example.org/A", "example.org", "javascript:alert(1)")), hostileText(6));
    Gen<String> ids = articleIds.zip(parentIds, (a, p) -> a + "\u0000" + p);
    return ids.zip(names, emails, urls, hostileText(25), (id, name, email, url, content) -> {
      String[] parts = id.split("\u0000", -1);
      return CommentSubmission.builder()
          .articleId(parts[0])
          .parentId(parts.length > 1 ? parts[1] : null)
          .authorName(name)
          .authorEmail(email)
          .authorUrl(url)
          .content(content)
          .ipAddress(name)
          .userAgent(content)
          .referrer(url)
          .build();
    });
  }

  @Test
  void validateNeverThrowsAndIsDeterministic() {
    qt().withFixedSeed(SEED).withExamples(2_000)
        .forAll(hostileSubmissions())
        .checkAssert(submission -> {
          ValidationResult first = VALIDATOR.validate(submission);
          ValidationResult second = VALIDATOR.validate(submission);
          assertThat(second).isEqualTo(first);
          if (!first.isValid()) {
            List<FieldError> errors = first.errors();
            for (int i = 1; i < errors.size(); i++) {
              assertThat(errors.get(i).field()).isGreaterThanOrEqualTo(errors.get(i - 1).field());
            }
            for (FieldError error : errors) {
              assertThat(error.message(Locale.GERMAN)).isNotBlank();
            }
          }
        });
  }

  @Test
  void validOutputIsInertAndNormalized() {
    Gen<CommentSubmission> submissions = hostileText(25).zip(hostileText(6), (content, name) ->
        Fixtures.valid().content("x " + content).authorName("N " + name).build());
    qt().withFixedSeed(SEED + 1).withExamples(2_000)
        .forAll(submissions)
        .checkAssert(submission -> {
          ValidationResult result = VALIDATOR.validate(submission);
          if (result.isValid()) {
            Comment comment = result.validComment().orElseThrow();
            assertThat(XssVectors.whyNotInert(comment.contentHtml().html(), XssVectors.DEFAULT_OUTPUT_TAGS))
                .as(comment.contentHtml().html()).isNull();
            assertNormalizedName(comment.authorName());
            assertThat(Normalizer.isNormalized(comment.contentText(), Normalizer.Form.NFC)).isTrue();
            assertThat(comment.contentText()).doesNotContain("\r", "\u0000", "\uFEFF");
            assertNoLoneSurrogate(comment.contentHtml().html());
          } else {
            // Only the content or the name can be at fault here, and only by having nothing visible in it.
            assertThat(result.errors()).extracting(FieldError::code)
                .isSubsetOf(ErrorCode.CONTENT_REQUIRED, ErrorCode.CONTENT_TOO_LONG, ErrorCode.AUTHOR_TOO_LONG);
          }
        });
  }

  @Test
  void sanitizedHtmlIsAFixedPoint() {
    ContentSanitizer sanitizer = new ContentSanitizer(CommentPolicy.defaults().allowedHtml());
    qt().withFixedSeed(SEED + 2).withExamples(1_000)
        .forAll(hostileText(20))
        .checkAssert(text -> {
          String normalized = FieldText.content("x " + text, Integer.MAX_VALUE).value();
          String once = sanitizer.sanitize(normalized).html();
          assertThat(sanitizer.sanitize(once).html()).as(once).isEqualTo(once);
        });
  }

  @Test
  void plainCommentHtmlShowsExactlyItsText() {
    // Oracle: for text without markup, the HTML read back by a parser (paragraphs, <br>) is the plain text.
    Gen<String> plain = lists().of(Generate.oneOf(
            strings().basicMultilingualPlaneAlphabet().ofLengthBetween(0, 8),
            Generate.pick(List.of("\n", "\n\n", " ", "\t", "> ", "\"q\"", "\uD83D\uDE00"))))
        .ofSizeBetween(1, 30)
        .map(parts -> String.join("", parts).replace("<", "").replace("&", ""));
    qt().withFixedSeed(SEED + 3).withExamples(1_000)
        .forAll(plain)
        .checkAssert(text -> {
          ValidationResult result = VALIDATOR.validate(Fixtures.valid().content("x" + text).build());
          Comment comment = result.validComment().orElseThrow();
          assertThat(readBack(comment.contentHtml().html())).as(comment.contentHtml().html()).isEqualTo(comment.contentText());
        });
  }

  @Test
  void acceptsEveryWellFormedAddressAndRefusesItWithASpaceOrAName() {
    Gen<String> atoms = strings().betweenCodePoints('!', '~').ofLengthBetween(1, 8)
        .map(s -> s.chars().filter(c -> Character.isLetterOrDigit(c) || "!#$%&'*+-/=?^_`{|}~".indexOf(c) >= 0)
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString())
        .assuming(s -> !s.isEmpty());
    Gen<String> locals = lists().of(atoms).ofSizeBetween(1, 4).map(parts -> String.join(".", parts))
        .assuming(s -> s.length() <= 64);
    Gen<String> labels = strings().betweenCodePoints('a', 'z').ofLengthBetween(1, 12)
        .zip(Generate.booleans(), (label, upper) -> upper ? label.toUpperCase(Locale.ROOT) : label);
    Gen<String> domains = lists().of(labels).ofSizeBetween(2, 4).map(parts -> String.join(".", parts));
    qt().withFixedSeed(SEED + 4).withExamples(1_000)
        .forAll(locals, domains, integers().between(0, 1_000))
        .checkAssert((local, domain, cut) -> {
          String address = local + "@" + domain;
          assertThat(EmailAddress.normalize(address, false)).isEqualTo(local + "@" + domain.toLowerCase(Locale.ROOT));
          int at = cut % (address.length() + 1);
          assertThat(EmailAddress.normalize(address.substring(0, at) + " " + address.substring(at), false)).isNull();
          assertThat(EmailAddress.normalize("Jane <" + address + ">", false)).isNull();
          assertThat(EmailAddress.normalize("<" + address + ">", false)).isNull();
        });
  }

  @Test
  void singleLineNormalizationRemovesEveryInvisibleCharacter() {
    qt().withFixedSeed(SEED + 5).withExamples(2_000)
        .forAll(hostileText(12))
        .checkAssert(raw -> {
          FieldText.Normalized name = FieldText.singleLine(raw, 10_000, true);
          assertNormalizedName(name.value());
          assertThat(FieldText.singleLine(name.value(), 10_000, true).value()).isEqualTo(name.value());
        });
  }

  private static void assertNormalizedName(String name) {
    assertThat(name).doesNotStartWith(" ").doesNotEndWith(" ").doesNotContain("  ");
    assertThat(Normalizer.isNormalized(name, Normalizer.Form.NFC)).isTrue();
    name.codePoints().forEach(cp -> {
      assertThat(FieldText.isInvisible(cp)).as("U+%04X", cp).isFalse();
      assertThat(cp == ' ' || !FieldText.isWhiteSpace(cp)).as("U+%04X", cp).isTrue();
    });
  }

  private static void assertNoLoneSurrogate(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)) {
        assertThat(i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))).isTrue();
        i++;
      } else {
        assertThat(Character.isLowSurrogate(c)).isFalse();
      }
    }
  }

  /** The text a reader sees: paragraphs separated by a blank line, {@code <br>} as a line break. */
  private static String readBack(String html) {
    List<String> paragraphs = new ArrayList<>();
    for (Element p : Jsoup.parseBodyFragment(html).body().children()) {
      StringBuilder text = new StringBuilder();
      for (Node node : p.childNodes()) {
        if (node instanceof TextNode) {
          text.append(((TextNode) node).getWholeText());
        } else if (node instanceof Element && ((Element) node).normalName().equals("br")) {
          text.append('\n');
        }
      }
      paragraphs.add(text.toString());
    }
    return String.join("\n\n", paragraphs);
  }
}
