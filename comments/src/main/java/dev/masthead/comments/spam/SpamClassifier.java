package dev.masthead.comments.spam;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.masthead.comments.Comment;
import dev.masthead.core.InvalidDataException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.zip.CRC32C;

/**
 * A learned spam classifier: L2-regularized logistic regression over word unigrams and bigrams and character
 * 3- to 5-grams of the comment's plain text, and over the signs of spam that mean spam on any site (links on
 * every top-level domain, obfuscated links, phone numbers, messenger contacts, email addresses, handles, calls to
 * action: see {@link ContentHeuristicsCheck}), hashed into 2^18 buckets (1 MiB of single-precision weights),
 * trained by stochastic gradient descent, calibrated by Platt scaling on cross-validated scores, and updated one
 * comment at a time by moderator feedback ({@link #learn(String, Label)}).
 *
 * <p>{@link #spamProbability} is calibrated: among comments like the training comments, those given 0.9 are
 * spam about nine times in ten. {@link #starter()} is a model trained on the public YouTube Spam Collection,
 * for a site's first day; a site trains its own from labelled comments ({@link #trainer()}), for example its
 * moderation history, and keeps it with {@link #save(OutputStream)} and {@link #load(InputStream)}. The README
 * gives the whole filter's figures beside a TF-IDF and linear SVM peer, measured by {@code SpamEvaluation} in
 * the examples.
 *
 * <p>The saved form is versioned JSON: {@code format} {@code "masthead-spam-classifier"}, {@code version}
 * {@code 2}, the hyperparameters, the number of feature buckets, the numbers of spam and ham examples seen, the
 * bias, the calibration ({@code calibrationSlope}, {@code calibrationIntercept}: calibrated log-odds = slope *
 * raw log-odds + intercept), the non-zero weights by bucket, and a CRC-32C {@code checksum} over all of it.
 * {@link #load(InputStream)} refuses a document that is truncated, altered, of another format or version
 * (version 1 models, trained on other features, must be retrained), or holds a non-finite number, whole:
 * nothing is loaded.
 *
 * <p>Thread-safe: any number of threads may score while another learns (a read-write lock guards the
 * weights).
 */
public final class SpamClassifier {
  static final String FORMAT = "masthead-spam-classifier";
  static final int VERSION = 2;
  /** Where the starter model lives on the class path, beside this class. */
  static final String STARTER_RESOURCE = "starter-model.json.gz";

  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private final double l2;
  private final double feedbackLearningRate;
  private final float[] weights; // by feature bucket: 1 MiB, so scoring stays in cache
  private final double slope; // Platt scaling: calibrated log-odds = slope * raw + intercept
  private final double intercept;
  private double bias;
  private long spamExamples;
  private long hamExamples;

  private SpamClassifier(double l2, double feedbackLearningRate, float[] weights, double bias,
      long spamExamples, long hamExamples, double slope, double intercept) {
    this.l2 = l2;
    this.feedbackLearningRate = feedbackLearningRate;
    this.weights = weights;
    this.bias = bias;
    this.spamExamples = spamExamples;
    this.hamExamples = hamExamples;
    this.slope = slope;
    this.intercept = intercept;
  }

  /**
   * Returns a new copy of the starter model, so that a new site has a learned check on its first day: a
   * classifier trained with the default {@link Trainer} on all 1,956 comments of the YouTube Spam Collection
   * (T.C. Alberto, J.V. Lochter, T.A. Almeida, "TubeSpam: Comment Spam Filtering on YouTube", ICMLA 2015;
   * CC BY 4.0), read from the resource {@value #STARTER_RESOURCE} beside this class. It knows what comment spam
   * on a music video looks like (self-promotion, "check my channel", links, contact channels), not a news
   * site's own ham or spam: teach it through moderator feedback ({@link #learn(String, Label)}, or the
   * filter's {@code markSpam}/{@code markHam}), and replace it with a model trained on the site's moderation
   * history once there is one. The examples' {@code StarterModel} program regenerates the resource, byte for
   * byte.
   *
   * <p>Each call reads the resource again and returns an independent classifier (about 1 MiB of weights).
   *
   * @return the starter classifier, ready to score and to learn
   * @throws IllegalStateException if the resource is missing from the class path or unreadable (a broken jar)
   */
  public static SpamClassifier starter() {
    try (InputStream in = SpamClassifier.class.getResourceAsStream(STARTER_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("spam classifier: the starter model " + STARTER_RESOURCE
            + " is not on the class path beside " + SpamClassifier.class.getName());
      }
      return load(new java.util.zip.GZIPInputStream(in));
    } catch (IOException | InvalidDataException e) {
      throw new IllegalStateException("spam classifier: the starter model cannot be read: " + e.getMessage(), e);
    }
  }

