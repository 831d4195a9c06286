package dev.masthead.related;

import dev.masthead.core.Article;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.LimitTokenCountFilter;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.sv.SwedishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.jspecify.annotations.Nullable;
import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.DutchStemmer;
import org.tartarus.snowball.ext.FrenchStemmer;
import org.tartarus.snowball.ext.GermanStemmer;
import org.tartarus.snowball.ext.ItalianStemmer;
import org.tartarus.snowball.ext.PortugueseStemmer;
import org.tartarus.snowball.ext.RussianStemmer;
import org.tartarus.snowball.ext.SpanishStemmer;
import org.tartarus.snowball.ext.SwedishStemmer;

/**
 * Turns an article's headline, dek and body into a {@link TermVector} with Lucene's analysis chain, picked by
 * {@link Article#language()}.
 *
 * <p>Every language shares one chain, so that text in any script is split sensibly: {@link StandardTokenizer}
 * (Unicode word boundaries, UAX #29), {@link CJKWidthFilter} (full- and half-width forms folded), lower case,
 * {@link CJKBigramFilter} (overlapping bigrams for Han, Hiragana, Katakana and Hangul, which are written without
 * spaces). Then the language's stop words and stemmer: English (also for {@link Locale#ROOT}, undetermined) with
 * Lucene's English stop set extended with common news function words ({@link #ENGLISH_STOP_WORDS}) and the
 * Porter stemmer, as Lucene's {@code EnglishAnalyzer}; German, French, Spanish,
 * Italian, Portuguese, Dutch, Russian and Swedish with the stop set of Lucene's analyzer for that language and
 * its Snowball stemmer; Chinese, Japanese and Korean with the English stop set (for the Latin words mixed in);
 * other languages with neither. Last, accents are folded to ASCII ({@link ASCIIFoldingFilter}) so that "cafe"
 * and "café" meet.
 *
 * <p>Each field is read up to {@value #MAX_TOKENS_PER_FIELD} tokens, as Lucene MoreLikeThis's
 * {@code DEFAULT_MAX_NUM_TOKENS_PARSED}; the rest of a very long body is ignored.
 *
 * <p>Thread-safe: Lucene analyzers keep per-thread token streams.
 */
final class TextAnalysis {
  static final int MAX_TOKENS_PER_FIELD = 5_000;

  private final Analyzer english;
  private final Analyzer cjk;
  private final Analyzer plain;
  private final Map<String, Analyzer> byLanguage;

  /**
   * English stop words: Lucene's 33 ({@link EnglishAnalyzer#ENGLISH_STOP_WORDS_SET}) and the function words and
   * reporting verbs that news copy repeats in every story ("said", "would", "after"), chosen for this project so
   * that matching terms name what two stories share.
   */
  static final CharArraySet ENGLISH_STOP_WORDS;

  static {
    CharArraySet set = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
    set.addAll(java.util.List.of(("about above after again against all also am any because been before being below"
        + " between both can could did do does doing down during each even few from further get got had has have"
        + " having he her here hers him his how i its itself just me more most much must my no nor now off once"
        + " only other our ours out over own same says said say she should so some still than them themselves"
        + " those through too under until up very we were what when where which while who whom why would you"
        + " your yours").split(" ")));
    ENGLISH_STOP_WORDS = CharArraySet.unmodifiableSet(set);
  }

  TextAnalysis() {
    english = chain(ENGLISH_STOP_WORDS, null, true);
    cjk = chain(ENGLISH_STOP_WORDS, null, false);
    plain = chain(CharArraySet.EMPTY_SET, null, false);
    byLanguage = Map.ofEntries(
        Map.entry("en", english),
        Map.entry("", english),
        Map.entry("zh", cjk),
        Map.entry("ja", cjk),
        Map.entry("ko", cjk),
        Map.entry("de", chain(GermanAnalyzer.getDefaultStopSet(), GermanStemmer::new, false)),
        Map.entry("fr", chain(FrenchAnalyzer.getDefaultStopSet(), FrenchStemmer::new, false)),
        Map.entry("es", chain(SpanishAnalyzer.getDefaultStopSet(), SpanishStemmer::new, false)),
        Map.entry("it", chain(ItalianAnalyzer.getDefaultStopSet(), ItalianStemmer::new, false)),
        Map.entry("pt", chain(PortugueseAnalyzer.getDefaultStopSet(), PortugueseStemmer::new, false)),
        Map.entry("nl", chain(DutchAnalyzer.getDefaultStopSet(), DutchStemmer::new, false)),
        Map.entry("ru", chain(RussianAnalyzer.getDefaultStopSet(), RussianStemmer::new, false)),
        Map.entry("sv", chain(SwedishAnalyzer.getDefaultStopSet(), SwedishStemmer::new, false)));
  }

  /** Returns the analyzer for a language; undetermined and English share the English chain. */
  Analyzer analyzerFor(Locale language) {
    return byLanguage.getOrDefault(language.getLanguage(), plain);
  }

  /**
   * Analyses an article's headline, dek and body text.
   *
   * @param headlineBoost the weight of one headline occurrence
   * @param dekBoost the weight of one dek occurrence
   * @param bodyBoost the weight of one body occurrence
   */
  TermVector analyze(Article article, float headlineBoost, float dekBoost, float bodyBoost) {
    Analyzer analyzer = analyzerFor(article.language());
    TermVector.Builder terms = new TermVector.Builder();
    add(analyzer, "headline", article.headline(), headlineBoost, terms);
    String dek = article.dek();
    if (dek != null) {
      add(analyzer, "dek", dek, dekBoost, terms);
    }
    if (bodyBoost > 0 && !article.bodyHtml().isEmpty()) {
      add(analyzer, "body", article.plainText(), bodyBoost, terms);
    }
    return terms.build();
  }

  private static void add(Analyzer analyzer, String field, String text, float boost, TermVector.Builder terms) {
    if (boost <= 0 || text.isEmpty()) {
      return;
    }
    try (TokenStream stream = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        int start = Math.max(0, Math.min(offset.startOffset(), text.length()));
        int end = Math.max(start, Math.min(offset.endOffset(), text.length()));
        terms.add(term.toString(), text.substring(start, end).toLowerCase(Locale.ROOT), boost);
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException("analysing an in-memory string cannot fail, but did", e);
    }
  }

  private static Analyzer chain(
      CharArraySet stopWords, @Nullable Supplier<SnowballStemmer> snowball, boolean porter) {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream stream = new LimitTokenCountFilter(source, MAX_TOKENS_PER_FIELD);
        stream = new CJKWidthFilter(stream);
        stream = new LowerCaseFilter(stream);
        stream = new CJKBigramFilter(stream);
        if (porter) {
          stream = new EnglishPossessiveFilter(stream);
        }
        stream = new StopFilter(stream, stopWords);
        if (porter) {
          stream = new PorterStemFilter(stream);
        } else if (snowball != null) {
          stream = new SnowballFilter(stream, snowball.get());
        }
        stream = new ASCIIFoldingFilter(stream);
        return new TokenStreamComponents(source, stream);
      }
    };
  }
}
