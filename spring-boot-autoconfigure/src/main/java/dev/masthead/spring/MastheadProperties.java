package dev.masthead.spring;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * The {@code masthead.*} properties: one group per module, each bound to that module's configuration value
 * ({@code CommentPolicy}, the spam filter's checks, {@code RankingConfig}, {@code RelatedConfig}) and the Redis
 * connection. Every default below is the library's own default (the {@code DEFAULT_*} constant named in each
 * description); {@code MastheadPropertiesTest} fails if one drifts.
 *
 * <p>A bean of a module's configuration type ({@code CommentPolicy}, {@code RankingConfig}, {@code RelatedConfig})
 * declared by the host replaces the group bound here.
 *
 * <p>Not thread-safe: Spring binds it once at start-up, before any Masthead bean reads it.
 */
@ConfigurationProperties(prefix = "masthead")
public class MastheadProperties {
  private final Comments comments = new Comments();
  private final Spam spam = new Spam();
  private final Ranking ranking = new Ranking();
  private final Related related = new Related();
  private final Redis redis = new Redis();

  /** Creates the properties with every default. */
  public MastheadProperties() {}

  /**
   * Returns the reply-form rules.
   *
   * @return the {@code masthead.comments.*} group
   */
  public Comments getComments() {
    return comments;
  }

  /**
   * Returns the spam filter's checks.
   *
   * @return the {@code masthead.spam.*} group
   */
  public Spam getSpam() {
    return spam;
  }

  /**
   * Returns the ranking engine's settings.
   *
   * @return the {@code masthead.ranking.*} group
   */
  public Ranking getRanking() {
    return ranking;
  }

  /**
   * Returns the related-posts settings.
   *
   * @return the {@code masthead.related.*} group
   */
  public Related getRelated() {
    return related;
  }

  /**
   * Returns the Redis connection.
   *
   * @return the {@code masthead.redis.*} group
   */
  public Redis getRedis() {
    return redis;
  }

  /** The reply-form rules, bound to {@code CommentPolicy}. */
  public static class Comments {
    /**
     * Whether a reply needs a name and an email address (CommentPolicy.DEFAULT_REQUIRE_NAME_AND_EMAIL, as
     * WordPress's require_name_email).
     */
    private boolean requireNameAndEmail = true;

    /** The longest name, in code points (CommentPolicy.DEFAULT_MAX_AUTHOR_LENGTH, WordPress's column width). */
    private int maxAuthorLength = 245;

    /** The longest email address, in code points (CommentPolicy.DEFAULT_MAX_EMAIL_LENGTH). */
    private int maxEmailLength = 100;

    /** The longest website URL, in code points (CommentPolicy.DEFAULT_MAX_URL_LENGTH). */
    private int maxUrlLength = 200;

    /** The longest comment, in code points (CommentPolicy.DEFAULT_MAX_CONTENT_LENGTH, as WordPress). */
    private int maxContentLength = 65_525;

    /** The shortest comment, in code points after trimming (CommentPolicy.DEFAULT_MIN_CONTENT_LENGTH). */
    private int minContentLength = 1;

    /** How deep replies nest; a reply to a comment at this depth is refused (CommentPolicy.DEFAULT_MAX_REPLY_DEPTH). */
    private int maxReplyDepth = 5;

    /** Close comments this long after an article's publication; unset keeps them open (the default). */
    private @Nullable Duration closeAfter;

    /** Whether email addresses may have a non-ASCII local part, RFC 6531 (CommentPolicy.DEFAULT_SMTP_UTF8). */
    private boolean smtpUtf8 = false;

    /**
     * What to do with a website given without a scheme (CommentPolicy.DEFAULT_MISSING_SCHEME: prefix http://).
     */
    private MissingScheme missingScheme = MissingScheme.ADD_HTTP;

    /**
     * The HTML tags a comment may use, each with its allowed attributes; empty (the default) keeps WordPress's
     * list (CommentPolicy.DEFAULT_ALLOWED_HTML).
     */
    private Map<String, List<String>> allowedHtml = new LinkedHashMap<>();

