package dev.masthead.related;

import dev.masthead.core.ArticleId;
import dev.masthead.core.ArticleStatus;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The in-memory inverted index: articles by id and by slot, postings for terms, tags and authors, and the
 * articles of each section and of the whole index newest first (for the fallback).
 *
 * <p>Each article gets a slot, a small int reused after removal, so that a query can accumulate scores in an
 * array, and the facts a query checks for every candidate (visibility, publication time, section, vector norm)
 * are kept in arrays by slot, so that a query does not chase pointers. A put or a remove costs the article's
 * terms times the length of their postings; every change increments {@link #version()}. The vector norms depend
 * on every document frequency: the first query after a change computes them all, in O(total terms).
 *
 * <p>Not thread-safe: {@link RelatedArticles} guards it with a read-write lock.
 */
final class ArticleIndex {
  private final Map<ArticleId, IndexedArticle> byId = new HashMap<>();
  private IndexedArticle[] bySlot = new IndexedArticle[16];
  private final Deque<Integer> freeSlots = new ArrayDeque<>();
  private int nextSlot;
  private final Map<String, Postings> terms = new HashMap<>();
  private Postings[] termsById = new Postings[64];
  private final Deque<Integer> freeTermIds = new ArrayDeque<>();
  private int nextTermId;
  private int[][] termIdsBySlot = new int[16][];
  private double[][] logWeightsBySlot = new double[16][];
  private final Map<String, Postings> tags = new HashMap<>();
  private final Map<String, Postings> authors = new HashMap<>();
  private final NavigableSet<IndexedArticle> newestFirst = new TreeSet<>(IndexedArticle.NEWEST_FIRST);
  private final Map<String, NavigableSet<IndexedArticle>> sections = new HashMap<>();
  private final Map<String, Integer> sectionIds = new HashMap<>();
  private long[] publishedSecond = new long[16];
  private int[] publishedNano = new int[16];
  private boolean[] showable = new boolean[16];
  private int[] sectionOf = new int[16];
  private long version;
  private volatile @Nullable Norms norms;

  /** The vector norms by slot for one index version; immutable once published. */
  private record Norms(long version, double[] bySlot) {}

  long version() {
    return version;
  }

  int size() {
    return byId.size();
  }

  /** One more than the highest slot in use: the length of a per-query accumulator. */
  int slotCapacity() {
    return nextSlot;
  }

  /**
   * Returns whether the article in the slot is visible at a moment, as {@code Article.isVisibleAt}: published or
   * scheduled, and published not after it.
   */
  boolean visibleAt(int slot, long nowSecond, int nowNano) {
    return showable[slot]
        && (publishedSecond[slot] < nowSecond
            || (publishedSecond[slot] == nowSecond && publishedNano[slot] <= nowNano));
  }

  /** Returns whether the slot's article was published at or after a moment; false if never published. */
  boolean publishedNotBefore(int slot, long second, int nano) {
    return publishedSecond[slot] > second || (publishedSecond[slot] == second && publishedNano[slot] >= nano);
  }

  /** Returns the publication time of the slot's article in whole epoch seconds, or Long.MIN_VALUE if none. */
  long publishedSecond(int slot) {
    return publishedSecond[slot];
  }

  /** Returns the section number of the slot's article, or -1 if it has no section. */
  int sectionOf(int slot) {
    return sectionOf[slot];
  }

  /** Returns the number of a section, -1 for none, or -2 for a section no indexed article has ever had. */
  int sectionId(@Nullable String slug) {
    return slug == null ? -1 : sectionIds.getOrDefault(slug, -2);
  }

  /**
   * Returns the Euclidean norms of the articles' tf-idf vectors by slot, {@code weight = ln(1 + boosted tf) ×
   * idf}, computed once per index version. Call under the read lock; concurrent callers may both compute the
   * same values, and either publication is correct.
   */
  double[] norms() {
    Norms cached = norms;
    if (cached != null && cached.version == version) {
      return cached.bySlot;
    }
    double n = Math.max(1, byId.size());
    double[] idfById = new double[nextTermId];
    for (int id = 0; id < nextTermId; id++) {
      Postings p = termsById[id];
      if (p != null) {
        idfById[id] = Math.log1p(n / Math.max(1, p.size())); // as idf(term)
      }
    }
    double[] bySlotNorm = new double[nextSlot];
    for (int slot = 0; slot < nextSlot; slot++) {
      int[] ids = termIdsBySlot[slot];
      if (bySlot[slot] == null || ids == null) {
        continue;
      }
      double[] logWeights = logWeightsBySlot[slot];
      double sum = 0;
      for (int i = 0; i < ids.length; i++) {
        double w = logWeights[i] * idfById[ids[i]];
        sum += w * w;
      }
      bySlotNorm[slot] = Math.sqrt(sum);
    }
    norms = new Norms(version, bySlotNorm);
    return bySlotNorm;
  }

  @Nullable IndexedArticle get(ArticleId id) {
    return byId.get(id);
  }

  IndexedArticle atSlot(int slot) {
    return bySlot[slot];
  }

  @Nullable Postings termPostings(String term) {
    return terms.get(term);
  }

  @Nullable Postings tagPostings(String slug) {
    return tags.get(slug);
  }

  @Nullable Postings authorPostings(String key) {
    return authors.get(key);
  }

  int docFreq(String term) {
    Postings p = terms.get(term);
    return p == null ? 0 : p.size();
  }

  /**
   * Returns the inverse document frequency {@code ln(1 + N / df)}, N the number of indexed articles and df
   * those holding the term (at least 1).
   */
  double idf(String term) {
    return Math.log1p((double) Math.max(1, byId.size()) / Math.max(1, docFreq(term)));
  }

  NavigableSet<IndexedArticle> newestFirst() {
    return Collections.unmodifiableNavigableSet(newestFirst);
  }

  NavigableSet<IndexedArticle> newestFirstInSection(String slug) {
    NavigableSet<IndexedArticle> set = sections.get(slug);
    return set == null ? Collections.emptyNavigableSet() : Collections.unmodifiableNavigableSet(set);
  }

  /** Adds the article, replacing the one with the same id. */
  void put(IndexedArticle doc) {
    IndexedArticle old = byId.get(doc.article.id());
    if (old != null) {
      unlink(old);
    }
    int slot = freeSlots.isEmpty() ? nextSlot++ : freeSlots.pop();
    if (slot >= bySlot.length) {
      int length = Math.max(bySlot.length * 2, slot + 1);
      bySlot = Arrays.copyOf(bySlot, length);
      publishedSecond = Arrays.copyOf(publishedSecond, length);
      publishedNano = Arrays.copyOf(publishedNano, length);
      showable = Arrays.copyOf(showable, length);
      sectionOf = Arrays.copyOf(sectionOf, length);
      termIdsBySlot = Arrays.copyOf(termIdsBySlot, length);
      logWeightsBySlot = Arrays.copyOf(logWeightsBySlot, length);
    }
    doc.slot = slot;
    bySlot[slot] = doc;
    Instant published = doc.publishedAt();
    publishedSecond[slot] = published == null ? Long.MIN_VALUE : published.getEpochSecond();
    publishedNano[slot] = published == null ? 0 : published.getNano();
    ArticleStatus status = doc.article.status();
    showable[slot] = published != null && (status == ArticleStatus.PUBLISHED || status == ArticleStatus.SCHEDULED);
    sectionOf[slot] = doc.sectionSlug == null ? -1
        : sectionIds.computeIfAbsent(doc.sectionSlug, s -> sectionIds.size());
    byId.put(doc.article.id(), doc);
    int[] termIds = new int[doc.terms.size()];
    double[] logWeights = new double[doc.terms.size()];
    for (int i = 0; i < doc.terms.size(); i++) {
      // postings hold the damped frequency ln(1 + boosted tf), so that a query does not take logarithms
      logWeights[i] = Math.log1p(doc.terms.weight(i));
      Postings p = terms.computeIfAbsent(doc.terms.term(i), t -> newTermPostings());
      p.add(slot, logWeights[i]);
      termIds[i] = p.id;
    }
    termIdsBySlot[slot] = termIds;
    logWeightsBySlot[slot] = logWeights;
    for (String slug : doc.tagSlugs) {
      tags.computeIfAbsent(slug, t -> new Postings(-1)).add(slot, 1);
    }
    for (String key : doc.authorKeys) {
      authors.computeIfAbsent(key, t -> new Postings(-1)).add(slot, 1);
    }
    newestFirst.add(doc);
    if (doc.sectionSlug != null) {
      sections.computeIfAbsent(doc.sectionSlug, s -> new TreeSet<>(IndexedArticle.NEWEST_FIRST)).add(doc);
    }
    version++;
  }

  /** Removes the article with the id; returns whether there was one. */
  boolean remove(ArticleId id) {
    IndexedArticle old = byId.get(id);
    if (old == null) {
      return false;
    }
    unlink(old);
    version++;
    return true;
  }

  private void unlink(IndexedArticle doc) {
    byId.remove(doc.article.id());
    for (int i = 0; i < doc.terms.size(); i++) {
      removeFrom(terms, doc.terms.term(i), doc.slot);
    }
    for (String slug : doc.tagSlugs) {
      removeFrom(tags, slug, doc.slot);
    }
    for (String key : doc.authorKeys) {
      removeFrom(authors, key, doc.slot);
    }
    newestFirst.remove(doc);
    if (doc.sectionSlug != null) {
      NavigableSet<IndexedArticle> set = sections.get(doc.sectionSlug);
      if (set != null) {
        set.remove(doc);
        if (set.isEmpty()) {
          sections.remove(doc.sectionSlug);
        }
      }
    }
    bySlot[doc.slot] = null;
    showable[doc.slot] = false;
    termIdsBySlot[doc.slot] = null;
    logWeightsBySlot[doc.slot] = null;
    freeSlots.push(doc.slot);
  }

  private Postings newTermPostings() {
    int id = freeTermIds.isEmpty() ? nextTermId++ : freeTermIds.pop();
    if (id >= termsById.length) {
      termsById = Arrays.copyOf(termsById, Math.max(termsById.length * 2, id + 1));
    }
    Postings p = new Postings(id);
    termsById[id] = p;
    return p;
  }

  private void removeFrom(Map<String, Postings> map, String key, int slot) {
    Postings p = map.get(key);
    if (p != null) {
      p.remove(slot);
      if (p.size() == 0) {
        map.remove(key);
        if (p.id >= 0) {
          termsById[p.id] = null;
          freeTermIds.push(p.id);
        }
      }
    }
  }
}
