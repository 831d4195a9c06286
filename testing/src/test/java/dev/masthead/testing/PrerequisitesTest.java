package dev.masthead.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class PrerequisitesTest {

  @Test
  void readsCiAsSetUnlessEmptyFalseOrZero() {
    assertThat(Prerequisites.inCi("true")).isTrue();
    assertThat(Prerequisites.inCi("1")).isTrue();
    assertThat(Prerequisites.inCi("yes")).isTrue();
    assertThat(Prerequisites.inCi(null)).isFalse();
    assertThat(Prerequisites.inCi("")).isFalse();
    assertThat(Prerequisites.inCi(" ")).isFalse();
    assertThat(Prerequisites.inCi("false")).isFalse();
    assertThat(Prerequisites.inCi("FALSE")).isFalse();
    assertThat(Prerequisites.inCi("0")).isFalse();
  }

  @Test
  void skipsAMissingPrerequisiteOutsideCiAndFailsItInCi() {
    assertThatThrownBy(() -> Prerequisites.require(false, "/usr/bin/chromium", false))
        .isInstanceOf(TestAbortedException.class).hasMessageContaining("/usr/bin/chromium");
    assertThatThrownBy(() -> Prerequisites.require(false, "/usr/bin/chromium", true))
        .isInstanceOf(AssertionFailedError.class).hasMessageContaining("/usr/bin/chromium");
    assertThatCode(() -> Prerequisites.require(true, "/usr/bin/chromium", true)).doesNotThrowAnyException();
  }

  @Test
  void findsADataFileUnderTheDataDirectory(@TempDir Path dir) throws IOException {
    Path file = Files.createDirectories(dir.resolve("set")).resolve("rows.txt");
    Files.writeString(file, "1\n");
    assertThat(Prerequisites.dataFile("set/rows.txt", dir.toString(), true)).isEqualTo(file);
  }

  @Test
  void regressionAnAbsentDataSetSkipsOnACleanMachineAndFailsInCi(@TempDir Path dir) {
    String absent = dir.resolve("nonexistent").toString();
    assertThatThrownBy(() -> Prerequisites.dataFile("set/rows.txt", absent, false))
        .isInstanceOf(TestAbortedException.class)
        .hasMessageContaining("rows.txt").hasMessageContaining("-Dmasthead.data.dir");
    assertThatThrownBy(() -> Prerequisites.dataFile("set/rows.txt", absent, true))
        .isInstanceOf(AssertionFailedError.class).hasMessageContaining("rows.txt");
  }

  @Test
  void treatsADirectoryAsAMissingDataFile(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("set"));
    assertThatThrownBy(() -> Prerequisites.dataFile("set", dir.toString(), false))
        .isInstanceOf(TestAbortedException.class);
  }
}