    /** Creates the group with every default. */
    public Comments() {}

    public boolean isRequireNameAndEmail() {
      return requireNameAndEmail;
    }

    public void setRequireNameAndEmail(boolean requireNameAndEmail) {
      this.requireNameAndEmail = requireNameAndEmail;
    }

    public int getMaxAuthorLength() {
      return maxAuthorLength;
    }

    public void setMaxAuthorLength(int maxAuthorLength) {
      this.maxAuthorLength = maxAuthorLength;
    }

    public int getMaxEmailLength() {
      return maxEmailLength;
    }

    public void setMaxEmailLength(int maxEmailLength) {
      this.maxEmailLength = maxEmailLength;
    }

    public int getMaxUrlLength() {
      return maxUrlLength;
    }

    public void setMaxUrlLength(int maxUrlLength) {
      this.maxUrlLength = maxUrlLength;
    }

    public int getMaxContentLength() {
      return maxContentLength;
    }

    public void setMaxContentLength(int maxContentLength) {
      this.maxContentLength = maxContentLength;
    }

    public int getMinContentLength() {
      return minContentLength;
    }

    public void setMinContentLength(int minContentLength) {
      this.minContentLength = minContentLength;
    }

    public int getMaxReplyDepth() {
      return maxReplyDepth;
    }

    public void setMaxReplyDepth(int maxReplyDepth) {
      this.maxReplyDepth = maxReplyDepth;
    }

    public @Nullable Duration getCloseAfter() {
      return closeAfter;
    }

    public void setCloseAfter(@Nullable Duration closeAfter) {
      this.closeAfter = closeAfter;
    }

    public boolean isSmtpUtf8() {
      return smtpUtf8;
    }

    public void setSmtpUtf8(boolean smtpUtf8) {
      this.smtpUtf8 = smtpUtf8;
    }

    public MissingScheme getMissingScheme() {
      return missingScheme;
    }

    public void setMissingScheme(MissingScheme missingScheme) {
      this.missingScheme = missingScheme;
    }

    public Map<String, List<String>> getAllowedHtml() {
      return allowedHtml;
    }

    public void setAllowedHtml(Map<String, List<String>> allowedHtml) {
      this.allowedHtml = allowedHtml;
    }
  }

  /**
   * What to do with a website given without a scheme; the values of {@code CommentPolicy.MissingScheme}, repeated
   * here so that the metadata lists them without the comments module on the IDE's class path.
   */
  public enum MissingScheme {
    /** Prefix {@code http://}, as WordPress's {@code esc_url}. */
    ADD_HTTP,
    /** Prefix {@code https://}. */
    ADD_HTTPS,
    /** Refuse the website field ({@code url.invalid}). */
    REJECT
  }

  /** The spam filter: which checks run, with what settings. */
  public static class Spam {
    /** The score from which a comment is held for moderation (SpamFilter.DEFAULT_HOLD_THRESHOLD). */
    private double holdThreshold = 0.0;

    /** The score from which a comment is spam (SpamFilter.DEFAULT_SPAM_THRESHOLD). */
    private double spamThreshold = 0.6;

    /** The score from which a comment is discarded unseen (SpamFilter.DEFAULT_DISCARD_THRESHOLD). */
    private double discardThreshold = 12.0;

    /** The longest wait for an asynchronous check such as Akismet; a late check holds the comment. */
    private Duration checkTimeout = Duration.ofSeconds(3);

    /** Whether the honeypot check runs (any value in the hidden field discards the comment). */
    private boolean honeypot = true;

    /** Whether the content heuristics run (shouting, repeated characters, link-only comments). */
    private boolean contentHeuristics = true;

    /** The link check: a comment with at least this many links is held (SpamChecks.DEFAULT_LINK_LIMIT, WordPress's comment_max_links); 0 turns it off. */
    private int linkLimit = 2;

