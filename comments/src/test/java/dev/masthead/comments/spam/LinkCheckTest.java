package dev.masthead.comments.spam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
  void countsAnAnchorWhoseTextRepeatsItsUrlOnce() {
    assertThat(Links.of(TestComments.html("<a href=\"https://example.com/a/\">https://example.com/a</a>"))).hasSize(1);
  }

  @Test
  void countsBareHostsWithAKnownTopLevelDomain() {
    assertThat(Links.of(TestComments.text("go to pimpmyviews.com now, or www.spam.example or bit.ly/x"))).hasSize(3);
  }

  @Test
  void emoticonsAndAbbreviationsAreNotLinks() {
    assertThat(Links.of(TestComments.text("lol :) :-) ;-P o.O ^.^ 8.) x.x e.g. i.e. U.S. 3.14 Mr.Smith end."))).isEmpty();
  }

  @Test
  void mailtoLinksAreNotCounted() {
    assertThat(Links.of(TestComments.html("<a href=\"mailto:ann@example.com\">mail</a>"))).isEmpty();
  }

  @Test
  void holdsAtAConfiguredLimit() {
    assertThat(LinkCheck.holdingAt(1).check(TestComments.text("https://example.com"), SpamContext.EMPTY)).hasSize(1);
    assertThatThrownBy(() -> LinkCheck.holdingAt(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