  /**
   * Returns a new trainer with the default hyperparameters.
   *
   * @return a trainer
   */
  public static Trainer trainer() {
    return new Trainer();
  }

  /**
   * Returns the calibrated probability that a text is spam, from 0 to 1. An untrained classifier answers 0.5.
   *
   * @param text the comment's plain text; any string (only its first 4,000 chars are read)
   * @return the probability of spam
   * @throws NullPointerException if {@code text} is null
   */
  public double spamProbability(String text) {
    return sigmoid(logOdds(text));
  }

  /**
   * Returns the calibrated log-odds that a text is spam: positive leans spam, negative ham, 0 undecided. Links
   * are found in the text as the validator finds them ({@code Comment.links()}).
   *
   * @param text the comment's plain text; any string
   * @return the log-odds, ln(p / (1 - p))
   * @throws NullPointerException if {@code text} is null
   */
  public double logOdds(String text) {
    return calibrated(SpamFeatures.of(Objects.requireNonNull(text, "text")));
  }

  /** The calibrated log-odds of a validated comment, its links as the validator found them. */
  double logOdds(Comment comment) {
    return calibrated(SpamFeatures.of(comment));
  }

  /** The calibrated log-odds of a validated comment whose cues are scanned. */
  double logOdds(Comment comment, CommentCues cues) {
    return SpamFeatures.score(comment, cues, this::calibrated);
  }

  private double calibrated(SpamFeatures.Features features) {
    return calibrated(features.buckets(), features.buckets().length, features.grams());
  }