    private final FormToken formToken = new FormToken();
    private final Flood flood = new Flood();
    private final Duplicate duplicate = new Duplicate();
    private final ApprovedAuthors approvedAuthors = new ApprovedAuthors();
    private final Terms terms = new Terms();
    private final Classifier classifier = new Classifier();
    private final Akismet akismet = new Akismet();
    private final Stores stores = new Stores();

    /** Creates the group with every default. */
    public Spam() {}

    public double getHoldThreshold() {
      return holdThreshold;
    }

    public void setHoldThreshold(double holdThreshold) {
      this.holdThreshold = holdThreshold;
    }

    public double getSpamThreshold() {
      return spamThreshold;
    }

    public void setSpamThreshold(double spamThreshold) {
      this.spamThreshold = spamThreshold;
    }

    public double getDiscardThreshold() {
      return discardThreshold;
    }

    public void setDiscardThreshold(double discardThreshold) {
      this.discardThreshold = discardThreshold;
    }

    public Duration getCheckTimeout() {
      return checkTimeout;
    }

    public void setCheckTimeout(Duration checkTimeout) {
      this.checkTimeout = checkTimeout;
    }

    public boolean isHoneypot() {
      return honeypot;
    }

    public void setHoneypot(boolean honeypot) {
      this.honeypot = honeypot;
    }

    public boolean isContentHeuristics() {
      return contentHeuristics;
    }

    public void setContentHeuristics(boolean contentHeuristics) {
      this.contentHeuristics = contentHeuristics;
    }

    public int getLinkLimit() {
      return linkLimit;
    }

    public void setLinkLimit(int linkLimit) {
      this.linkLimit = linkLimit;
    }

    public FormToken getFormToken() {
      return formToken;
    }

    public Flood getFlood() {
      return flood;
    }

    public Duplicate getDuplicate() {
      return duplicate;
    }

    public ApprovedAuthors getApprovedAuthors() {
      return approvedAuthors;
    }

    public Terms getTerms() {
      return terms;
    }

    public Classifier getClassifier() {
      return classifier;
    }

    public Akismet getAkismet() {
      return akismet;
    }

    public Stores getStores() {
      return stores;
    }
  }

  /** The form-token check: a signed token issued when the form renders, verified when it is posted. */
  public static class FormToken {
    /**
     * The token key, at least 32 bytes (UTF-8) of random text; unset (the default) leaves the check out and no
     * FormTokens bean is made. Give every app server of a site the same key.
     */
    private @Nullable String secret;

    /** The least time between rendering and posting; faster is spam (FormTokens.DEFAULT_MIN_AGE). */
    private Duration minAge = Duration.ofSeconds(3);

    /** How long a token is valid (FormTokens.DEFAULT_MAX_AGE). */
    private Duration maxAge = Duration.ofHours(24);

    /** Creates the group with every default. */
    public FormToken() {}

    public @Nullable String getSecret() {
      return secret;
    }

    public void setSecret(@Nullable String secret) {
      this.secret = secret;
    }

    public Duration getMinAge() {
      return minAge;
    }

    public void setMinAge(Duration minAge) {
      this.minAge = minAge;
    }

    public Duration getMaxAge() {
      return maxAge;
    }

    public void setMaxAge(Duration maxAge) {
      this.maxAge = maxAge;
    }
  }

  /** The flood check: a second accepted comment from one address or email within the interval is refused. */
  public static class Flood {
    /** Whether the flood check runs. */
    private boolean enabled = true;

    /** The shortest time between two accepted comments of one commenter (SpamChecks.DEFAULT_FLOOD_INTERVAL, WordPress's comment_flood_filter). */
    private Duration interval = Duration.ofSeconds(15);

    /** Creates the group with every default. */
    public Flood() {}

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public Duration getInterval() {
      return interval;
    }

    public void setInterval(Duration interval) {
      this.interval = interval;
    }
  }

  /** The duplicate check: the same comment posted again on the same article is refused. */
  public static class Duplicate {
    /** Whether the duplicate check runs. */
    private boolean enabled = true;

