package dev.masthead.examples;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The standard text classifier the spam filter is measured against: what scikit-learn's
 * {@code FeatureUnion(TfidfVectorizer(ngram_range=(1, 2)), TfidfVectorizer(analyzer="char_wb",
 * ngram_range=(3, 5)))} followed by {@code LinearSVC} computes, with LIBLINEAR's L2-regularized L2-loss SVM
 * (dual solver, as LinearSVC) through its Java port {@code de.bwaldvogel:liblinear}; or, with
 * {@code analyzer="char"}, character n-grams across word boundaries.
 *
 * <p>Vocabulary and IDF are fitted on the training comments only; words are scikit-learn's default tokens
 * ({@code \b\w\w+\b}, lower case); character n-grams are taken inside each word padded with one space; TF is the
 * raw count, IDF is {@code ln((1 + n) / (1 + df)) + 1}, each block is L2-normalized. A comment is spam when the
 * SVM's decision value is positive. Not thread-safe.
 */
final class TfidfSvmPeer {
  private static final Pattern WORD = Pattern.compile("(?U)\\b\\w\\w+\\b");

  private final Map<String, Integer> words = new HashMap<>();
  private final Map<String, Integer> chars = new HashMap<>();
  private double[] wordIdf = new double[0];
  private double[] charIdf = new double[0];
  private final boolean withinWords;
  private Model model;

  private TfidfSvmPeer(boolean withinWords) {
    this.withinWords = withinWords;
  }

  /**
   * Fits the vectorizer and the SVM with cost {@code c}; character n-grams within words ({@code char_wb}) or
   * over the whole text, white space collapsed ({@code char}).
   */
  static TfidfSvmPeer fit(List<String> texts, List<Boolean> spam, double c, boolean withinWords) {
    TfidfSvmPeer peer = new TfidfSvmPeer(withinWords);
    peer.fitVocabulary(texts);
    Feature[][] x = new Feature[texts.size()][];
    double[] y = new double[texts.size()];
    for (int i = 0; i < texts.size(); i++) {
      x[i] = peer.vector(texts.get(i));
      y[i] = spam.get(i) ? 1 : -1;
    }
    Problem problem = new Problem();
    problem.l = texts.size();
    problem.n = peer.words.size() + peer.chars.size() + 1;
    problem.x = x;
    problem.y = y;
    problem.bias = 1;
    Linear.disableDebugOutput();
    peer.model = Linear.train(problem, new Parameter(SolverType.L2R_L2LOSS_SVC_DUAL, c, 1e-4, 1000, 0.1));
    return peer;
  }

  /** The SVM's decision value: positive leans spam. */
  double decision(String text) {
    double[] values = new double[1];
    Linear.predictValues(model, vector(text), values);
    // liblinear's first label is the first one it met in training; orient so that positive means spam
    return model.getLabels()[0] == 1 ? values[0] : -values[0];
  }

  boolean isSpam(String text) {
    return decision(text) > 0;
  }

  private void fitVocabulary(List<String> texts) {
    Map<String, Integer> wordDf = new HashMap<>();
    Map<String, Integer> charDf = new HashMap<>();
    for (String t : texts) {
      for (String term : wordGrams(t).keySet()) {
        wordDf.merge(term, 1, Integer::sum);
      }
      for (String term : charGrams(t).keySet()) {
        charDf.merge(term, 1, Integer::sum);
      }
    }
    wordIdf = index(wordDf, words, texts.size());
    charIdf = index(charDf, chars, texts.size());
  }

  private static double[] index(Map<String, Integer> df, Map<String, Integer> vocabulary, int n) {
    double[] idf = new double[df.size()];
    for (String term : new TreeMap<>(df).keySet()) { // sorted, as scikit-learn's vocabulary
      int i = vocabulary.size();
      vocabulary.put(term, i);
      idf[i] = Math.log((1.0 + n) / (1.0 + df.get(term))) + 1;
    }
    return idf;
  }

  private Feature[] vector(String text) {
    List<Feature> out = new ArrayList<>();
    block(wordGrams(text), words, wordIdf, 1, out);
    block(charGrams(text), chars, charIdf, 1 + words.size(), out);
    out.add(new FeatureNode(1 + words.size() + chars.size(), 1.0)); // the Java port wants the bias feature given
    return out.toArray(new Feature[0]);
  }

  private static void block(Map<String, Integer> counts, Map<String, Integer> vocabulary, double[] idf, int offset,
      List<Feature> out) {
    TreeMap<Integer, Double> v = new TreeMap<>();
    double norm = 0;
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      Integer i = vocabulary.get(e.getKey());
      if (i != null) {
        double w = e.getValue() * idf[i];
        v.put(i, w);
        norm += w * w;
      }
    }
    double scale = norm == 0 ? 0 : 1 / Math.sqrt(norm);
    v.forEach((i, w) -> out.add(new FeatureNode(offset + i, w * scale)));
  }

  static Map<String, Integer> wordGrams(String text) {
    List<String> tokens = new ArrayList<>();
    Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
    while (m.find()) {
      tokens.add(m.group());
    }
    Map<String, Integer> grams = new HashMap<>();
    for (int i = 0; i < tokens.size(); i++) {
      grams.merge(tokens.get(i), 1, Integer::sum);
      if (i + 1 < tokens.size()) {
        grams.merge(tokens.get(i) + " " + tokens.get(i + 1), 1, Integer::sum);
      }
    }
    return grams;
  }

  Map<String, Integer> charGrams(String text) {
    Map<String, Integer> grams = new HashMap<>();
    if (!withinWords) {
      String t = text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
      for (int n = 3; n <= 5; n++) {
        for (int i = 0; i + n <= t.length(); i++) {
          grams.merge(t.substring(i, i + n), 1, Integer::sum);
        }
      }
      return grams;
    }
    for (String word : text.toLowerCase(Locale.ROOT).split("\\s+")) {
      if (word.isEmpty()) {
        continue;
      }
      String padded = " " + word + " ";
      for (int n = 3; n <= 5; n++) {
        if (padded.length() <= n) {
          grams.merge(padded, 1, Integer::sum); // scikit-learn's char_wb counts a short word once, whole
          break;
        }
        for (int i = 0; i + n <= padded.length(); i++) {
          grams.merge(padded.substring(i, i + n), 1, Integer::sum);
        }
      }
    }
    return grams;
  }
}
