package dev.masthead.comments.spam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.masthead.comments.ClientInfo;
import dev.masthead.comments.Comment;
import dev.masthead.core.ArticleId;
import dev.masthead.testing.TestClock;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The contract every {@link SpamCheck} must keep, run against every built-in check: never throws on arbitrary
 * comments, deterministic for a given clock and state, safe under concurrent calls.
 */
class SpamCheckContractProperties {
  static final long SEED = 0x5BA4_2026L;

  /** Fresh instances of every local built-in check, each with its own state, on a fixed clock. */
  /** Trained once: it only learns from feedback, which the contract does not give. */
  private static final SpamClassifier TRAINED = SpamClassifier.trainer().train(SpamClassifierTest.examples());

  static List<Supplier<SpamCheck>> checks() {
    TestClock clock = new TestClock(TestComments.NOW);
    SpamClassifier trained = TRAINED;
    return List.of(
        LinkCheck::create,
        () -> TermListCheck.of("casino\n~pill\nv*agra\n203.0.113.0/24\n2001:db8::/32", "refund\ncheap deals"),
        () -> FloodCheck.create(clock),
        () -> DuplicateCheck.create(clock),
        HoneypotCheck::create,
        () -> FormTokenCheck.of(FormTokens.create("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII), clock)),
        ContentHeuristicsCheck::create,
        () -> ClassifierCheck.of(trained),
        () -> ApprovedAuthorCheck.create(clock));
  }

  static Gen<String> anyText() {
    return strings().allPossible().ofLengthBetween(0, 400)
        .mix(strings().basicLatinAlphabet().ofLengthBetween(0, 400), 40)
        .mix(integers().between(0, 6).map(i -> new String[] {
            "http://a.example.com/x https://b.example.org", "[url=http://x.example]x[/url]", "CHECK OUT MY CHANNEL!!!!!!!!!!!",
            "c&#97;sino ｃａｓｉｎｏ", "\u202Eevil\u202C \u200B\uFEFF", "\uD800 lone \uDC00 surrogates", ""}[i]), 20);
  }

  static Gen<Comment> comments() {
    Gen<String> text = anyText();
    Gen<String> ip = integers().between(0, 4).map(i -> new String[] {"203.0.113.7", "198.51.100.1", "2001:db8::1", "not an ip", ""}[i]);
    Gen<Integer> small = integers().between(0, 3);
    return in -> {
      String content = text.generate(in);
      dev.masthead.comments.SafeHtml html = dev.masthead.comments.SafeHtml.sanitize(org.jsoup.nodes.Entities.escape(content));
      String ipAddress = ip.generate(in);
      return new Comment(ArticleId.of("a" + small.generate(in)), small.generate(in) == 0 ? null : "c" + small.generate(in),
          "name" + small.generate(in), "u" + small.generate(in) + "@example.com", null, html,
          Jsoup.parseBodyFragment(html.html()).body().text(), List.of(), new ClientInfo(ipAddress.isEmpty() ? null : ipAddress,
          text.generate(in), null), Instant.parse("2025-12-07T18:00:00Z").plusSeconds(small.generate(in) * 7L));
    };
  }

  static Gen<SpamContext> contexts() {
    return integers().between(0, 3).map(i -> switch (i) {
      case 0 -> SpamContext.EMPTY;
      case 1 -> new SpamContext("filled", null, null, null);
      case 2 -> new SpamContext(null, "v1.1.abc", "s", null);
      default -> new SpamContext("", "garbage", null, null);
    });
  }

  @Test
  void everyCheckIsDeterministicAndNeverThrows() {
    qt().withFixedSeed(SEED).withExamples(200)
        .forAll(lists().of(comments()).ofSizeBetween(1, 6), contexts())
        .checkAssert((sequence, context) -> {
          List<Supplier<SpamCheck>> first = checks();
          List<Supplier<SpamCheck>> second = checks();
          for (int k = 0; k < first.size(); k++) {
            SpamCheck a = first.get(k).get();
            SpamCheck b = second.get(k).get();
            for (Comment c : sequence) {
              List<Signal> x = a.check(c, context);
              List<Signal> y = b.check(c, context);
              assertThat(x).as("%s on %s", a.name(), c).isEqualTo(y).doesNotContainNull();
            }
          }
        });
  }

  @Test
  void everyCheckIsSafeUnderConcurrentCalls() throws Exception {
    List<Comment> sample = new ArrayList<>();
    Gen<Comment> gen = comments();
    qt().withFixedSeed(SEED).withExamples(300).forAll(gen).checkAssert(sample::add);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      for (Supplier<SpamCheck> supplier : checks()) {
        SpamCheck shared = supplier.get();
        List<Future<List<List<Signal>>>> futures = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
          futures.add(pool.submit(() -> {
            List<List<Signal>> out = new ArrayList<>();
            for (Comment c : sample) {
              out.add(shared.check(c, SpamContext.EMPTY));
            }
            return out;
          }));
        }
        for (Future<List<List<Signal>>> f : futures) {
          assertThat(f.get()).hasSize(sample.size());
        }
        if (!(shared instanceof FloodCheck) && !(shared instanceof DuplicateCheck)) {
          // stateless checks: every thread saw what one thread sees alone
          SpamCheck alone = supplier.get();
          List<List<Signal>> expected = new ArrayList<>();
          for (Comment c : sample) {
            expected.add(alone.check(c, SpamContext.EMPTY));
          }
          for (Future<List<List<Signal>>> f : futures) {
            assertThat(f.get()).as(shared.name()).isEqualTo(expected);
          }
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theFilterNeverThrowsAndAlwaysExplainsANonApproval() {
    qt().withFixedSeed(SEED).withExamples(300).forAll(comments(), contexts()).checkAssert((c, context) -> {
      SpamFilter.Builder b = SpamFilter.builder();
      checks().forEach(s -> b.check(s.get()));
      Verdict v = b.build().check(c, context);
      if (v.decision() != Decision.APPROVE) {
        assertThat(v.signals()).isNotEmpty();
      }
      assertThat(Double.isFinite(v.score())).isTrue();
    });
  }
}
