package dev.masthead.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * What a test needs from the machine (a data set, a browser, a server binary), and one rule for when it is
 * missing: the test is skipped with a message on a developer's machine, and fails in CI, where a skipped test
 * would hide that nothing was tested.
 *
 * <p>Skipping throws opentest4j's {@link TestAbortedException}, which JUnit 5 reports as skipped (an aborted
 * assumption); failing throws its {@link AssertionFailedError}.
 *
 * <p>Thread-safe (stateless; it reads the environment and system properties).
 */
public final class Prerequisites {
  /**
   * The system property naming the directory of the real data sets. The build sets it to {@code ../shared/data}
   * beside the checkout; when it is unset, {@value #DEFAULT_DATA_DIR} relative to the working directory (a
   * module's directory) is used.
   */
  public static final String DATA_DIR_PROPERTY = "masthead.data.dir";

  /** The data directory when {@value #DATA_DIR_PROPERTY} is unset, relative to a module's directory. */
  public static final String DEFAULT_DATA_DIR = "../../shared/data";

  private Prerequisites() {}

  /**
   * Returns whether the tests run in CI: the environment variable {@code CI} is set to anything but an empty
   * string, {@code false} or {@code 0} (GitHub Actions, GitLab CI and {@code .ci/run} set {@code CI=true}).
   *
   * @return whether a missing prerequisite fails the test instead of skipping it
   */
  public static boolean inCi() {
    return inCi(System.getenv("CI"));
  }

  static boolean inCi(@Nullable String ci) {
    if (ci == null) {
      return false;
    }
    String v = ci.strip();
    return !v.isEmpty() && !v.equalsIgnoreCase("false") && !v.equals("0");
  }

  /**
   * Stops the calling test unless a prerequisite is present: in CI ({@link #inCi()}) it fails, elsewhere it is
   * skipped; either way with a message naming what is missing.
   *
   * @param present whether the prerequisite is there
   * @param missing what is missing and how to get it, for example
   *     {@code "/usr/bin/chromium (apt-get install chromium)"}
   * @throws TestAbortedException if it is missing and the tests do not run in CI
   * @throws AssertionFailedError if it is missing and the tests run in CI
   * @throws NullPointerException if {@code missing} is null
   */
  public static void require(boolean present, String missing) {
    require(present, missing, inCi());
  }

  static void require(boolean present, String missing, boolean inCi) {
    Objects.requireNonNull(missing, "missing");
    if (present) {
      return;
    }
    if (inCi) {
      throw new AssertionFailedError("CI is set and a prerequisite is missing: " + missing);
    }
    throw new TestAbortedException("skipped, missing " + missing + "; with CI=true it fails instead");
  }

  /**
   * Returns a file of the real data sets, stopping the calling test as {@link #require} does when it is not
   * there.
   *
   * @param relativePath the file's path under the data directory, for example
   *     {@code "youtube-spam-collection/Youtube01-Psy.csv"}
   * @return the file, a readable regular file
   * @throws TestAbortedException if it is missing and the tests do not run in CI
   * @throws AssertionFailedError if it is missing and the tests run in CI
   * @throws NullPointerException if {@code relativePath} is null
   */
  public static Path dataFile(String relativePath) {
    return dataFile(relativePath, System.getProperty(DATA_DIR_PROPERTY), inCi());
  }

  static Path dataFile(String relativePath, @Nullable String dataDir, boolean inCi) {
    Objects.requireNonNull(relativePath, "relativePath");
    Path file = Path.of(dataDir != null ? dataDir : DEFAULT_DATA_DIR).resolve(relativePath);
    require(Files.isRegularFile(file) && Files.isReadable(file),
        "the data set " + file.toAbsolutePath().normalize() + " (set -D" + DATA_DIR_PROPERTY + ")", inCi);
    return file;
  }
}
