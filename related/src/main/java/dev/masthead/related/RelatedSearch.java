package dev.masthead.related;

import dev.masthead.core.ArticleId;
import dev.masthead.core.Author;
import dev.masthead.core.Tag;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One related-articles query against an {@link ArticleIndex}, run under the index's read lock.
 *
 * <p>The subject's terms are weighted {@code ln(1 + boosted tf) × idf}; the {@code maxQueryTerms} heaviest (as
 * Lucene MoreLikeThis picks its query terms) walk their postings and accumulate dot products in an array by slot.
 * Articles sharing a tag or an author are candidates too, and so is the whole section when the section weight
 * alone (with the largest time-proximity factor) can reach the minimum score; any other article scores zero.
 * Each candidate is then checked (visible, not excluded, within the window), scored and kept in a bounded heap. Cost: the postings of the query terms plus the candidates, about
 * O(Σ df(t) + candidates × log limit), with one article's norm computed once per index version.
 *
 * <p>Not thread-safe: one instance per query.
 */
final class RelatedSearch {
  /** Best first: score descending, then newer, then id. */
  static final Comparator<Scored> ORDER =
      Comparator.comparingDouble((Scored s) -> s.score).reversed()
          .thenComparing(s -> s.doc.publishedAt(), Comparator.nullsLast(Comparator.reverseOrder()))
          .thenComparing(s -> s.doc.article.id());

  private static final double LN2 = Math.log(2);

  private final ArticleIndex index;
  private final Settings settings;
  private final RelatedQuery query;
  private final Instant now;
  private final long nowSecond;
  private final int nowNano;
  private final @Nullable Instant notBefore;
  private final TermVector subjectTerms;
  private final @Nullable Instant subjectPublished;
  private final String[] subjectTags;
  private final String[] subjectAuthors;
  private final @Nullable String subjectSection;
  private final int subjectSectionId;
  private final int selfSlot;

  private String[] queryTerms = new String[0];
  private double[] queryWeights = new double[0];
  private double[] queryIdf = new double[0];
  private double queryNorm;
  private double[] dot = new double[0];
  private double[] norms = new double[0];
  private int[] sharedTags = new int[0];
  private int[] sharedAuthors = new int[0];
  private double lastTextSimilarity;
  private boolean[] touched = new boolean[0];
  private int[] candidates = new int[64];
  private int candidateCount;

  static final class Scored {
    final IndexedArticle doc;
    final double score;
    final double textSimilarity;

    Scored(IndexedArticle doc, double score, double textSimilarity) {
      this.doc = doc;
      this.score = score;
      this.textSimilarity = textSimilarity;
    }
  }

  /**
   * @param subject the subject as analysed: the indexed entry, or a transient one for an article given whole
   */
  RelatedSearch(ArticleIndex index, Settings settings, RelatedQuery query, IndexedArticle subject, Instant now) {
    this.index = index;
    this.settings = settings;
    this.query = query;
    this.now = now;
    this.nowSecond = now.getEpochSecond();
    this.nowNano = now.getNano();
    Duration maxAge = query.maxAge();
    this.notBefore = maxAge == null ? null : safeMinus(now, maxAge);
    this.subjectTerms = subject.terms;
    this.subjectPublished = subject.publishedAt();
    this.subjectTags = subject.tagSlugs;
    this.subjectAuthors = subject.authorKeys;
    this.subjectSection = subject.sectionSlug;
    this.subjectSectionId = index.sectionId(subject.sectionSlug);
    IndexedArticle indexed = index.get(query.subjectId());
    this.selfSlot = indexed == null ? -1 : indexed.slot;
  }

  private static Instant safeMinus(Instant now, Duration d) {
    try {
      return now.minus(d);
    } catch (ArithmeticException | java.time.DateTimeException e) {
      return Instant.MIN;
    }
  }