    /** How long a comment is remembered (SpamChecks.DEFAULT_DUPLICATE_RETENTION). */
    private Duration retention = Duration.ofHours(24);

    /** Creates the group with every default. */
    public Duplicate() {}

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public Duration getRetention() {
      return retention;
    }

    public void setRetention(Duration retention) {
      this.retention = retention;
    }
  }

  /** The approved-author check: an author a moderator approved before scores toward approval. */
  public static class ApprovedAuthors {
    /** Whether the approved-author check runs. */
    private boolean enabled = true;

    /** How long a moderator's approval of an author is trusted (SpamChecks.DEFAULT_APPROVAL_RETENTION). */
    private Duration retention = Duration.ofDays(365);

    /** The score an approved author's comment gets, at most 0 (SpamChecks.DEFAULT_APPROVED_AUTHOR_SCORE). */
    private double score = -1.5;

    /** Creates the group with every default. */
    public ApprovedAuthors() {}

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public Duration getRetention() {
      return retention;
    }

    public void setRetention(Duration retention) {
      this.retention = retention;
    }

    public double getScore() {
      return score;
    }

    public void setScore(double score) {
      this.score = score;
    }
  }

  /** The term lists: one term a line, as WordPress's disallowed_keys and moderation_keys. */
  public static class Terms {
    /** Terms that make a comment spam, one a line (UTF-8), for example classpath:masthead/disallowed.txt; unset: none. */
    private @Nullable Resource disallowed;

    /** Terms that hold a comment for moderation, one a line (UTF-8); unset: none. */
    private @Nullable Resource moderation;

    /** Whether look-alike letters (Cyrillic a, fullwidth forms) are folded to Latin before matching (TermList.LookAlikes.FOLD). */
    private boolean foldLookAlikes = true;

    /** Creates the group with every default. */
    public Terms() {}

    public @Nullable Resource getDisallowed() {
      return disallowed;
    }

    public void setDisallowed(@Nullable Resource disallowed) {
      this.disallowed = disallowed;
    }

    public @Nullable Resource getModeration() {
      return moderation;
    }

    public void setModeration(@Nullable Resource moderation) {
      this.moderation = moderation;
    }

    public boolean isFoldLookAlikes() {
      return foldLookAlikes;
    }

    public void setFoldLookAlikes(boolean foldLookAlikes) {
      this.foldLookAlikes = foldLookAlikes;
    }
  }

  /** The learned classifier, trained beforehand and updated by moderator feedback. */
  public static class Classifier {
    /**
     * A trained model (SpamClassifier.save format) to start from, for example classpath:masthead/classifier.json;
     * unset: the check runs only if a file is set.
     */
    private @Nullable Resource model;

    /**
     * Where the classifier, with what moderators taught it, is saved: periodically and at shutdown, and read at
     * start in preference to the model. Unset (the default): feedback is lost at restart.
     */
    private @Nullable Path file;

    /** How often the classifier is saved to the file, if it learned since the last save. */
    private Duration saveInterval = Duration.ofMinutes(5);

    /** Creates the group with every default. */
    public Classifier() {}

    public @Nullable Resource getModel() {
      return model;
    }

    public void setModel(@Nullable Resource model) {
      this.model = model;
    }

    public @Nullable Path getFile() {
      return file;
    }

    public void setFile(@Nullable Path file) {
      this.file = file;
    }

    public Duration getSaveInterval() {
      return saveInterval;
    }

    public void setSaveInterval(Duration saveInterval) {
      this.saveInterval = saveInterval;
    }
  }

  /** The Akismet check, the last and slowest: a network call to Akismet's comment-check. */
  public static class Akismet {
    /** The Akismet API key; unset (the default) leaves the check out. */
    private @Nullable String apiKey;

    /** The site's front page, sent as blog; required with an API key. */
    private @Nullable String blog;

    /** The API's base URL (AkismetClient.DEFAULT_ENDPOINT). */
    private String endpoint = "https://rest.akismet.com";

