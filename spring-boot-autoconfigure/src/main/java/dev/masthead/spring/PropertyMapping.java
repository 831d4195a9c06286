package dev.masthead.spring;

import dev.masthead.comments.CommentPolicy;
import dev.masthead.ranking.EngagementKind;
import dev.masthead.ranking.RankingConfig;
import dev.masthead.ranking.Scoring;
import dev.masthead.related.RelatedConfig;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * From the bound property groups to each module's configuration value. Each method is in its own class's
 * terms only, so it loads only when that module is on the class path.
 */
final class PropertyMapping {
  private PropertyMapping() {}

  static CommentPolicy commentPolicy(MastheadProperties.Comments p) {
    CommentPolicy.Builder b = CommentPolicy.builder()
        .requireNameAndEmail(p.isRequireNameAndEmail())
        .maxAuthorLengthCodePoints(p.getMaxAuthorLength())
        .maxEmailLengthCodePoints(p.getMaxEmailLength())
        .maxUrlLengthCodePoints(p.getMaxUrlLength())
        .maxContentLengthCodePoints(p.getMaxContentLength())
        .minContentLengthCodePoints(p.getMinContentLength())
        .maxReplyDepth(p.getMaxReplyDepth())
        .closeCommentsAfter(p.getCloseAfter())
        .smtpUtf8(p.isSmtpUtf8())
        .missingScheme(CommentPolicy.MissingScheme.valueOf(p.getMissingScheme().name()));
    if (!p.getAllowedHtml().isEmpty()) {
      Map<String, Set<String>> tags = new LinkedHashMap<>();
      p.getAllowedHtml().forEach((tag, attributes) -> tags.put(tag, new LinkedHashSet<>(attributes)));
      b.allowedHtml(tags);
    }
    return b.build();
  }

  static RankingConfig rankingConfig(MastheadProperties.Ranking p) {
    Map<EngagementKind, Long> weights = new LinkedHashMap<>();
    p.getWeights().forEach((kind, weight) -> weights.put(EngagementKind.of(kind), weight));
    List<Duration> tracked = p.getTrackedWindows().isEmpty() ? null : List.copyOf(p.getTrackedWindows());
    List<String> crawlers = p.getCrawlerPatterns() == null ? null : List.copyOf(p.getCrawlerPatterns());
    Scoring scoring = weights.isEmpty() ? Scoring.defaults() : Scoring.weighted(weights);
    return new RankingConfig(p.getBucketResolution(), p.getRetention(), p.getAllowedLateness(),
        p.getClockSkewAllowance(), scoring, p.getResultCacheTtl(), p.getUniqueVisitorPeriod(),
        p.getMaxVisitorEntries(), tracked, crawlers, p.getFlushInterval(), p.getBufferCells(),
        p.getMaxBufferedCells(), p.getStoreTimeout());
  }

  static RelatedConfig relatedConfig(MastheadProperties.Related p) {
    return RelatedConfig.builder()
        .headlineBoost(p.getHeadlineBoost())
        .dekBoost(p.getDekBoost())
        .bodyBoost(p.getBodyBoost())
        .textWeight(p.getTextWeight())
        .tagWeight(p.getTagWeight())
        .sectionWeight(p.getSectionWeight())
        .bylineWeight(p.getBylineWeight())
        .timeProximityWeight(p.getTimeProximityWeight())
        .timeProximityHalfLife(p.getTimeProximityHalfLife())
        .minScore(p.getMinScore())
        .maxQueryTerms(p.getMaxQueryTerms())
        .cacheMaximumSize(p.getCacheMaximumSize())
        .cacheExpireAfterWrite(p.getCacheExpireAfterWrite())
        .build();
  }
}