  List<RelatedArticle> run() {
    int capacity = index.slotCapacity();
    dot = new double[capacity];
    touched = new boolean[capacity];

    selectQueryTerms();
    if (queryNorm > 0 && settings.textWeight() > 0) {
      norms = index.norms();
    }
    for (int q = 0; q < queryTerms.length; q++) {
      Postings p = index.termPostings(queryTerms[q]);
      if (p == null) {
        continue;
      }
      double factor = queryWeights[q] * queryIdf[q];
      for (int i = 0; i < p.size(); i++) {
        int slot = p.slot(i);
        dot[slot] += factor * p.weight(i);
        touch(slot);
      }
    }
    if (subjectTags.length > 0 && settings.tagWeight() > 0) {
      sharedTags = countShared(subjectTags, index::tagPostings, capacity);
    }
    if (subjectAuthors.length > 0 && settings.bylineWeight() > 0) {
      sharedAuthors = countShared(subjectAuthors, index::authorPostings, capacity);
    }
    double bestSectionOnly = settings.sectionWeight() * (1 + settings.timeProximityWeight());
    if (subjectSection != null && settings.sectionWeight() > 0 && bestSectionOnly >= settings.minScore()) {
      for (IndexedArticle doc : index.newestFirstInSection(subjectSection)) {
        touch(doc.slot);
      }
    }

    int limit = query.limit();
    PriorityQueue<Scored> best = new PriorityQueue<>(limit + 1, ORDER.reversed());
    for (int c = 0; c < candidateCount; c++) {
      int slot = candidates[c];
      if (!eligible(slot)) {
        continue;
      }
      double score = scoreOf(slot);
      if (score > 0 && score >= settings.minScore()) {
        Scored worst = best.size() < limit ? null : best.peek();
        if (worst == null || score >= worst.score) { // an equal score may still win on date or id
          best.add(new Scored(index.atSlot(slot), score, lastTextSimilarity));
          if (best.size() > limit) {
            best.poll();
          }
        }
      }
    }
    List<Scored> chosen = new ArrayList<>(best);
    chosen.sort(ORDER);
    List<RelatedArticle> results = new ArrayList<>(chosen.size());
    Set<ArticleId> taken = new HashSet<>();
    for (Scored s : chosen) {
      results.add(explain(s, RelatedArticle.Basis.CONTENT));
      taken.add(s.doc.article.id());
    }
    if (query.fallback() && results.size() < limit) {
      if (subjectSection != null) {
        fill(index.newestFirstInSection(subjectSection), RelatedArticle.Basis.RECENT_IN_SECTION, results, taken);
      }
      fill(index.newestFirst(), RelatedArticle.Basis.RECENT, results, taken);
    }
    return results;
  }

  private void fill(Iterable<IndexedArticle> newestFirst, RelatedArticle.Basis basis, List<RelatedArticle> results,
      Set<ArticleId> taken) {
    for (IndexedArticle doc : newestFirst) {
      if (results.size() >= query.limit()) {
        return;
      }
      Instant published = doc.publishedAt();
      if (published == null || (notBefore != null && published.isBefore(notBefore))) {
        return; // newest first: all the rest are older, or never published
      }
      if (eligible(doc.slot) && taken.add(doc.article.id())) {
        results.add(explain(new Scored(doc, scoreOf(doc.slot), lastTextSimilarity), basis));
      }
    }
  }

  /** Adds the slot to the candidates once. */
  private void touch(int slot) {
    if (!touched[slot]) {
      touched[slot] = true;
      if (candidateCount == candidates.length) {
        candidates = Arrays.copyOf(candidates, candidateCount * 2);
      }
      candidates[candidateCount++] = slot;
    }
  }

  /** Counts, by slot, how many of the keys (tag slugs or author keys) each article shares; touches them. */
  private int[] countShared(String[] keys, Function<String, @Nullable Postings> postings, int capacity) {
    int[] shared = new int[capacity];
    for (String key : keys) {
      Postings p = postings.apply(key);
      if (p != null) {
        for (int i = 0; i < p.size(); i++) {
          shared[p.slot(i)]++;
          touch(p.slot(i));
        }
      }
    }
    return shared;
  }

  /** Visible now, not the subject, not excluded, inside the window. */
  private boolean eligible(int slot) {
    if (slot == selfSlot || !index.visibleAt(slot, nowSecond, nowNano)) {
      return false;
    }
    if (notBefore != null && !index.publishedNotBefore(slot, notBefore.getEpochSecond(), notBefore.getNano())) {
      return false;
    }
    return query.excluded().isEmpty() || !query.excluded().contains(index.atSlot(slot).article.id());
  }