    /** The longest wait for Akismet's answer (AkismetClient.DEFAULT_TIMEOUT); a late answer holds the comment. */
    private Duration timeout = Duration.ofSeconds(2);

    /** Whether calls are marked as tests, so Akismet does not learn from them. */
    private boolean test = false;

    /** Creates the group with every default. */
    public Akismet() {}

    public @Nullable String getApiKey() {
      return apiKey;
    }

    public void setApiKey(@Nullable String apiKey) {
      this.apiKey = apiKey;
    }

    public @Nullable String getBlog() {
      return blog;
    }

    public void setBlog(@Nullable String blog) {
      this.blog = blog;
    }

    public String getEndpoint() {
      return endpoint;
    }

    public void setEndpoint(String endpoint) {
      this.endpoint = endpoint;
    }

    public Duration getTimeout() {
      return timeout;
    }

    public void setTimeout(Duration timeout) {
      this.timeout = timeout;
    }

    public boolean isTest() {
      return test;
    }

    public void setTest(boolean test) {
      this.test = test;
    }
  }

  /** The flood, duplicate and approved-author memory when it is shared (Redis, or a host's store beans). */
  public static class Stores {
    /**
     * The key under which commenters' addresses and emails are fingerprinted (HMAC-SHA256) in a shared store, at
     * least 16 bytes (UTF-8) of random text; the same on every app server. Required when the stores are shared.
     */
    private @Nullable String siteSecret;

    /** The longest wait for a shared store; a late store holds the comment (SpamChecks.DEFAULT_STORE_TIMEOUT). */
    private Duration timeout = Duration.ofMillis(250);

    /**
     * Whether a check decides on this server's memory when the shared store fails, instead of holding the
     * comment (it then misses what other servers saw).
     */
    private boolean fallbackToServerMemory = false;

    /** Creates the group with every default. */
    public Stores() {}

    public @Nullable String getSiteSecret() {
      return siteSecret;
    }

    public void setSiteSecret(@Nullable String siteSecret) {
      this.siteSecret = siteSecret;
    }

    public Duration getTimeout() {
      return timeout;
    }

    public void setTimeout(Duration timeout) {
      this.timeout = timeout;
    }

    public boolean isFallbackToServerMemory() {
      return fallbackToServerMemory;
    }

    public void setFallbackToServerMemory(boolean fallbackToServerMemory) {
      this.fallbackToServerMemory = fallbackToServerMemory;
    }
  }

  /** The ranking engine, bound to {@code RankingConfig}. */
  public static class Ranking {
    /** The finest bucket length, the precision of window edges within the last day (RankingConfig.DEFAULT_BUCKET_RESOLUTION). */
    private Duration bucketResolution = Duration.ofMinutes(1);

    /** How long counts are kept; the all-time window means this span (RankingConfig.DEFAULT_RETENTION). */
    private Duration retention = Duration.ofDays(35);

    /** How late an event may arrive and still count (RankingConfig.DEFAULT_ALLOWED_LATENESS). */
    private Duration allowedLateness = Duration.ofHours(1);

    /** How far ahead of the server's clock an event may be (RankingConfig.DEFAULT_CLOCK_SKEW_ALLOWANCE). */
    private Duration clockSkewAllowance = Duration.ofMinutes(5);

    /**
     * The weight of each engagement kind counted, by kind name, in a weighted-sum scoring; empty (the default) for
     * VIEW=1, SHARE=5, COMMENT=10 (Scoring.DEFAULT_WEIGHTS). Only the kinds named are counted.
     */
    private Map<String, Long> weights = new LinkedHashMap<>();

    /** How long a ranking is cached; 0 turns the cache off (RankingConfig.DEFAULT_RESULT_CACHE_TTL). */
    private Duration resultCacheTtl = Duration.ofSeconds(30);

    /** A visitor counts once per article and kind within this period; 0 turns it off (RankingConfig.DEFAULT_UNIQUE_VISITOR_PERIOD). */
    private Duration uniqueVisitorPeriod = Duration.ofMinutes(30);

