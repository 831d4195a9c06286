/**
 * Masthead testing: what the tests of Masthead and of its hosts share. A {@link dev.masthead.testing.TestClock}
 * that a test moves instead of sleeping, {@link dev.masthead.testing.SampleArticles} and
 * {@link dev.masthead.testing.SampleComments}, and {@link dev.masthead.testing.Prerequisites}: a test that needs
 * a data set or a program is skipped with a message when it is missing, and fails in CI.
 *
 * <p>It depends on core only. The contract suite of each SPI lives in its module's test sources and is
 * published as that module's test-jar; a host that runs one on its own implementation adds this artifact and
 * the test-jar at test scope.
 */
module dev.masthead.testing {
  requires static transitive org.jspecify;
  requires transitive dev.masthead.core;
  requires transitive org.opentest4j;

  exports dev.masthead.testing;
}
