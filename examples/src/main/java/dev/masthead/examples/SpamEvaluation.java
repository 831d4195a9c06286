package dev.masthead.examples;

import dev.masthead.comments.Comment;
import dev.masthead.comments.CommentSubmission;
import dev.masthead.comments.CommentValidator;
import dev.masthead.comments.spam.Decision;
import dev.masthead.comments.spam.Label;
import dev.masthead.comments.spam.SpamChecks;
import dev.masthead.comments.spam.SpamClassifier;
import dev.masthead.comments.spam.SpamContext;
import dev.masthead.comments.spam.SpamFilter;
import dev.masthead.comments.spam.Verdict;
import dev.masthead.core.Article;
import dev.masthead.core.ArticleStatus;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Evaluates the whole local spam filter (learned classifier plus the local checks) on the YouTube Spam
 * Collection, beside the standard text classifier ({@link TfidfSvmPeer}: TF-IDF of word 1-2 grams and
 * character 3-5 grams with LIBLINEAR's L2-loss SVM) on the same folds: stratified 10-fold cross-validation
 * over all comments, leave-one-video-out (train on four videos, test on the fifth), and the per-video 70/30
 * protocol of the TubeSpam experiments beside their published baselines. Every setting of either method
 * (the filter's L2 strength, naive Bayes share, cue weight and SPAM threshold, the SVM's C) is chosen by
 * cross-validation inside the training comments only; the test comments are never used to tune.
 *
 * <pre>
 * mvn -B -q -pl examples -am -DskipTests package exec:java \
 *     -Dexec.mainClass=dev.masthead.examples.SpamEvaluation \
 *     -Dexec.args="../shared/data/youtube-spam-collection"
 * </pre>
 *
 * <p>Every comment first goes through {@link CommentValidator} (author as name, a made-up address as email,
 * the CSV's HTML as content), as on a real site. SPAM and DISCARD count as spam; HOLD is reported apart and,
 * for MCC, counted as not spam (a held comment is not published, but it is not lost either). The DATE column is
 * never used: it leaks the label in the Eminem file. Checks that need what the data set lacks (IP addresses,
 * form tokens, timing, moderation history, Akismet) are left out.
 *
 * <p>While developing, {@code -Dspam.evaluation.quick=true} evaluates the Masthead filter alone by 10-fold and
 * leave-one-video-out cross-validation (no peers, no TubeSpam protocol; about a sixth of the time), and
 * {@code -Dspam.evaluation.errors=true} also prints every comment it gets wrong and the settings chosen for
 * each left-out video. Neither changes the filter's figures.
 */
public final class SpamEvaluation {
  /**
   * With this system property {@code true}, only the Masthead filter is evaluated, and only by 10-fold and
   * leave-one-video-out cross-validation (no peers, no TubeSpam protocol): a quicker run while developing.
   */
  static final String QUICK_PROPERTY = "spam.evaluation.quick";
  /** With this system property {@code true}, the filter's leave-one-video-out errors are printed. */
  static final String ERRORS_PROPERTY = "spam.evaluation.errors";
  static final long SEED = 42;
  static final Instant NOW = Instant.parse("2015-06-01T00:00:00Z");

  /** The best per-video figures of the TubeSpam authors' experiment outputs (see the data set's SOURCE.md). */
  static final Map<String, String> BASELINES = new LinkedHashMap<>();

  static {
    BASELINES.put("Psy", "SVM RBF        acc 96.23  F1 0.962  MCC 0.925");
    BASELINES.put("KatyPerry", "RandomForest   acc 94.34  F1 0.940  MCC 0.893");
    BASELINES.put("LMFAO", "BernoulliNB    acc 97.73  F1 0.978  MCC 0.955");
    BASELINES.put("Eminem", "DecisionTree   acc 97.78  F1 0.980  MCC 0.955");
    BASELINES.put("Shakira", "MultinomialNB  acc 96.43  F1 0.964  MCC 0.931");
  }

  /** A validated comment with its label. */
  record Labelled(YouTubeComments.Row row, Comment comment) {}

  /** Counts of actual class by decision. */
  static final class Confusion {
    final long[][] counts = new long[2][Decision.values().length]; // [spam?1:0][decision]

    void add(boolean spam, Decision d) {
      counts[spam ? 1 : 0][d.ordinal()]++;
    }

    long n(boolean spam, Decision d) {
      return counts[spam ? 1 : 0][d.ordinal()];
    }

    long flagged(boolean spam) {
      return n(spam, Decision.SPAM) + n(spam, Decision.DISCARD);
    }

    long total(boolean spam) {
      long t = 0;
      for (long c : counts[spam ? 1 : 0]) {
        t += c;
      }
      return t;
    }

    double mcc() {
      double tp = flagged(true);
      double fn = total(true) - tp;
      double fp = flagged(false);
      double tn = total(false) - fp;
      double d = Math.sqrt((tp + fp) * (tp + fn) * (tn + fp) * (tn + fn));
      return d == 0 ? 0 : (tp * tn - fp * fn) / d;
    }

    double accuracy() {
      return (flagged(true) + (total(false) - flagged(false))) / (double) (total(true) + total(false));
    }

    double precision() {
      double tp = flagged(true);
      return tp / Math.max(1, tp + flagged(false));
    }

    double recall() {
      return flagged(true) / (double) Math.max(1, total(true));
    }

    double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
  }

  private SpamEvaluation() {}

  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    Path folder = Path.of(args.length > 0 ? args[0] : "../shared/data/youtube-spam-collection");
    List<YouTubeComments.Row> rows;
    try {
      rows = YouTubeComments.read(folder);
    } catch (YouTubeComments.InputException e) {
      System.err.println("error: " + e.getMessage());
      System.exit(2);
      return;
    }
    List<Labelled> data = validate(rows, out);
    boolean quick = Boolean.getBoolean(QUICK_PROPERTY);
    List<Method> methods = quick ? List.of(new MastheadFilter()) : List.of(new MastheadFilter(), new Peer(true),
        new Peer(false));
    long start = System.nanoTime();
    out.printf(Locale.ROOT, "%nStratified 10-fold cross-validation, seed %d, %d comments; hyperparameters and thresholds"
        + " chosen by %d-fold cross-validation inside each training fold%n", SEED, data.size(), INNER_FOLDS);
    crossValidate(data, methods, out);
    out.printf(Locale.ROOT, "%nLeave one video out: train on four videos, test on the fifth%n");
    leaveOneVideoOut(data, methods, out);
    if (!quick) {
      out.printf(Locale.ROOT, "%nPer video: stratified 70/30 hold-out, seed %d (TubeSpam protocol)%n", SEED);
      perVideo(data, methods, out);
    }
    out.printf(Locale.ROOT, "%n(%.0f s in all)%n", (System.nanoTime() - start) / 1e9);
  }

  static List<Labelled> validate(List<YouTubeComments.Row> rows, PrintStream out) {
    CommentValidator validator = CommentValidator.builder()
        // Every video is an article published the day before.
        .articles(id -> Optional.of(Article.builder().id(id).headline("Video " + id.value())
            .status(ArticleStatus.PUBLISHED).publishedAt(NOW.minusSeconds(86_400)).build()))
        .clock(InstantSource.fixed(NOW))
        .build();
    List<Labelled> valid = new ArrayList<>();
    Map<String, Integer> rejected = new LinkedHashMap<>();
    for (YouTubeComments.Row row : rows) {
      String author = row.author().isBlank() ? "anonymous" : row.author();
      CommentSubmission s = CommentSubmission.builder()
          .articleId(row.video())
          .authorName(author)
          .authorEmail("reader" + Integer.toHexString(author.hashCode()) + "@example.com")
          .content(row.content())
          .submittedAt(NOW)
          .build();
      var result = validator.validate(s);
      if (result.validComment().isPresent()) {
        valid.add(new Labelled(row, result.validComment().get()));
      } else {
        rejected.merge(result.errors().get(0).code().toString(), 1, Integer::sum);
      }
    }
    out.printf(Locale.ROOT, "Read %d comments (%d spam); %d passed validation%s%n", rows.size(),
        rows.stream().filter(YouTubeComments.Row::spam).count(), valid.size(),
        rejected.isEmpty() ? "" : ", rejected: " + rejected);
    return valid;
  }

  /** The share of inner-fold ham that a threshold may judge spam: half the 1% target, for a margin. */
  static final double INNER_HAM_LIMIT = 0.005;
  static final int INNER_FOLDS = 5;

  /** A way of judging comments, tuned on its training comments only. */
  interface Method {
    String name();

    /** Tunes on {@code training} (inner cross-validation only) and returns the trained judge. */
    Judge fit(List<Labelled> training);
  }

  /** A trained judge, with the settings its tuning chose. */
  interface Judge {
    Decision decide(Labelled comment);

    String settings();
  }

  /**
   * The whole local Masthead filter: honeypot, links, heuristics and the learned classifier. Inner
   * cross-validation chooses the classifier's L2 strength, naive Bayes share and cue weight and the filter's
   * SPAM threshold: the threshold of best MCC among those that judge at most {@link #INNER_HAM_LIMIT} of the
   * inner ham spam.
   */
  static final class MastheadFilter implements Method {
    static final double[] L2 = {1e-4, 1e-3, 3e-3};
    static final double[] NAIVE_BAYES_SHARE = {0, 0.25, 0.5};
    static final double[] CUE_WEIGHT = {1, 2};

    @Override
    public String name() {
      return "Masthead filter";
    }

    @Override
    public Judge fit(List<Labelled> training) {
      int[] inner = stratifiedFolds(training, INNER_FOLDS, new Random(SEED));
      double bestMcc = -2;
      double bestL2 = L2[0];
      double bestShare = NAIVE_BAYES_SHARE[0];
      double bestCueWeight = CUE_WEIGHT[0];
      double bestThreshold = SpamFilter.DEFAULT_SPAM_THRESHOLD;
      for (double l2 : L2) {
        for (double share : NAIVE_BAYES_SHARE) {
          for (double cueWeight : CUE_WEIGHT) {
            List<double[]> scored = new ArrayList<>(); // {score, harshest floor's ordinal, spam ? 1 : 0}
            for (int k = 0; k < INNER_FOLDS; k++) {
              SpamFilter filter = filter(subset(training, inner, k, false), l2, share, cueWeight,
                  SpamFilter.DEFAULT_SPAM_THRESHOLD);
              for (Labelled l : subset(training, inner, k, true)) {
                Verdict v = filter.check(l.comment(), SpamContext.EMPTY);
                int floor = v.signals().stream().filter(s -> s.floor() != null).mapToInt(s -> s.floor().ordinal())
                    .max().orElse(0);
                scored.add(new double[] {v.score(), floor, l.row().spam() ? 1 : 0});
              }
            }
            double[] choice = bestThreshold(scored);
            if (choice[1] > bestMcc) {
              bestMcc = choice[1];
              bestL2 = l2;
              bestShare = share;
              bestCueWeight = cueWeight;
              bestThreshold = choice[0];
            }
          }
        }
      }
      SpamFilter filter = filter(training, bestL2, bestShare, bestCueWeight, bestThreshold);
      String settings = String.format(Locale.ROOT, "l2 %.0e, naive Bayes share %.2f, cue weight %.0f, spam threshold"
          + " %.2f (inner MCC %.3f)", bestL2, bestShare, bestCueWeight, bestThreshold, bestMcc);
      return new Judge() {
        @Override
        public Decision decide(Labelled comment) {
          return filter.check(comment.comment(), SpamContext.EMPTY).decision();
        }

        @Override
        public String settings() {
          return settings;
        }
      };
    }

    /** {threshold, MCC}: the SPAM threshold of best MCC that flags at most the inner ham limit. */
    static double[] bestThreshold(List<double[]> scored) {
      double bestMcc = -2;
      double best = SpamFilter.DEFAULT_SPAM_THRESHOLD;
      java.util.TreeSet<Double> candidates = new java.util.TreeSet<>();
      for (double[] s : scored) {
        candidates.add(s[0]);
      }
      for (double t : candidates) {
        Confusion c = new Confusion();
        for (double[] s : scored) {
          Decision byScore = s[0] >= t ? Decision.SPAM : Decision.APPROVE;
          c.add(s[2] == 1, byScore.atLeast(Decision.values()[(int) s[1]]));
        }
        if (c.flagged(false) <= INNER_HAM_LIMIT * c.total(false) && c.mcc() > bestMcc) {
          bestMcc = c.mcc();
          best = t;
        }
      }
      return new double[] {best, bestMcc};
    }

    static SpamFilter filter(List<Labelled> training, double l2, double naiveBayesShare, double cueWeight,
        double spamThreshold) {
      List<SpamClassifier.Example> examples = new ArrayList<>();
      for (Labelled l : training) {
        examples.add(new SpamClassifier.Example(l.comment().contentText(), l.row().spam() ? Label.SPAM : Label.HAM));
      }
      SpamClassifier classifier = SpamClassifier.trainer().l2(l2).naiveBayesShare(naiveBayesShare).cueWeight(cueWeight)
          .seed(SEED)
          .train(examples);
      double hold = Math.min(SpamFilter.DEFAULT_HOLD_THRESHOLD, spamThreshold - 0.5);
      return SpamFilter.builder()
          .check(SpamChecks.honeypot())
          .check(SpamChecks.links())
          .check(SpamChecks.contentHeuristics())
          .check(SpamChecks.classifier(classifier))
          .thresholds(hold, spamThreshold, Math.max(SpamFilter.DEFAULT_DISCARD_THRESHOLD, spamThreshold + 1))
          .build();
    }
  }

  /**
   * The peer: TF-IDF of word 1-2 grams and character 3-5 grams (within words, as scikit-learn's
   * {@code char_wb}, or across them, as {@code char}), LIBLINEAR's L2-loss SVM, C by inner CV.
   */
  static final class Peer implements Method {
    static final double[] C = {0.1, 0.3, 1, 3, 10};
    private final boolean withinWords;

    Peer(boolean withinWords) {
      this.withinWords = withinWords;
    }

    @Override
    public String name() {
      return withinWords ? "TF-IDF char_wb + SVM" : "TF-IDF char + SVM";
    }

    @Override
    public Judge fit(List<Labelled> training) {
      int[] inner = stratifiedFolds(training, INNER_FOLDS, new Random(SEED));
      double bestMcc = -2;
      double bestC = 1;
      for (double c : C) {
        Confusion conf = new Confusion();
        for (int k = 0; k < INNER_FOLDS; k++) {
          TfidfSvmPeer peer = train(subset(training, inner, k, false), c);
          for (Labelled l : subset(training, inner, k, true)) {
            conf.add(l.row().spam(), peer.isSpam(l.comment().contentText()) ? Decision.SPAM : Decision.APPROVE);
          }
        }
        if (conf.mcc() > bestMcc) {
          bestMcc = conf.mcc();
          bestC = c;
        }
      }
      TfidfSvmPeer peer = train(training, bestC);
      String settings = String.format(Locale.ROOT, "C %.1f (inner MCC %.3f)", bestC, bestMcc);
      return new Judge() {
        @Override
        public Decision decide(Labelled comment) {
          return peer.isSpam(comment.comment().contentText()) ? Decision.SPAM : Decision.APPROVE;
        }

        @Override
        public String settings() {
          return settings;
        }
      };
    }

    TfidfSvmPeer train(List<Labelled> training, double c) {
      return TfidfSvmPeer.fit(training.stream().map(l -> l.comment().contentText()).toList(),
          training.stream().map(l -> l.row().spam()).toList(), c, withinWords);
    }
  }

  /** The comments of fold {@code k} ({@code in}) or of every other fold. */
  static List<Labelled> subset(List<Labelled> data, int[] fold, int k, boolean in) {
    List<Labelled> out = new ArrayList<>();
    for (int i = 0; i < data.size(); i++) {
      if ((fold[i] == k) == in) {
        out.add(data.get(i));
      }
    }
    return out;
  }

  static void crossValidate(List<Labelled> data, List<Method> methods, PrintStream out) {
    int folds = 10;
    int[] fold = stratifiedFolds(data, folds, new Random(SEED));
    List<Confusion> totals = new ArrayList<>();
    List<List<String>> settings = new ArrayList<>();
    for (Method m : methods) {
      totals.add(new Confusion());
      settings.add(new ArrayList<>());
    }
    for (int k = 0; k < folds; k++) {
      List<Labelled> training = subset(data, fold, k, false);
      List<Labelled> test = subset(data, fold, k, true);
      for (int m = 0; m < methods.size(); m++) {
        Judge judge = methods.get(m).fit(training);
        settings.get(m).add(judge.settings());
        for (Labelled l : test) {
          Decision d = judge.decide(l);
          if (m == 0 && Boolean.getBoolean(ERRORS_PROPERTY) && l.row().spam() != (d == Decision.SPAM || d == Decision.DISCARD)) {
            out.printf(Locale.ROOT, "    fold %d %s %s: %s%n", k, l.row().spam() ? "missed spam" : "lost ham", d,
                l.comment().contentText().replace('\n', ' '));
          }
          totals.get(m).add(l.row().spam(), d);
        }
      }
    }
    table(methods, totals, out);
    out.println();
    out.println("Decisions of the Masthead filter (pooled over the 10 test folds):");
    print(totals.get(0), out);
    for (int m = 0; m < methods.size(); m++) {
      out.println("Settings chosen by " + methods.get(m).name() + ", fold by fold:");
      for (int k = 0; k < folds; k++) {
        out.printf(Locale.ROOT, "  fold %d: %s%n", k, settings.get(m).get(k));
      }
    }
  }

  static void table(List<Method> methods, List<Confusion> totals, PrintStream out) {
    StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "  %-28s", ""));
    for (Method m : methods) {
      header.append(String.format(Locale.ROOT, "  %24s", m.name()));
    }
    out.println(header);
    row(out, "MCC", totals, c -> String.format(Locale.ROOT, "%.4f", c.mcc()));
    row(out, "accuracy", totals, c -> String.format(Locale.ROOT, "%.4f", c.accuracy()));
    row(out, "precision", totals, c -> String.format(Locale.ROOT, "%.4f", c.precision()));
    row(out, "recall", totals, c -> String.format(Locale.ROOT, "%.4f", c.recall()));
    row(out, "F1", totals, c -> String.format(Locale.ROOT, "%.4f", c.f1()));
    row(out, "ham judged SPAM or DISCARD", totals, c -> String.format(Locale.ROOT, "%d of %d (%.2f%%)", c.flagged(false),
        c.total(false), 100.0 * c.flagged(false) / c.total(false)));
    row(out, "held: ham, spam", totals, c -> String.format(Locale.ROOT, "%d, %d", c.n(false, Decision.HOLD),
        c.n(true, Decision.HOLD)));
  }

  private static void row(PrintStream out, String name, List<Confusion> totals,
      java.util.function.Function<Confusion, String> cell) {
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-28s", name));
    for (Confusion c : totals) {
      line.append(String.format(Locale.ROOT, "  %24s", cell.apply(c)));
    }
    out.println(line);
  }

  static void print(Confusion c, PrintStream out) {
    out.println("                 APPROVE   HOLD   SPAM  DISCARD");
    for (boolean spam : new boolean[] {true, false}) {
      out.printf(Locale.ROOT, "  actual %-5s  %7d  %5d  %5d  %7d%n", spam ? "spam" : "ham", c.n(spam, Decision.APPROVE),
          c.n(spam, Decision.HOLD), c.n(spam, Decision.SPAM), c.n(spam, Decision.DISCARD));
    }
  }

  static Map<String, List<Labelled>> byVideo(List<Labelled> data) {
    Map<String, List<Labelled>> byVideo = new LinkedHashMap<>();
    for (Labelled l : data) {
      byVideo.computeIfAbsent(l.row().video(), v -> new ArrayList<>()).add(l);
    }
    return byVideo;
  }

  private static String lastSettings = "";

  static void leaveOneVideoOut(List<Labelled> data, List<Method> methods, PrintStream out) {
    StringBuilder header = new StringBuilder("  video       test");
    for (Method m : methods) {
      header.append(String.format(Locale.ROOT, "  | %-37s", m.name()));
    }
    out.println(header);
    StringBuilder sub = new StringBuilder("                    ");
    for (int m = 0; m < methods.size(); m++) {
      sub.append("  |   MCC     F1  ham lost     held  ");
    }
    out.println(sub);
    List<Confusion> totals = new ArrayList<>();
    methods.forEach(m -> totals.add(new Confusion()));
    for (Map.Entry<String, List<Labelled>> e : byVideo(data).entrySet()) {
      List<Labelled> training = data.stream().filter(l -> !l.row().video().equals(e.getKey())).toList();
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-10s  %4d", e.getKey(), e.getValue().size()));
      for (int m = 0; m < methods.size(); m++) {
        Judge judge = methods.get(m).fit(training);
        if (m == 0) {
          lastSettings = judge.settings();
        }
        Confusion c = new Confusion();
        for (Labelled l : e.getValue()) {
          Decision d = judge.decide(l);
          if (m == 0 && Boolean.getBoolean(ERRORS_PROPERTY) && l.row().spam() != (d == Decision.SPAM || d == Decision.DISCARD)) {
            out.printf(Locale.ROOT, "    %s %s %s: %s%n", e.getKey(), l.row().spam() ? "missed spam" : "lost ham", d,
                l.comment().contentText().replace('\n', ' '));
          }
          c.add(l.row().spam(), d);
          totals.get(m).add(l.row().spam(), d);
        }
        line.append(cell(c));
      }
      out.println(line);
      if (Boolean.getBoolean(ERRORS_PROPERTY)) {
        out.println("    settings: " + lastSettings);
      }
    }
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-10s  %4d", "pooled", data.size()));
    for (Confusion c : totals) {
      line.append(cell(c));
    }
    out.println(line);
  }

  private static String cell(Confusion c) {
    return String.format(Locale.ROOT, "  | %5.3f  %5.3f  %3d of %3d  %4d  ", c.mcc(), c.f1(), c.flagged(false),
        c.total(false), c.n(true, Decision.HOLD) + c.n(false, Decision.HOLD));
  }

  static void perVideo(List<Labelled> data, List<Method> methods, PrintStream out) {
    StringBuilder header = new StringBuilder("  video       test");
    for (Method m : methods) {
      header.append(String.format(Locale.ROOT, "  | %-22s", m.name()));
    }
    out.println(header + "  | best published (TubeSpam experiment outputs)");
    for (Map.Entry<String, List<Labelled>> e : byVideo(data).entrySet()) {
      List<Labelled> video = e.getValue();
      List<Labelled> train = new ArrayList<>();
      List<Labelled> test = new ArrayList<>();
      for (boolean spam : new boolean[] {true, false}) {
        List<Labelled> cls = new ArrayList<>(video.stream().filter(l -> l.row().spam() == spam).toList());
        Collections.shuffle(cls, new Random(SEED));
        int cut = (int) Math.round(cls.size() * 0.7);
        train.addAll(cls.subList(0, cut));
        test.addAll(cls.subList(cut, cls.size()));
      }
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-10s  %4d", e.getKey(), test.size()));
      for (Method m : methods) {
        Judge judge = m.fit(train);
        Confusion c = new Confusion();
        for (Labelled l : test) {
          c.add(l.row().spam(), judge.decide(l));
        }
        line.append(String.format(Locale.ROOT, "  | acc %6.2f MCC %5.3f ", 100 * c.accuracy(), c.mcc()));
      }
      out.println(line + "  | " + BASELINES.getOrDefault(e.getKey(), "-"));
    }
  }

  /** Assigns folds so that each holds the same share of spam: shuffled per class, dealt round-robin. */
  static int[] stratifiedFolds(List<Labelled> data, int folds, Random random) {
    int[] fold = new int[data.size()];
    for (boolean spam : new boolean[] {true, false}) {
      List<Integer> idx = new ArrayList<>();
      for (int i = 0; i < data.size(); i++) {
        if (data.get(i).row().spam() == spam) {
          idx.add(i);
        }
      }
      Collections.shuffle(idx, random);
      for (int j = 0; j < idx.size(); j++) {
        fold[idx.get(j)] = j % folds;
      }
    }
    return fold;
  }
}