    /** How many visitor entries this server remembers (RankingConfig.DEFAULT_MAX_VISITOR_ENTRIES). */
    private long maxVisitorEntries = 1_000_000;

    /** Rolling windows kept as running totals in the store; empty (the default) for 24 hours, 7 and 30 days (RankingConfig.DEFAULT_TRACKED_WINDOWS). */
    private List<Duration> trackedWindows = new ArrayList<>();

    /** Regular expressions for crawler user agents; unset (the default) for the list Masthead ships; empty to count crawlers. */
    private @Nullable List<String> crawlerPatterns;

    /** How often buffered counts go to the store (RankingConfig.DEFAULT_FLUSH_INTERVAL). */
    private Duration flushInterval = Duration.ofSeconds(1);

    /** Cells a recording buffer holds before it is handed to the flusher (RankingConfig.DEFAULT_BUFFER_CELLS). */
    private int bufferCells = 393_216;

    /** The most cells waiting for the store before new counts are dropped (RankingConfig.DEFAULT_MAX_BUFFERED_CELLS). */
    private long maxBufferedCells = 1_000_000;

    /** The longest wait for the counter store (RankingConfig.DEFAULT_STORE_TIMEOUT). */
    private Duration storeTimeout = Duration.ofMillis(500);

    private final Snapshot snapshot = new Snapshot();

    /** Creates the group with every default. */
    public Ranking() {}

    public Duration getBucketResolution() {
      return bucketResolution;
    }

    public void setBucketResolution(Duration bucketResolution) {
      this.bucketResolution = bucketResolution;
    }

    public Duration getRetention() {
      return retention;
    }

    public void setRetention(Duration retention) {
      this.retention = retention;
    }

    public Duration getAllowedLateness() {
      return allowedLateness;
    }

    public void setAllowedLateness(Duration allowedLateness) {
      this.allowedLateness = allowedLateness;
    }

    public Duration getClockSkewAllowance() {
      return clockSkewAllowance;
    }

    public void setClockSkewAllowance(Duration clockSkewAllowance) {
      this.clockSkewAllowance = clockSkewAllowance;
    }

    public Map<String, Long> getWeights() {
      return weights;
    }

    public void setWeights(Map<String, Long> weights) {
      this.weights = weights;
    }

    public Duration getResultCacheTtl() {
      return resultCacheTtl;
    }

    public void setResultCacheTtl(Duration resultCacheTtl) {
      this.resultCacheTtl = resultCacheTtl;
    }

    public Duration getUniqueVisitorPeriod() {
      return uniqueVisitorPeriod;
    }

    public void setUniqueVisitorPeriod(Duration uniqueVisitorPeriod) {
      this.uniqueVisitorPeriod = uniqueVisitorPeriod;
    }

    public long getMaxVisitorEntries() {
      return maxVisitorEntries;
    }

    public void setMaxVisitorEntries(long maxVisitorEntries) {
      this.maxVisitorEntries = maxVisitorEntries;
    }

    public List<Duration> getTrackedWindows() {
      return trackedWindows;
    }

    public void setTrackedWindows(List<Duration> trackedWindows) {
      this.trackedWindows = trackedWindows;
    }

    public @Nullable List<String> getCrawlerPatterns() {
      return crawlerPatterns;
    }

    public void setCrawlerPatterns(@Nullable List<String> crawlerPatterns) {
      this.crawlerPatterns = crawlerPatterns;
    }

    public Duration getFlushInterval() {
      return flushInterval;
    }

    public void setFlushInterval(Duration flushInterval) {
      this.flushInterval = flushInterval;
    }

    public int getBufferCells() {
      return bufferCells;
    }

    public void setBufferCells(int bufferCells) {
      this.bufferCells = bufferCells;
    }

    public long getMaxBufferedCells() {
      return maxBufferedCells;
    }

    public void setMaxBufferedCells(long maxBufferedCells) {
      this.maxBufferedCells = maxBufferedCells;
    }

    public Duration getStoreTimeout() {
      return storeTimeout;
    }

