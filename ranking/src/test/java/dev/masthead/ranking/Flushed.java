package dev.masthead.ranking;

import static org.assertj.core.api.Assertions.assertThat;

/** Test helper: an engine's buffered counts handed to its store, so that the next ranking shows them. */
final class Flushed {
  private Flushed() {}

  /** Flushes and returns the engine; fails the test if the store did not take every count. */
  static RankingEngine flushed(RankingEngine engine) {
    assertThat(engine.flush()).as("flush").isTrue();
    return engine;
  }
}
