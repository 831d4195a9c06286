package dev.masthead.related;

import dev.masthead.core.ArticleId;
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
 * array. A put or a remove costs the article's terms times the length of their postings; every change
 * increments {@link #version()}.
 *
 * <p>Not thread-safe: {@link RelatedArticles} guards it with a read-write lock.
 */
final class ArticleIndex {
  private final Map<ArticleId, IndexedArticle> byId = new HashMap<>();
  private IndexedArticle[] bySlot = new IndexedArticle[16];
  private final Deque<Integer> freeSlots = new ArrayDeque<>();
  private int nextSlot;
  private final Map<String, Postings> terms = new HashMap<>();
  private final Map<String, Postings> tags = new HashMap<>();
  private final Map<String, Postings> authors = new HashMap<>();
  private final NavigableSet<IndexedArticle> newestFirst = new TreeSet<>(IndexedArticle.NEWEST_FIRST);
  private final Map<String, NavigableSet<IndexedArticle>> sections = new HashMap<>();
  private long version;

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
      bySlot = Arrays.copyOf(bySlot, Math.max(bySlot.length * 2, slot + 1));
    }
    doc.slot = slot;
    bySlot[slot] = doc;
    byId.put(doc.article.id(), doc);
    for (int i = 0; i < doc.terms.size(); i++) {
      // postings hold the damped frequency ln(1 + boosted tf), so that a query does not take logarithms
      terms.computeIfAbsent(doc.terms.term(i), t -> new Postings()).add(slot, Math.log1p(doc.terms.weight(i)));
    }
    for (String slug : doc.tagSlugs) {
      tags.computeIfAbsent(slug, t -> new Postings()).add(slot, 1);
    }
    for (String key : doc.authorKeys) {
      authors.computeIfAbsent(key, t -> new Postings()).add(slot, 1);
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
    freeSlots.push(doc.slot);
  }

  private static void removeFrom(Map<String, Postings> map, String key, int slot) {
    Postings p = map.get(key);
    if (p != null) {
      p.remove(slot);
      if (p.size() == 0) {
        map.remove(key);
      }
    }
  }
}