  /** The calibrated log-odds of the features {@code b[0, size)}, the first {@code grams} of them n-grams. */
  private double calibrated(int[] b, int size, int grams) {
    lock.readLock().lock();
    try {
      return slope * score(b, size, grams) + intercept;
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The raw (uncalibrated) log-odds of the linear model. */
  private double score(SpamFeatures.Features features) {
    return score(features.buckets(), features.buckets().length, features.grams());
  }

  private double score(int[] b, int size, int grams) {
    double gramSum = 0;
    for (int i = 0; i < grams; i++) {
      gramSum += weights[b[i]];
    }
    double z = bias + gramSum;
    for (int i = grams; i < size; i++) {
      z += weights[b[i]];
    }
    return z;
  }

  /**
   * Learns from one labelled comment, for example a moderator's decision: one gradient step at the
   * feedback learning rate.
   *
   * @param text the comment's plain text
   * @param label whether it is spam or ham
   * @throws NullPointerException if an argument is null
   */
  public void learn(String text, Label label) {
    boolean spam = Objects.requireNonNull(label, "label") == Label.SPAM;
    learn(SpamFeatures.of(Objects.requireNonNull(text, "text")), spam);
  }

  /** Learns from a validated comment, its links as the validator found them. */
  void learn(Comment comment, Label label) {
    learn(SpamFeatures.of(comment), Objects.requireNonNull(label, "label") == Label.SPAM);
  }

  private void learn(SpamFeatures.Features features, boolean spam) {
    lock.writeLock().lock();
    try {
      step(features, spam, feedbackLearningRate);
      if (spam) {
        spamExamples++;
      } else {
        hamExamples++;
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  private void scaledStep(SpamFeatures.Features features, boolean spam, double rate, float[] ratio) {
    double z = bias;
    for (int f : features.buckets()) {
      z += weights[f] * ratio[f];
    }
    double gradient = (spam ? 1.0 : 0.0) - sigmoid(z);
    bias += rate * gradient;
    for (int f : features.buckets()) {
      weights[f] += (float) (rate * (gradient * ratio[f] - l2 * weights[f]));
    }
  }

  private void step(SpamFeatures.Features features, boolean spam, double rate) {
    double gradient = (spam ? 1.0 : 0.0) - sigmoid(score(features));
    bias += rate * gradient;
    for (int f : features.buckets()) {
      weights[f] += (float) (rate * (gradient - l2 * weights[f]));
    }
  }

  /**
   * Returns how many spam examples the classifier has learnt from, training and feedback together.
   *
   * @return the count
   */
  public long spamExamples() {
    lock.readLock().lock();
    try {
      return spamExamples;
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Returns how many ham examples the classifier has learnt from, training and feedback together.
   *
   * @return the count
   */
  public long hamExamples() {
    lock.readLock().lock();
    try {
      return hamExamples;
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Writes the classifier as versioned JSON (UTF-8). The stream is flushed, not closed.
   *
   * @param out where to write
   * @throws IOException if writing fails
   */
  public void save(OutputStream out) throws IOException {
    TreeMap<Integer, Double> sorted = new TreeMap<>();
    double theBias;
    long spam;
    long ham;
    lock.readLock().lock();
    try {
      for (int i = 0; i < weights.length; i++) {
        if (weights[i] != 0.0) {
          sorted.put(i, (double) weights[i]);
        }
      }
      theBias = bias;
      spam = spamExamples;
      ham = hamExamples;
    } finally {
      lock.readLock().unlock();
    }
    ObjectMapper mapper = new ObjectMapper();
    try (JsonGenerator g = mapper.getFactory().createGenerator(out)) {
      g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
      g.writeStartObject();
      g.writeStringField("format", FORMAT);
      g.writeNumberField("version", VERSION);
      g.writeNumberField("l2", l2);
      g.writeNumberField("feedbackLearningRate", feedbackLearningRate);
      g.writeNumberField("buckets", SpamFeatures.BUCKETS);
      g.writeNumberField("spamExamples", spam);
      g.writeNumberField("hamExamples", ham);
      g.writeNumberField("bias", theBias);
      g.writeNumberField("calibrationSlope", slope);
      g.writeNumberField("calibrationIntercept", intercept);
      g.writeObjectFieldStart("weights");
      for (Map.Entry<Integer, Double> e : sorted.entrySet()) {
        g.writeFieldName(Integer.toString(e.getKey()));
        g.writeNumber(e.getValue().floatValue()); // the shortest text that reads back as the same float
      }
      g.writeEndObject();
      g.writeStringField("checksum", checksum(l2, feedbackLearningRate, spam, ham, theBias, slope, intercept,
          sorted));
      g.writeEndObject();
    }
    out.flush();
  }

  /**
   * Reads a classifier written by {@link #save(OutputStream)}. The stream is read to its end, not closed.
   *
   * @param in the JSON
   * @return the classifier, ready to score and to learn
   * @throws InvalidDataException if the document is not valid JSON, is truncated, is of another format or
   *     version, holds a negative count or a non-finite number, or its checksum does not match: nothing is
   *     loaded
   * @throws IOException if reading fails
   */
  public static SpamClassifier load(InputStream in) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    String format = null;
    Integer version = null;
    Double l2 = null;
    Double rate = null;
    Long spam = null;
    Long ham = null;
    Double bias = null;
    Double slope = null;
    Double intercept = null;
    String checksum = null;
    TreeMap<Integer, Double> read = null;
    Integer buckets = null;
    try (JsonParser p = mapper.getFactory().createParser(in)) {
      p.configure(JsonParser.Feature.AUTO_CLOSE_SOURCE, false);
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new InvalidDataException("spam classifier: not a JSON object");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken t = p.nextToken();
        switch (name) {
          case "format" -> format = p.getValueAsString();
          case "version" -> version = t.isNumeric() ? p.getIntValue() : null;
          case "buckets" -> buckets = t.isNumeric() ? p.getIntValue() : null;
          case "l2" -> l2 = finite(p, name);
          case "feedbackLearningRate" -> rate = finite(p, name);
          case "spamExamples" -> spam = count(p, name);
          case "hamExamples" -> ham = count(p, name);
          case "bias" -> bias = finite(p, name);
          case "calibrationSlope" -> slope = finite(p, name);
          case "calibrationIntercept" -> intercept = finite(p, name);
          case "checksum" -> checksum = p.getValueAsString();
          case "weights" -> {
            if (t != JsonToken.START_OBJECT) {
              throw new InvalidDataException("spam classifier: weights must be an object");
            }
            read = new TreeMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
              String feature = p.currentName();
              p.nextToken();
              int index;
              try {
                index = Integer.parseInt(feature);
              } catch (NumberFormatException e) {
                throw new InvalidDataException("spam classifier: weight key \"" + feature + "\" is not a bucket number", e);
              }
              if (index < 0 || index >= SpamFeatures.BUCKETS) {
                throw new InvalidDataException("spam classifier: bucket " + index + " is out of range");
              }
              double weight = finite(p, "weight of bucket " + feature);
              if (!Float.isFinite((float) weight)) {
                throw new InvalidDataException("spam classifier: weight of bucket " + feature + " is out of range");
              }
              read.put(index, (double) (float) weight); // weights are floats, as saved
            }
          }
          default -> p.skipChildren();
        }
      }
      if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
        throw new InvalidDataException("spam classifier: trailing or missing content");
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new InvalidDataException("spam classifier: malformed or truncated JSON: " + e.getOriginalMessage(), e);
    }
    if (!FORMAT.equals(format)) {
      throw new InvalidDataException("spam classifier: format must be \"" + FORMAT + "\", was " + format);
    }
    if (version == null || version != VERSION) {
      throw new InvalidDataException("spam classifier: version " + version + " is not supported (this reads " + VERSION + ")");
    }
    if (buckets == null || buckets != SpamFeatures.BUCKETS) {
      throw new InvalidDataException("spam classifier: buckets must be " + SpamFeatures.BUCKETS + ", was " + buckets);
    }
    if (l2 == null || rate == null || spam == null || ham == null || bias == null || slope == null || intercept == null
        || read == null || checksum == null) {
      throw new InvalidDataException("spam classifier: a required field is missing");
    }
    if (!checksum.equals(checksum(l2, rate, spam, ham, bias, slope, intercept, read))) {
      throw new InvalidDataException("spam classifier: checksum mismatch: the document was altered or corrupted");
    }
    float[] weights = new float[SpamFeatures.BUCKETS];
    read.forEach((k, v) -> weights[k] = v.floatValue());
    return new SpamClassifier(l2, rate, weights, bias, spam, ham, slope, intercept);
  }

  private static double finite(JsonParser p, String name) throws IOException {
    if (!p.currentToken().isNumeric()) {
      throw new InvalidDataException("spam classifier: " + name + " must be a number");
    }
    double v = p.getDoubleValue();
    if (!Double.isFinite(v)) {
      throw new InvalidDataException("spam classifier: " + name + " must be finite");
    }
    return v;
  }

  private static long count(JsonParser p, String name) throws IOException {
    if (p.currentToken() != JsonToken.VALUE_NUMBER_INT || p.getLongValue() < 0) {
      throw new InvalidDataException("spam classifier: " + name + " must be a count >= 0");
    }
    return p.getLongValue();
  }

  private static String checksum(double l2, double rate, long spam, long ham, double bias, double slope,
      double intercept, TreeMap<Integer, Double> w) {
    CRC32C crc = new CRC32C();
    StringBuilder sb = new StringBuilder(64);
    sb.append(FORMAT).append('|').append(VERSION).append('|').append(l2).append('|').append(rate).append('|')
        .append(spam).append('|').append(ham).append('|').append(bias).append('|').append(slope).append('|')
        .append(intercept);
    crc.update(sb.toString().getBytes(StandardCharsets.UTF_8));
    for (Map.Entry<Integer, Double> e : w.entrySet()) {
      crc.update(("|" + e.getKey() + "=" + e.getValue()).getBytes(StandardCharsets.UTF_8));
    }
    return String.format("%08x", crc.getValue());
  }

  private static double sigmoid(double z) {
    return 1.0 / (1.0 + Math.exp(-z));
  }

  @Override
  public String toString() {
    return "SpamClassifier[spamExamples=" + spamExamples() + ", hamExamples=" + hamExamples() + "]";
  }

  /**
   * One labelled comment for training: its plain text and whether it is spam or ham.
   *
   * @param text the comment's plain text
   * @param label spam or ham
   */
  public record Example(String text, Label label) {
    /**
     * Validates the example.
     *
     * @throws NullPointerException if an argument is null
     */
    public Example {
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(label, "label");
    }
  }

  /**
   * Trains a {@link SpamClassifier}: logistic regression by averaged stochastic gradient descent (a constant
   * rate, the weights averaged over the epochs of the second half; Polyak and Juditsky 1992) over features
   * scaled by their naive Bayes log-count ratios (Wang and Manning 2012, "NBSVM", with the logistic loss, ratios
   * smoothed by {@value #NB_SMOOTHING}), the stored weight of a feature being the learnt weight times its ratio,
   * so scoring stays one sum; blended with that naive Bayes model ({@link #naiveBayesShare(double)}); then
   * Platt calibration (see {@link #train(List)}). Each cue (a sign of spam that means spam anywhere) is a feature
   * of value {@link #cueWeight(double)} where an n-gram is 1. Defaults: 20 epochs, L2 strength 0.0001, learning
   * rate 0.01, naive Bayes share 0.25, cue weight 2, feedback learning rate 0.01, seed 42. The learning rate gave
   * the best cross-validated MCC on the YouTube Spam Collection among 0.005, 0.01, 0.02 and 0.05; the L2
   * strength, the naive Bayes share and the cue weight are those nested cross-validation chose in most folds
   * (see the README).
   *
   * <p>Not thread-safe; {@link #train(List)} is deterministic for a given seed and example order.
   */
  public static final class Trainer {
    /** The folds of the cross-validation whose scores calibrate a trained model: {@value}. */
    public static final int CALIBRATION_FOLDS = 5;
    /** The additive smoothing of the naive Bayes log-count ratios. */
    static final double NB_SMOOTHING = 0.5;

    private int epochs = 20;
    private double l2 = 0.0001;
    private double learningRate = 0.01;
    private double feedbackLearningRate = 0.01;
    private double naiveBayesShare = 0.25;
    private long seed = 42;
    private double cueWeight = 2;

    private Trainer() {}

    /**
     * Sets the weight of a cue against an n-gram (default 2): each sign of spam the classifier weighs (a link, an
     * obfuscated link, a link through a URL shortener, a phone number, a messenger contact, an email address, a
     * handle with {@code @} or {@code +}, a call to action, an offer, an amount of money, a long run of one
     * character, a BBCode link; see {@link ContentHeuristicsCheck}) is a feature of this value where an n-gram or
     * a link's host is 1. The same L2 penalty then holds a cue back less (a cue's share {@code v} of the log-odds
     * costs the penalty of {@code v / c} on a feature of value 1, {@code c} the cue weight), so that one sign of
     * spam, which means spam on any site, can outweigh the few words around it that the training comments
     * happened to show on ham. The naive Bayes model of the blend ({@link #naiveBayesShare(double)}) weighs cues
     * by the same value. The trained weights absorb it: scoring, the saved format and feedback are unchanged. 1
     * weighs a cue as an n-gram. The default is the value nested cross-validation chose in every fold on the
     * YouTube Spam Collection between 1 and 2 (see the README).
     *
     * @param cueWeight from 0.1 to 10
     * @return this trainer
     * @throws IllegalArgumentException if out of range
     */
    public Trainer cueWeight(double cueWeight) {
      if (!(cueWeight >= 0.1 && cueWeight <= 10)) {
        throw new IllegalArgumentException("cueWeight must be in [0.1, 10], was " + cueWeight);
      }
      this.cueWeight = cueWeight;
      return this;
    }

    /**
     * Sets the naive Bayes model's share of the blend (default 0.25): the trained classifier's log-odds are
     * {@code (1 - share)} times the calibrated log-odds of the NB-weighted logistic regression plus
     * {@code share} times those of the naive Bayes model whose log-count ratios weight it (each calibrated by
     * Platt scaling on cross-validated scores), calibrated once more. Both are linear in the same features, so
     * the blend is one linear model and costs nothing more to score. 0 is the logistic regression alone.
     *
     * @param share from 0 to 1
     * @return this trainer
     * @throws IllegalArgumentException if out of range
     */
    public Trainer naiveBayesShare(double share) {
      if (!(share >= 0 && share <= 1)) {
        throw new IllegalArgumentException("naiveBayesShare must be in [0, 1], was " + share);
      }
      this.naiveBayesShare = share;
      return this;
    }

    /**
     * Sets the number of passes over the examples (default 20).
     *
     * @param epochs from 1 to 1,000
     * @return this trainer
     * @throws IllegalArgumentException if out of range
     */
    public Trainer epochs(int epochs) {
      if (epochs < 1 || epochs > 1000) {
        throw new IllegalArgumentException("epochs must be in [1, 1000], was " + epochs);
      }
      this.epochs = epochs;
      return this;
    }

    /**
     * Sets the L2 regularization strength (default 0.0001).
     *
     * @param l2 from 0 to 1
     * @return this trainer
     * @throws IllegalArgumentException if out of range
     */
    public Trainer l2(double l2) {
      if (!(l2 >= 0 && l2 <= 1)) {
        throw new IllegalArgumentException("l2 must be in [0, 1], was " + l2);
      }
      this.l2 = l2;
      return this;
    }

    /**
     * Sets the learning rate (default 0.01), constant over the epochs; the trained weights are the average of
     * those after each epoch of the second half (averaged SGD).
     *
     * @param learningRate greater than 0, at most 10
     * @return this trainer
     * @throws IllegalArgumentException if out of range
     */
    public Trainer learningRate(double learningRate) {
      if (!(learningRate > 0 && learningRate <= 10)) {
        throw new IllegalArgumentException("learningRate must be in (0, 10], was " + learningRate);
      }
      this.learningRate = learningRate;
      return this;
    }

    /**
     * Sets the learning rate of {@link SpamClassifier#learn(String, Label)} (default 0.01).
     *
     * @param feedbackLearningRate greater than 0, at most 10
     * @return this trainer
     * @throws IllegalArgumentException if out of range
     */
    public Trainer feedbackLearningRate(double feedbackLearningRate) {
      if (!(feedbackLearningRate > 0 && feedbackLearningRate <= 10)) {
        throw new IllegalArgumentException("feedbackLearningRate must be in (0, 10], was " + feedbackLearningRate);
      }
      this.feedbackLearningRate = feedbackLearningRate;
      return this;
    }

    /**
     * Sets the seed of the shuffles between epochs (default 42).
     *
     * @param seed any value
     * @return this trainer
     */
    public Trainer seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Returns a classifier that has learnt nothing yet: it answers 0.5 until it learns from feedback.
     *
     * @return an untrained classifier with this trainer's settings
     */
    public SpamClassifier untrained() {
      return new SpamClassifier(l2, feedbackLearningRate, new float[SpamFeatures.BUCKETS], 0.0, 0, 0, 1.0, 0.0);
    }

    /**
     * Trains a classifier on labelled comments, then calibrates it: Platt scaling (a logistic fit of the
     * labels on the model's scores) fitted on the scores of {@value #CALIBRATION_FOLDS}-fold cross-validation
     * over the same examples, so that {@link SpamClassifier#spamProbability} is a probability measured on
     * comments the model had not seen. With fewer than {@value #CALIBRATION_FOLDS} examples of either class
     * the model is not calibrated (slope 1, intercept 0). Training costs {@value #CALIBRATION_FOLDS} + 1 fits.
     * With a naive Bayes share above 0, the two models are calibrated apart on the same scores, blended, and
     * the blend calibrated again.
     *
     * @param examples the comments; may be empty (the result is then untrained)
     * @return the trained classifier
     * @throws NullPointerException if {@code examples} or one of them is null
     */
    public SpamClassifier train(List<Example> examples) {
      List<Example> copy = List.copyOf(examples);
      List<SpamFeatures.Features> features = new ArrayList<>(copy.size());
      boolean[] labels = new boolean[copy.size()];
      for (int i = 0; i < copy.size(); i++) {
        features.add(SpamFeatures.of(copy.get(i).text()));
        labels[i] = copy.get(i).label() == Label.SPAM;
      }
      return trainFeatures(features, labels);
    }

    /** Trains and calibrates on extracted features; see {@link #train(List)}. */
    SpamClassifier trainFeatures(List<SpamFeatures.Features> features, boolean[] labels) {
      long spam = 0;
      for (boolean l : labels) {
        spam += l ? 1 : 0;
      }
      long ham = labels.length - spam;
      double share = naiveBayesShare;
      double[] lrCalibration = {1.0, 0.0};
      double[] nbCalibration = {1.0, 0.0};
      double[] calibration = {1.0, 0.0};
      if (spam >= CALIBRATION_FOLDS && ham >= CALIBRATION_FOLDS) {
        int[] fold = new int[labels.length];
        int[] dealt = new int[2];
        Integer[] order = shuffled(labels.length, new Random(seed ^ 0x5DEECE66DL));
        for (int i : order) {
          int cls = labels[i] ? 1 : 0;
          fold[i] = dealt[cls]++ % CALIBRATION_FOLDS; // stratified: each class dealt round-robin
        }
        double[] lrScores = new double[labels.length];
        double[] nbScores = new double[labels.length];
        for (int k = 0; k < CALIBRATION_FOLDS; k++) {
          List<SpamFeatures.Features> f = new ArrayList<>();
          List<Boolean> y = new ArrayList<>();
          for (int i = 0; i < labels.length; i++) {
            if (fold[i] != k) {
              f.add(features.get(i));
              y.add(labels[i]);
            }
          }
          Fit inner = fit(f, y);
          for (int i = 0; i < labels.length; i++) {
            if (fold[i] == k) {
              lrScores[i] = inner.lr().score(features.get(i));
              nbScores[i] = inner.nbScore(features.get(i));
            }
          }
        }
        lrCalibration = PlattScaling.fit(lrScores, labels);
        double[] blended = lrScores;
        if (share > 0) {
          nbCalibration = PlattScaling.fit(nbScores, labels);
          blended = new double[labels.length];
          for (int i = 0; i < labels.length; i++) {
            blended[i] = blend(share, lrCalibration, lrScores[i], nbCalibration, nbScores[i]);
          }
        }
        calibration = PlattScaling.fit(blended, labels);
      }
      List<Boolean> y = new ArrayList<>(labels.length);
      for (boolean l : labels) {
        y.add(l);
      }
      Fit full = fit(features, y);
      float[] weights = full.lr().weights;
      double bias = full.lr().bias;
      if (share > 0) {
        // the blend of two linear models is one: each weight the blend of the two models' weights
        for (int f = 0; f < weights.length; f++) {
          weights[f] = (float) ((1 - share) * lrCalibration[0] * weights[f] + share * nbCalibration[0] * full.nb()[f]);
        }
        bias = blend(share, lrCalibration, bias, nbCalibration, full.nbBias());
      } else {
        calibration = lrCalibration;
      }
      return new SpamClassifier(l2, feedbackLearningRate, weights, bias, spam, ham, calibration[0], calibration[1]);
    }

    /** The blend of the two models' calibrated log-odds, {@code share} of it naive Bayes's. */
    private static double blend(double share, double[] lrCalibration, double lrScore, double[] nbCalibration,
        double nbScore) {
      return (1 - share) * (lrCalibration[0] * lrScore + lrCalibration[1])
          + share * (nbCalibration[0] * nbScore + nbCalibration[1]);
    }

    /** A fitted model: the NB-weighted logistic regression, and the naive Bayes model it was weighted by. */
    private record Fit(SpamClassifier lr, float[] nb, double nbBias) {
      double nbScore(SpamFeatures.Features features) {
        double z = nbBias;
        for (int f : features.buckets()) {
          z += nb[f];
        }
        return z;
      }
    }

    private Fit fit(List<SpamFeatures.Features> features, List<Boolean> labels) {
      long spam = labels.stream().filter(b -> b).count();
      SpamClassifier c = new SpamClassifier(l2, feedbackLearningRate, new float[SpamFeatures.BUCKETS], 0.0, spam,
          labels.size() - spam, 1.0, 0.0);
      Random random = new Random(seed);
      Integer[] order = shuffled(labels.size(), random);
      float[] ratio = logCountRatios(features, labels);
      for (int b : SpamFeatures.weighedCueBuckets()) {
        ratio[b] *= (float) cueWeight; // a cue is a feature of value cueWeight: see cueWeight(double)
      }
      // averaged SGD (Polyak and Juditsky 1992): a constant rate, the weights averaged over the later epochs
      double[] sum = new double[SpamFeatures.BUCKETS];
      double biasSum = 0;
      int averaged = 0;
      for (int epoch = 1; epoch <= epochs; epoch++) {
        Collections.shuffle(Arrays.asList(order), random);
        for (int i : order) {
          c.scaledStep(features.get(i), labels.get(i), learningRate, ratio);
        }
        if (epoch > epochs / 2) {
          for (int f = 0; f < sum.length; f++) {
            sum[f] += c.weights[f];
          }
          biasSum += c.bias;
          averaged++;
        }
      }
      for (int f = 0; f < sum.length; f++) {
        c.weights[f] = (float) (sum[f] / averaged);
      }
      c.bias = biasSum / averaged;
      float[] nb = new float[SpamFeatures.BUCKETS];
      boolean[] seen = new boolean[SpamFeatures.BUCKETS];
      for (SpamFeatures.Features f : features) {
        for (int b : f.buckets()) {
          seen[b] = true;
        }
      }
      for (int f = 0; f < ratio.length; f++) {
        c.weights[f] *= ratio[f]; // the model scores binary features with weight times ratio
        nb[f] = seen[f] ? ratio[f] : 0;
      }
      double nbBias = Math.log((spam + 1.0) / (labels.size() - spam + 1.0));
      return new Fit(c, nb, nbBias);
    }

    /**
     * The naive Bayes log-count ratio of each bucket, {@code ln((spam_f + a) / |spam + a|) - ln((ham_f + a) /
     * |ham + a|)} with {@code a} = {@value #NB_SMOOTHING} (Wang and Manning 2012, "NBSVM"); 1 where no example
     * has the feature, so that feedback can still teach it.
     */
    private static float[] logCountRatios(List<SpamFeatures.Features> features, List<Boolean> labels) {
      float[] spam = new float[SpamFeatures.BUCKETS];
      float[] ham = new float[SpamFeatures.BUCKETS];
      double spamTotal = 0;
      double hamTotal = 0;
      for (int i = 0; i < features.size(); i++) {
        float[] counts = labels.get(i) ? spam : ham;
        for (int f : features.get(i).buckets()) {
          counts[f]++;
        }
        if (labels.get(i)) {
          spamTotal += features.get(i).buckets().length;
        } else {
          hamTotal += features.get(i).buckets().length;
        }
      }
      double alpha = NB_SMOOTHING;
      float[] ratio = new float[SpamFeatures.BUCKETS];
      for (int f = 0; f < ratio.length; f++) {
        if (spam[f] == 0 && ham[f] == 0) {
          ratio[f] = 1;
        } else {
          ratio[f] = (float) Math.log(((spam[f] + alpha) / (spamTotal + alpha * ratio.length))
              / ((ham[f] + alpha) / (hamTotal + alpha * ratio.length)));
        }
      }
      return ratio;
    }

    private static Integer[] shuffled(int n, Random random) {
      Integer[] order = new Integer[n];
      Arrays.setAll(order, i -> i);
      Collections.shuffle(Arrays.asList(order), random);
      return order;
    }
  }
}
