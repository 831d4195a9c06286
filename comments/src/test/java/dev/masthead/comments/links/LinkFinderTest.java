package dev.masthead.comments.links;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LinkFinderTest {
  private static List<String> bare(String text) {
    return LinkFinder.find(List.of(), text);
  }

  @Test
  void countsAnAnchorWhoseTextRepeatsItsUrlOnce() {
    assertThat(LinkFinder.find(List.of("https://example.com/a/"), "https://example.com/a")).hasSize(1);
  }

  @Test
  void findsBareHostsOnEveryTopLevelDomainOfThePublicSuffixList() {
    assertThat(bare("go to pimpmyviews.com now, or www.spam.example or bit.ly/x")).hasSize(3);
    assertThat(bare("tanie-leki.pl, shop.co and kaas.nl")).containsExactly("tanie-leki.pl", "shop.co", "kaas.nl");
    assertThat(bare("see news.com.au and bücher.de and example.photography")).hasSize(3);
  }

  @Test
  void emoticonsAbbreviationsNumbersAndJoinedSentencesAreNotLinks() {
    assertThat(bare("lol :) :-) ;-P o.O ^.^ 8.) x.x e.g. i.e. U.S. 3.14 10.50 Mr.Smith end.")).isEmpty();
    assertThat(bare("Great song.Love it")).isEmpty();
    assertThat(bare("a file.txt and 192.168.1.1")).isEmpty();
  }

  @Test
  void emailAddressesAreContactsNotLinks() {
    assertThat(bare("write to ann@example.com")).isEmpty();
    assertThat(LinkFinder.find(List.of("mailto:ann@example.com"), "mail")).isEmpty();
  }

  @Test
  void aBackslashEndsTheHost() {
    assertThat(bare("go to bit.ly\\1bSefQe")).hasSize(1);
    assertThat(LinkFinder.host("bit.ly\\1bSefQe")).isEqualTo("bit.ly");
  }

  @Test
  void normalizesHostCaseSchemeWwwAndTrailingSlashes() {
    assertThat(LinkFinder.normalize("HTTPS://www.Example.COM/Path//")).isEqualTo("example.com/Path");
    assertThat(LinkFinder.find(List.of("http://example.com/x"), "www.example.com/x/")).hasSize(1);
  }
}