  private void selectQueryTerms() {
    int n = subjectTerms.size();
    Integer[] order = new Integer[n];
    double[] weight = new double[n];
    double[] idf = new double[n];
    int kept = 0;
    boolean indexedSubject = selfSlot >= 0;
    for (int i = 0; i < n; i++) {
      String term = subjectTerms.term(i);
      int others = index.docFreq(term) - (indexedSubject && index.atSlot(selfSlot).terms.indexOf(term) >= 0 ? 1 : 0);
      if (others <= 0) {
        continue;
      }
      idf[i] = index.idf(term);
      weight[i] = Math.log1p(subjectTerms.weight(i));
      order[kept++] = i;
    }
    Integer[] sorted = Arrays.copyOf(order, kept);
    // Heaviest first; ties by term, for a deterministic choice.
    Arrays.sort(sorted, Comparator.comparingDouble((Integer i) -> -weight[i] * idf[i])
        .thenComparing(i -> subjectTerms.term(i)));
    int k = Math.min(kept, settings.maxQueryTerms());
    queryTerms = new String[k];
    queryWeights = new double[k];
    queryIdf = new double[k];
    double sum = 0;
    for (int j = 0; j < k; j++) {
      int i = sorted[j];
      queryTerms[j] = subjectTerms.term(i);
      queryWeights[j] = weight[i] * idf[i];
      queryIdf[j] = idf[i];
      sum += queryWeights[j] * queryWeights[j];
    }
    queryNorm = Math.sqrt(sum);
  }

  /** Returns the score of the slot's article; leaves its text similarity in {@link #lastTextSimilarity}. */
  private double scoreOf(int slot) {
    double text = 0;
    if (slot < dot.length && dot[slot] > 0 && queryNorm > 0) {
      double norm = norms[slot];
      text = norm > 0 ? Math.min(1.0, dot[slot] / (queryNorm * norm)) : 0;
    }
    double score = settings.textWeight() * text;
    if (settings.tagWeight() > 0 && slot < sharedTags.length && sharedTags[slot] > 0) {
      score += settings.tagWeight() * sharedTags[slot]
          / Math.sqrt((double) subjectTags.length * index.atSlot(slot).tagSlugs.length);
    }
    if (settings.bylineWeight() > 0 && slot < sharedAuthors.length && sharedAuthors[slot] > 0) {
      score += settings.bylineWeight() * sharedAuthors[slot]
          / Math.sqrt((double) subjectAuthors.length * index.atSlot(slot).authorKeys.length);
    }
    if (subjectSectionId >= 0 && index.sectionOf(slot) == subjectSectionId) {
      score += settings.sectionWeight();
    }
    long published = index.publishedSecond(slot);
    if (settings.timeProximityWeight() > 0 && published != Long.MIN_VALUE && subjectPublished != null && score > 0) {
      double apart = Math.abs((double) published - subjectPublished.getEpochSecond());
      score *= 1 + settings.timeProximityWeight() * Math.exp(-LN2 * apart / settings.timeProximityHalfLifeSeconds());
    }
    Duration halfLife = query.halfLife();
    if (halfLife != null && published != Long.MIN_VALUE && published < nowSecond) {
      double ages = (double) (nowSecond - published) / Math.max(1, halfLife.toSeconds());
      score *= Math.exp(-LN2 * ages);
    }
    lastTextSimilarity = text;
    return score;
  }

  private RelatedArticle explain(Scored s, RelatedArticle.Basis basis) {
    IndexedArticle doc = s.doc;
    List<String> terms = new ArrayList<>();
    if (s.textSimilarity > 0) {
      List<double[]> contributions = new ArrayList<>();
      for (int q = 0; q < queryTerms.length; q++) {
        int at = doc.terms.indexOf(queryTerms[q]);
        if (at >= 0) {
          contributions.add(new double[] {queryWeights[q] * queryIdf[q] * Math.log1p(doc.terms.weight(at)), at});
        }
      }
      contributions.sort(Comparator.comparingDouble((double[] c) -> -c[0])
          .thenComparing(c -> doc.terms.term((int) c[1])));
      for (double[] c : contributions) {
        String surface = doc.terms.surface((int) c[1]);
        if (!terms.contains(surface)) {
          terms.add(surface);
        }
        if (terms.size() == RelatedArticle.MAX_MATCHING_TERMS) {
          break;
        }
      }
    }
    List<Tag> tags = new ArrayList<>();
    for (Tag tag : doc.article.tags()) {
      if (Arrays.binarySearch(subjectTags, tag.slug()) >= 0) {
        tags.add(tag);
      }
    }
    List<Author> authors = new ArrayList<>();
    for (Author author : doc.article.authors()) {
      if (Arrays.binarySearch(subjectAuthors, IndexedArticle.authorKey(author)) >= 0 && !authors.contains(author)) {
        authors.add(author);
      }
    }
    boolean sameSection = subjectSection != null && subjectSection.equals(doc.sectionSlug);
    return new RelatedArticle(doc.article, s.score, basis, terms, tags, sameSection, authors);
  }
}
