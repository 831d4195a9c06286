package dev.masthead.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.masthead.core.ArticleId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link VisitorMemory}, for every implementation: subclass it and say how to make a memory
 * that remembers nobody. The rule is in event time: a sighting is first unless a remembered sighting of the
 * same (article, kind, visitor) is less than the period away from it. Each test waits at most 10 seconds
 * for a call.
 */
public abstract class VisitorMemoryContract {
  private static final Duration PERIOD = Duration.ofMinutes(30);
  private static final Duration REMEMBER = Duration.ofMinutes(95);
  private static final long T = Instant.parse("2026-06-17T12:00:00Z").toEpochMilli();
  private static final long MINUTE = 60_000;
  private static final ArticleId A = ArticleId.of("a");
  private static final ArticleId B = ArticleId.of("b");

  private VisitorMemory memory;

  /**
   * Makes a memory that remembers nobody (a new namespace for a shared one).
   *
   * @return the memory
   */
  protected abstract VisitorMemory create();

  /**
   * Releases a memory after a test; closes it by default.
   *
   * @param memory a memory from {@link #create}
   */
  protected void release(VisitorMemory memory) {
    memory.close();
  }

  @BeforeEach
  public void createMemory() {
    memory = create();
  }

  @AfterEach
  public void releaseMemory() {
    release(memory);
  }

  private static VisitorMemory.Sighting view(ArticleId id, String visitor, long at) {
    return new VisitorMemory.Sighting(id, EngagementKind.VIEW, visitor, at);
  }

  private boolean[] first(long now, VisitorMemory.Sighting... sightings) {
    CompletionStage<boolean[]> stage = memory.firstSightings(List.of(sightings), PERIOD, REMEMBER, now);
    try {
      return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("visitor memory call failed", e);
    }
  }

  @Test
  public void aVisitorCountsOncePerPeriodOfEventTime() {
    assertThat(first(T, view(A, "v1", T))).containsExactly(true);
    assertThat(first(T, view(A, "v1", T + 29 * MINUTE))).containsExactly(false);
    assertThat(first(T, view(A, "v1", T - 29 * MINUTE))).containsExactly(false); // late, near the counted one
    assertThat(first(T, view(A, "v1", T + 30 * MINUTE))).containsExactly(true); // a period after the counted one
    assertThat(first(T, view(A, "v1", T + 59 * MINUTE))).containsExactly(false); // near the new one
  }

  @Test
  public void aRepeatDoesNotMoveTheCountedSighting() {
    assertThat(first(T, view(A, "v1", T))).containsExactly(true);
    assertThat(first(T, view(A, "v1", T + 20 * MINUTE))).containsExactly(false);
    assertThat(first(T, view(A, "v1", T + 31 * MINUTE))).containsExactly(true);
  }

  @Test
  public void otherArticlesKindsAndVisitorsAreFirst() {
    assertThat(first(T, view(A, "v1", T))).containsExactly(true);
    assertThat(first(T, view(B, "v1", T), view(A, "v2", T),
        new VisitorMemory.Sighting(A, EngagementKind.COMMENT, "v1", T))).containsExactly(true, true, true);
  }

  @Test
  public void sightingsOfOneCallAreDecidedInOrder() {
    assertThat(first(T, view(A, "v1", T), view(A, "v1", T + MINUTE), view(B, "v1", T), view(A, "v1",
        T + 40 * MINUTE), view(A, "v1", T + 41 * MINUTE))).containsExactly(true, false, true, true, false);
  }

  @Test
  public void anEmptyCallAnswersNothing() {
    assertThat(first(T)).isEmpty();
  }

  @Test
  public void concurrentSightingsOfOneVisitorCountOnce() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Boolean>> answers = new ArrayList<>();
    try {
      for (int i = 0; i < 16; i++) {
        answers.add(pool.submit(() -> {
          go.await();
          return first(T, view(A, "same", T))[0];
        }));
      }
      go.countDown();
      int counted = 0;
      for (Future<Boolean> f : answers) {
        counted += f.get(30, TimeUnit.SECONDS) ? 1 : 0;
      }
      assertThat(counted).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }
}