    public void setStoreTimeout(Duration storeTimeout) {
      this.storeTimeout = storeTimeout;
    }

    public Snapshot getSnapshot() {
      return snapshot;
    }
  }

  /** The in-memory counter store's snapshot file, so a one-server site restarts with its rankings. */
  public static class Snapshot {
    /**
     * The snapshot file: restored at start if it exists, written periodically and at shutdown. Unset (the
     * default): counts live only in memory. Ignored when the counts are in Redis.
     */
    private @Nullable Path file;

    /** How often the snapshot is written. */
    private Duration interval = Duration.ofMinutes(5);

    /** Creates the group with every default. */
    public Snapshot() {}

    public @Nullable Path getFile() {
      return file;
    }

    public void setFile(@Nullable Path file) {
      this.file = file;
    }

    public Duration getInterval() {
      return interval;
    }

    public void setInterval(Duration interval) {
      this.interval = interval;
    }
  }

  /** Related posts, bound to {@code RelatedConfig}. */
  public static class Related {
    /** The weight of a headline term match (RelatedConfig.DEFAULT_HEADLINE_BOOST). */
    private double headlineBoost = 3.0;

    /** The weight of a dek term match (RelatedConfig.DEFAULT_DEK_BOOST). */
    private double dekBoost = 1.5;

    /** The weight of a body term match (RelatedConfig.DEFAULT_BODY_BOOST). */
    private double bodyBoost = 1.0;

    /** The weight of text similarity in the score (RelatedConfig.DEFAULT_TEXT_WEIGHT). */
    private double textWeight = 1.0;

    /** The weight of each shared tag (RelatedConfig.DEFAULT_TAG_WEIGHT). */
    private double tagWeight = 0.5;

    /** The weight of the same section (RelatedConfig.DEFAULT_SECTION_WEIGHT). */
    private double sectionWeight = 0.05;

    /** The weight of a shared byline (RelatedConfig.DEFAULT_BYLINE_WEIGHT). */
    private double bylineWeight = 0.2;

    /** The weight of closeness in publication time (RelatedConfig.DEFAULT_TIME_PROXIMITY_WEIGHT). */
    private double timeProximityWeight = 0.5;

    /** The publication-time gap at which closeness counts half (RelatedConfig.DEFAULT_TIME_PROXIMITY_HALF_LIFE). */
    private Duration timeProximityHalfLife = Duration.ofDays(60);

    /** The least score an article needs to be shown as related (RelatedConfig.DEFAULT_MIN_SCORE). */
    private double minScore = 0.1;

    /** The most terms of the subject article queried (RelatedConfig.DEFAULT_MAX_QUERY_TERMS). */
    private int maxQueryTerms = 25;

    /** The most results cached (RelatedConfig.DEFAULT_CACHE_MAXIMUM_SIZE). */
    private long cacheMaximumSize = 10_000;

    /** How long a result is cached (RelatedConfig.DEFAULT_CACHE_EXPIRE_AFTER_WRITE). */
    private Duration cacheExpireAfterWrite = Duration.ofMinutes(1);

    /** Creates the group with every default. */
    public Related() {}

    public double getHeadlineBoost() {
      return headlineBoost;
    }

    public void setHeadlineBoost(double headlineBoost) {
      this.headlineBoost = headlineBoost;
    }

    public double getDekBoost() {
      return dekBoost;
    }

    public void setDekBoost(double dekBoost) {
      this.dekBoost = dekBoost;
    }

    public double getBodyBoost() {
      return bodyBoost;
    }

    public void setBodyBoost(double bodyBoost) {
      this.bodyBoost = bodyBoost;
    }

    public double getTextWeight() {
      return textWeight;
    }

    public void setTextWeight(double textWeight) {
      this.textWeight = textWeight;
    }

    public double getTagWeight() {
      return tagWeight;
    }

    public void setTagWeight(double tagWeight) {
      this.tagWeight = tagWeight;
    }

    public double getSectionWeight() {
      return sectionWeight;
    }

