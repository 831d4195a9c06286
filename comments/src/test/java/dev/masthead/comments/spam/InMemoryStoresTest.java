package dev.masthead.comments.spam;

import dev.masthead.testing.TestClock;
import dev.masthead.comments.spam.contract.ApprovedAuthorsContract;
import dev.masthead.comments.spam.contract.DuplicateStoreContract;
import dev.masthead.comments.spam.contract.FloodStoreContract;
import java.time.Duration;
import org.junit.jupiter.api.Nested;

/** The store contracts, run on the in-memory stores with a clock the tests move. */
class InMemoryStoresTest {
  @Nested
  class Flood extends FloodStoreContract {
    private final TestClock clock = new TestClock(TestComments.NOW);

    @Override
    protected FloodStore newStore() {
      return FloodStore.inMemory(clock);
    }

    @Override
    protected void letTimePass(Duration d) {
      clock.advance(d);
    }
  }

  @Nested
  class Duplicate extends DuplicateStoreContract {
    private final TestClock clock = new TestClock(TestComments.NOW);

    @Override
    protected DuplicateStore newStore() {
      return DuplicateStore.inMemory(clock); // bound 100,000: the regression test overflows it
    }

    @Override
    protected void letTimePass(Duration d) {
      clock.advance(d);
    }
  }

  @Nested
  class Authors extends ApprovedAuthorsContract {
    private final TestClock clock = new TestClock(TestComments.NOW);

    @Override
    protected ApprovedAuthors newStore() {
      return ApprovedAuthors.inMemory(clock);
    }

    @Override
    protected void letTimePass(Duration d) {
      clock.advance(d);
    }
  }
}
