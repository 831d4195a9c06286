package dev.masthead.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.masthead.comments.ClientInfo;
import dev.masthead.comments.Comment;
import dev.masthead.comments.SafeHtml;
import dev.masthead.comments.spam.Decision;
import dev.masthead.comments.spam.Refusal;
import dev.masthead.comments.spam.SpamChecks;
import dev.masthead.comments.spam.SpamChecks.StoreSettings;
import dev.masthead.comments.spam.SpamContext;
import dev.masthead.comments.spam.SpamFilter;
import dev.masthead.comments.spam.Verdict;
import dev.masthead.core.ArticleId;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two spam filters, as two app servers behind a round-robin load balancer, each with its own connection to one
 * Redis: a flood or a duplicate split across them is refused, where per-server memory lets it through.
 */
class SharedCommentMemoryTest {
  static final byte[] SITE_SECRET = "the site secret, same everywhere".getBytes(StandardCharsets.US_ASCII);
  static final Instant T0 = Instant.parse("2025-12-07T18:00:00Z");

  private RedisServer redis;
  private RedisConnection serverA;
  private RedisConnection serverB;

  @BeforeEach
  void start() {
    redis = RedisServer.start();
    serverA = RedisConnection.builder().uri(redis.uri()).build();
    serverB = RedisConnection.builder().uri(redis.uri()).build();
  }

  @AfterEach
  void stop() {
    if (serverA != null) {
      serverA.close();
    }
    if (serverB != null) {
      serverB.close();
    }
    if (redis != null) {
      redis.close();
    }
  }

  static SpamFilter filterOn(RedisConnection connection, String namespace) {
    RedisCommentStores stores = RedisCommentStores.builder(connection).namespace(namespace).build();
    return SpamFilter.builder()
        .check(SpamChecks.flood(SpamChecks.DEFAULT_FLOOD_INTERVAL, stores.flood(), StoreSettings.of(SITE_SECRET)))
        .check(SpamChecks.duplicate(SpamChecks.DEFAULT_DUPLICATE_RETENTION, stores.duplicates(),
            StoreSettings.of(SITE_SECRET)))
        .check(SpamChecks.approvedAuthors(stores.approvedAuthors(), StoreSettings.of(SITE_SECRET)))
        .build();
  }

  static Comment comment(String email, String ip, String text, Instant at) {
    return new Comment(ArticleId.of("harbor-bridge"), null, "Reader", email, (URI) null, SafeHtml.sanitize(text), text,
        List.of(),
        new ClientInfo(ip, "Mozilla/5.0", null), at);
  }

  @Test
  void aFloodSplitAcrossTwoServersIsRefused() {
    String ns = "site:" + UUID.randomUUID();
    SpamFilter a = filterOn(serverA, ns);
    SpamFilter b = filterOn(serverB, ns);
    assertThat(a.check(comment("x@example.com", "203.0.113.9", "first", T0), SpamContext.EMPTY).decision())
        .isEqualTo(Decision.APPROVE);
    Verdict second = b.check(comment("y@example.com", "203.0.113.9", "second", T0.plusSeconds(5)), SpamContext.EMPTY);
    assertThat(second.refused()).contains(Refusal.FLOOD);
    // the email half of the flood key: another IP, same address
    Verdict third = b.check(comment("x@example.com", "198.51.100.4", "third", T0.plusSeconds(6)), SpamContext.EMPTY);
    assertThat(third.refused()).contains(Refusal.FLOOD);
  }

  @Test
  void aDuplicateSplitAcrossTwoServersIsRefused() {
    String ns = "site:" + UUID.randomUUID();
    SpamFilter a = filterOn(serverA, ns);
    SpamFilter b = filterOn(serverB, ns);
    assertThat(a.check(comment("x@example.com", "203.0.113.9", "Fix the bridge now", T0), SpamContext.EMPTY)
        .refused()).isEmpty();
    Verdict again = b.check(comment("X@Example.com", "198.51.100.4", "fix the  bridge NOW", T0.plusSeconds(60)),
        SpamContext.EMPTY);
    assertThat(again.refused()).contains(Refusal.DUPLICATE);
  }

  @Test
  void anApprovalOnOneServerIsTrustedOnTheOther() {
    String ns = "site:" + UUID.randomUUID();
    SpamFilter a = filterOn(serverA, ns);
    SpamFilter b = filterOn(serverB, ns);
    Comment approved = comment("x@example.com", "203.0.113.9", "A fair point", T0);
    a.markHam(approved, SpamContext.EMPTY);
    // the approval is written without waiting; the next comment from the same author a minute later
    Verdict next = waitForApproval(b, comment("x@example.com", "203.0.113.9", "Another point", T0.plusSeconds(60)));
    assertThat(next.has("author.previously_approved")).isTrue();
  }

  private static Verdict waitForApproval(SpamFilter filter, Comment c) {
    Verdict v = null;
    for (int attempt = 0; attempt < 50; attempt++) { // markHam does not wait for Redis: give it a moment
      v = filter.check(comment(c.authorEmail(), c.client().ipAddress(), c.contentText() + attempt,
          c.submittedAt().plusSeconds(20L * attempt)), SpamContext.EMPTY);
      if (v.has("author.previously_approved")) {
        return v;
      }
      RedisCommentStoresTest.waitFor(java.time.Duration.ofMillis(20));
    }
    return v;
  }

  @Test
  void perServerMemoryMissesTheSameSplitFloodAndDuplicate() {
    // the control: what issue 12 is about
    SpamFilter a = SpamFilter.builder().check(SpamChecks.flood(() -> T0)).check(SpamChecks.duplicate(() -> T0)).build();
    SpamFilter b = SpamFilter.builder().check(SpamChecks.flood(() -> T0)).check(SpamChecks.duplicate(() -> T0)).build();
    a.check(comment("x@example.com", "203.0.113.9", "Fix the bridge now", T0), SpamContext.EMPTY);
    assertThat(b.check(comment("x@example.com", "203.0.113.9", "Fix the bridge now", T0.plusSeconds(5)),
        SpamContext.EMPTY).refused()).isEmpty();
  }
}
