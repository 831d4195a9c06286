package dev.masthead.comments.spam;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DefaultIgnorablesTest {

  @Test
  void tableAgreesWithIcuForEveryCodePoint() {
    List<String> disagreements = new ArrayList<>();
    for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
      boolean icu = UCharacter.hasBinaryProperty(cp, UProperty.DEFAULT_IGNORABLE_CODE_POINT);
      if (DefaultIgnorables.contains(cp) != icu && disagreements.size() < 20) {
        disagreements.add(String.format("U+%04X: ICU %s", cp, icu));
      }
    }
    assertThat(disagreements).as("regenerate DefaultIgnorables from ICU %s", UCharacter.getUnicodeVersion())
        .isEmpty();
  }

  @Test
  void tableIsFromTheUnicodeVersionOfTheTestedIcu() {
    assertThat(UCharacter.getUnicodeVersion().toString()).startsWith(DefaultIgnorables.UNICODE_VERSION);
  }

  @Test
  void namesTheFillersOfIssueTen() {
    assertThat(List.of(0x115F, 0x1160, 0x3164, 0xFFA0)).allMatch(DefaultIgnorables::contains);
    assertThat(DefaultIgnorables.contains('a')).isFalse();
    assertThat(DefaultIgnorables.contains(0x1F600)).isFalse();
  }
}
