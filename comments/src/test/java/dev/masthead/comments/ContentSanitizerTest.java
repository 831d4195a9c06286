package dev.masthead.comments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.FieldSource;

class ContentSanitizerTest {
  private static final ContentSanitizer DEFAULT = new ContentSanitizer(CommentPolicy.defaults().allowedHtml());

  private static final List<String> XSS = XssVectors.VECTORS;

  private static ContentSanitizer.Sanitized clean(String content) {
    return DEFAULT.sanitize(FieldText.content(content, Integer.MAX_VALUE).value());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
      "one line|<p>one line</p>",
      "line one\\nline two|<p>line one<br>line two</p>",
      "para one\\n\\npara two|<p>para one</p><p>para two</p>",
      "para one\\n \\n\\n\\t\\npara two|<p>para one</p><p>para two</p>",
      "<b>bold\\ntext</b> after|<p><b>bold<br>text</b> after</p>",
      "<b>a</b> <i>b</i>|<p><b>a</b> <i>b</i></p>",
      "<b>a</b>\\n<i>b</i>|<p><b>a</b><br><i>b</i></p>",
      "before<blockquote>quoted\\n\\nmore</blockquote>after|<p>before</p><blockquote><p>quoted</p><p>more</p></blockquote><p>after</p>",
      "<p>pasted one</p><p>pasted<br>two</p>|<p>pasted one</p><p>pasted<br>two</p>",
      "<div>x</div><div>y</div>|<p>x</p><p>y</p>",
      "a < b && c > d|<p>a &lt; b &amp;&amp; c &gt; d</p>",
      "&lt;b&gt;not bold&lt;/b&gt;|<p>&lt;b&gt;not bold&lt;/b&gt;</p>",
      "<unknown>kept text</unknown>|<p>kept text</p>",
      "<script>alert(1)</script>visible|<p>visible</p>",
      "<style>p{}</style>visible|<p>visible</p>",
      "<!-- hidden -->visible|<p>visible</p>"
  })
  void formatsParagraphsAndLineBreaks(String content, String html) {
    assertThat(clean(content.replace("\\n", "\n").replace("\\t", "\t")).html()).isEqualTo(html);
  }

  @Test
  void givesLinksRelNofollowUgcNoopener() {
    var result = clean("See <a href=\"https://example.org/A?b=1&amp;c=2\" title=\"T\" target=\"_blank\">this</a> "
        + "and <a href=\"mailto:desk@example.org\">mail us</a>.");
    assertThat(result.html()).isEqualTo("<p>See <a href=\"https://example.org/A?b=1&amp;c=2\" title=\"T\" "
        + "rel=\"nofollow ugc noopener\">this</a> and <a href=\"mailto:desk@example.org\" "
        + "rel=\"nofollow ugc noopener\">mail us</a>.</p>");
    assertThat(result.links()).containsExactly("https://example.org/A?b=1&c=2", "mailto:desk@example.org");
  }

  @Test
  void replacesAHostileRel() {
    assertThat(clean("<a href=\"https://example.org/\" rel=\"opener\">x</a>").html())
        .isEqualTo("<p><a href=\"https://example.org/\" rel=\"nofollow ugc noopener\">x</a></p>");
  }

  @Test
  void dropsHrefsThatAreNotHttpHttpsOrMailto() {
    for (String href : List.of("javascript:alert(1)", "data:text/html,x", "ftp://example.org/", "/relative",
        "tel:+15555550100")) {
      var result = clean("<a href=\"" + href + "\">x</a>");
      assertThat(result.links()).as(href).isEmpty();
      assertThat(result.html()).as(href).isEqualTo("<p><a rel=\"nofollow ugc noopener\">x</a></p>");
    }
  }

  @Test
  void keepsEveryAllowedTagOfTheDefaultPolicy() {
    String content = "<a href=\"https://example.org/\" title=\"t\">a</a><abbr title=\"t\">abbr</abbr><b>b</b>"
        + "<cite>cite</cite><code>code</code><del datetime=\"2026-01-01\">del</del><em>em</em><i>i</i>"
        + "<q cite=\"https://example.org/q\">q</q><s>s</s><strike>strike</strike><strong>strong</strong>"
        + "<blockquote cite=\"https://example.org/b\">bq</blockquote>";
    Element body = Jsoup.parseBodyFragment(clean(content).html()).body();
    for (String tag : CommentPolicy.defaults().allowedHtml().keySet()) {
      assertThat(body.getElementsByTag(tag)).as(tag).hasSize(1);
    }
    assertThat(body.selectFirst("del").attr("datetime")).isEqualTo("2026-01-01");
    assertThat(body.selectFirst("q").attr("cite")).isEqualTo("https://example.org/q");
  }

  @Test
  void plainTextDecodesEntitiesAndDropsTags() {
    var result = clean("<b>Caf&eacute;</b> &amp; <i>tea</i>\n\n<blockquote>said &quot;hi&quot;</blockquote>");
    assertThat(result.text()).isEqualTo("Caf\u00E9 & tea\n\nsaid \"hi\"");
  }

  @Test
  void honoursAHostPolicyWithImagesAndLists() {
    ContentSanitizer sanitizer = new ContentSanitizer(CommentPolicy.builder()
        .allowedHtml(Map.of("img", Set.of("src", "alt"), "ul", Set.of(), "li", Set.of(), "p", Set.of()))
        .build().allowedHtml());
    var result = sanitizer.sanitize("<ul><li>one</li><li>two\nlines</li></ul><p>x\ny</p>"
        + "<img src=\"https://example.org/i.png\" alt=\"i\"><img src=\"javascript:alert(1)\">");
    assertThat(result.html()).isEqualTo("<ul><li><p>one</p></li><li><p>two<br>lines</p></li></ul><p>x<br>y</p>"
        + "<p><img src=\"https://example.org/i.png\" alt=\"i\"><img></p>");
  }

  @Test
  void survivesDeepNesting() {
    String deep = "<blockquote>".repeat(5_000) + "deep" + "</blockquote>".repeat(5_000)
        + "<b>".repeat(5_000) + "bold";
    var result = clean(deep);
    assertThat(result.text()).contains("deep").contains("bold");
    assertThat(XssVectors.whyNotInert(result.html(), XssVectors.DEFAULT_OUTPUT_TAGS)).isNull();
  }

  @ParameterizedTest
  @FieldSource("XSS")
  void neutralizesXssVector(String vector) {
    String html = clean(vector).html();
    assertThat(XssVectors.whyNotInert(html, XssVectors.DEFAULT_OUTPUT_TAGS)).as(html).isNull();
    String surrounded = clean("Hello <b>there</b> " + vector + " and <a href=\"https://ok.example/\">bye</a>").html();
    assertThat(XssVectors.whyNotInert(surrounded, XssVectors.DEFAULT_OUTPUT_TAGS)).as(surrounded).isNull();
  }

  @Test
  void unwrapsLinkNestedInLinkLeftByDroppedSvg() {
    // found by sanitizedHtmlIsAFixedPoint: a browser would split the nested links
    assertThat(clean("<a href=\"https://a.example/\">a<svg><a href=\"https://b.example/\">b</a></svg></a>").html())
        .isEqualTo("<p><a href=\"https://a.example/\" rel=\"nofollow ugc noopener\">ab</a></p>");
  }

  @Test
  void keepsInlineElementHoldingABlockOutOfParagraphs() {
    // found by sanitizedHtmlIsAFixedPoint: <p><a><blockquote> would be restructured by a browser
    assertThat(clean("x <a href=\"https://a.example/\">link<blockquote>quote</blockquote></a>").html())
        .isEqualTo("<p>x</p><a href=\"https://a.example/\" rel=\"nofollow ugc noopener\"><p>link</p>"
            + "<blockquote><p>quote</p></blockquote></a>");
  }

  @Test
  void normalizesCharactersDecodedFromEntities() {
    // found by validOutputIsInertAndNormalized: &#1; and &#xFEFF; decode to characters the raw text had not
    var result = clean("a&#1;b&#xFEFF;c&#13;&#10;d e&#x301; <abbr title=\"t&#0;&#x1B;\">x</abbr>");
    assertThat(result.text()).isEqualTo("abc\nd \u00E9 x");
    assertThat(result.html()).isEqualTo("<p>abc<br>d \u00E9 <abbr title=\"t\">x</abbr></p>");
  }

  @Test
  void inertnessCheckCatchesWhatItMust() {
    // The oracle itself must fail on live HTML, or every test above proves nothing.
    assertThat(XssVectors.whyNotInert("<script>x</script>", XssVectors.DEFAULT_OUTPUT_TAGS)).isNotNull();
    assertThat(XssVectors.whyNotInert("<b onclick=x>y</b>", XssVectors.DEFAULT_OUTPUT_TAGS)).isNotNull();
    assertThat(XssVectors.whyNotInert("<a href=\" java&#x09;script:x\" rel=\"nofollow ugc noopener\">y</a>",
        XssVectors.DEFAULT_OUTPUT_TAGS)).isNotNull();
    assertThat(XssVectors.whyNotInert("<a href=\"https://x.example/\">y</a>", XssVectors.DEFAULT_OUTPUT_TAGS))
        .isNotNull();
    assertThat(XssVectors.whyNotInert("<b style=\"x\">y</b>", XssVectors.DEFAULT_OUTPUT_TAGS)).isNotNull();
  }
}
