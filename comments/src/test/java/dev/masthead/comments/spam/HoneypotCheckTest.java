package dev.masthead.comments.spam;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HoneypotCheckTest {
  @Test
  void discardsAFilledHoneypot() {
    var signals = HoneypotCheck.create().check(TestComments.text("hi"), new SpamContext("http://spam.example", null, null, null));
    assertThat(signals).singleElement().satisfies(s -> {
      assertThat(s.code()).isEqualTo("honeypot.filled");
      assertThat(s.floor()).isEqualTo(Decision.DISCARD);
    });
    assertThat(HoneypotCheck.create().check(TestComments.text("hi"), new SpamContext(" ", null, null, null))).hasSize(1);
  }

  @Test
  void ignoresAnEmptyOrMissingHoneypot() {
    assertThat(HoneypotCheck.create().check(TestComments.text("hi"), new SpamContext("", null, null, null))).isEmpty();
    assertThat(HoneypotCheck.create().check(TestComments.text("hi"), SpamContext.EMPTY)).isEmpty();
  }
}
