package dev.masthead.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SampleCommentsTest {

  @Test
  void hamAndSpamAreDistinctTextsWithoutLinks() {
    assertThat(SampleComments.ham()).doesNotHaveDuplicates().doesNotContainAnyElementsOf(SampleComments.spam());
    assertThat(SampleComments.spam()).doesNotHaveDuplicates();
    assertThat(SampleComments.ham()).noneMatch(t -> t.contains("http") || t.contains("www."));
    assertThat(SampleComments.spam()).noneMatch(t -> t.contains("http") || t.contains("www."));
  }

  @Test
  void replyKeepsItsLinkOutOfTheContent() {
    SampleComments.Reply reply = SampleComments.reply();
    assertThat(reply.authorUrl()).startsWith("https://");
    assertThat(reply.content()).doesNotContain("http");
  }
}
