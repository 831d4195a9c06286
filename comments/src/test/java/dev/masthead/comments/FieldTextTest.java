package dev.masthead.comments;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldTextTest {

  @Test
  void everyDefaultIgnorableCodePointIsInvisibleInNameEmailAndWebsite() {
    List<String> visible = new ArrayList<>();
    for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
      if (UCharacter.hasBinaryProperty(cp, UProperty.DEFAULT_IGNORABLE_CODE_POINT) && !FieldText.isInvisible(cp)
          && visible.size() < 20) {
        visible.add(String.format("U+%04X", cp));
      }
    }
    assertThat(visible).isEmpty();
  }

  @Test
  void aNameKeepsNoDefaultIgnorable() {
    assertThat(FieldText.singleLine("A\u2065n\uFFF0n\u3164", 100, true).value()).isEqualTo("Ann");
  }
}