    public void setSectionWeight(double sectionWeight) {
      this.sectionWeight = sectionWeight;
    }

    public double getBylineWeight() {
      return bylineWeight;
    }

    public void setBylineWeight(double bylineWeight) {
      this.bylineWeight = bylineWeight;
    }

    public double getTimeProximityWeight() {
      return timeProximityWeight;
    }

    public void setTimeProximityWeight(double timeProximityWeight) {
      this.timeProximityWeight = timeProximityWeight;
    }

    public Duration getTimeProximityHalfLife() {
      return timeProximityHalfLife;
    }

    public void setTimeProximityHalfLife(Duration timeProximityHalfLife) {
      this.timeProximityHalfLife = timeProximityHalfLife;
    }

    public double getMinScore() {
      return minScore;
    }

    public void setMinScore(double minScore) {
      this.minScore = minScore;
    }

    public int getMaxQueryTerms() {
      return maxQueryTerms;
    }

    public void setMaxQueryTerms(int maxQueryTerms) {
      this.maxQueryTerms = maxQueryTerms;
    }

    public long getCacheMaximumSize() {
      return cacheMaximumSize;
    }

    public void setCacheMaximumSize(long cacheMaximumSize) {
      this.cacheMaximumSize = cacheMaximumSize;
    }

    public Duration getCacheExpireAfterWrite() {
      return cacheExpireAfterWrite;
    }

    public void setCacheExpireAfterWrite(Duration cacheExpireAfterWrite) {
      this.cacheExpireAfterWrite = cacheExpireAfterWrite;
    }
  }

  /**
   * The Redis connection. Setting {@code uri} or {@code cluster-seeds} switches the ranking counts, the unique-visitor
   * memory and the comment flood, duplicate and approved-author memory to Redis, shared by every app server.
   */
  public static class Redis {
    /** A single server, for example redis://localhost:6379 or rediss://:password@host:6380/0; unset: in memory. */
    private @Nullable String uri;

    /** Redis Cluster seed URIs, instead of uri. */
    private List<String> clusterSeeds = new ArrayList<>();

    /** The command timeout (RedisConnection's default, 500 ms; Lettuce's is 60 s). */
    private Duration commandTimeout = Duration.ofMillis(500);

    /** The connect timeout (RedisConnection's default). */
    private Duration connectTimeout = Duration.ofSeconds(1);

    /** The key namespace of the ranking counts and visitor memory; servers of one site share it (RedisCounterStore's default). */
    private String rankingNamespace = "masthead";

    /** The key namespace of the comment memory (RedisCommentStores.DEFAULT_NAMESPACE). */
    private String commentsNamespace = "masthead-comments";

    /** Whether a Redis that may evict keys (a maxmemory-policy other than noeviction) is accepted for the counts. */
    private boolean allowEviction = false;

    /** Creates the group with every default. */
    public Redis() {}

    public @Nullable String getUri() {
      return uri;
    }

    public void setUri(@Nullable String uri) {
      this.uri = uri;
    }

    public List<String> getClusterSeeds() {
      return clusterSeeds;
    }

    public void setClusterSeeds(List<String> clusterSeeds) {
      this.clusterSeeds = clusterSeeds;
    }

    public Duration getCommandTimeout() {
      return commandTimeout;
    }

    public void setCommandTimeout(Duration commandTimeout) {
      this.commandTimeout = commandTimeout;
    }

    public Duration getConnectTimeout() {
      return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
      this.connectTimeout = connectTimeout;
    }

    public String getRankingNamespace() {
      return rankingNamespace;
    }

    public void setRankingNamespace(String rankingNamespace) {
      this.rankingNamespace = rankingNamespace;
    }

    public String getCommentsNamespace() {
      return commentsNamespace;
    }

    public void setCommentsNamespace(String commentsNamespace) {
      this.commentsNamespace = commentsNamespace;
    }

    public boolean isAllowEviction() {
      return allowEviction;
    }

    public void setAllowEviction(boolean allowEviction) {
      this.allowEviction = allowEviction;
    }
  }
}
