package dev.masthead.comments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class CommentValidatorListenerTest {
  @Test
  void theListenerSeesEveryResultTheCallerGets() {
    List<ValidationResult> heard = new CopyOnWriteArrayList<>();
    CommentValidator validator = CommentValidator.builder().articles(Fixtures.ARTICLE_LOOKUP).clock(Fixtures.CLOCK)
        .listener(heard::add).build();
    ValidationResult valid = validator.validate(Fixtures.valid().build());
    ValidationResult invalid = validator.validate(Fixtures.valid().content("").build());
    assertThat(heard).containsExactly(valid, invalid);
    assertThat(valid.isValid()).isTrue();
    assertThat(invalid.isValid()).isFalse();
  }

  @Test
  void aThrowingListenerChangesNoResult() {
    CommentValidator validator = CommentValidator.builder().articles(Fixtures.ARTICLE_LOOKUP).clock(Fixtures.CLOCK)
        .listener(r -> {
          throw new IllegalStateException("metrics down");
        }).build();
    assertThat(validator.validate(Fixtures.valid().build())).isEqualTo(Fixtures.validator().validate(
        Fixtures.valid().build()));
  }
}
