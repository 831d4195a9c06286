package dev.masthead.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.masthead.comments.CommentPolicy;
import dev.masthead.comments.spam.AkismetClient;
import dev.masthead.comments.spam.FormTokens;
import dev.masthead.comments.spam.SpamChecks;
import dev.masthead.comments.spam.SpamFilter;
import dev.masthead.ranking.RankingConfig;
import dev.masthead.related.RelatedConfig;
import dev.masthead.redis.RedisCommentStores;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The properties' defaults are the library's, and the metadata and the docs list every property. */
class MastheadPropertiesTest {
  private final MastheadProperties defaults = new MastheadProperties();

  @Test
  void eachGroupsDefaultsAreItsModulesDefaults() {
    assertThat(PropertyMapping.commentPolicy(defaults.getComments()).toString())
        .isEqualTo(CommentPolicy.defaults().toString());
    assertThat(PropertyMapping.rankingConfig(defaults.getRanking())).isEqualTo(RankingConfig.defaults());
    assertThat(PropertyMapping.relatedConfig(defaults.getRelated())).isEqualTo(RelatedConfig.defaults());
  }

  @Test
  void theSpamDefaultsAreTheFiltersAndChecksDefaults() {
    MastheadProperties.Spam spam = defaults.getSpam();
    assertThat(spam.getHoldThreshold()).isEqualTo(SpamFilter.DEFAULT_HOLD_THRESHOLD);
    assertThat(spam.getSpamThreshold()).isEqualTo(SpamFilter.DEFAULT_SPAM_THRESHOLD);
    assertThat(spam.getDiscardThreshold()).isEqualTo(SpamFilter.DEFAULT_DISCARD_THRESHOLD);
    assertThat(spam.getLinkLimit()).isEqualTo(SpamChecks.DEFAULT_LINK_LIMIT);
    assertThat(spam.getFlood().getInterval()).isEqualTo(SpamChecks.DEFAULT_FLOOD_INTERVAL);
    assertThat(spam.getDuplicate().getRetention()).isEqualTo(SpamChecks.DEFAULT_DUPLICATE_RETENTION);
    assertThat(spam.getApprovedAuthors().getScore()).isEqualTo(SpamChecks.DEFAULT_APPROVED_AUTHOR_SCORE);
    assertThat(spam.getApprovedAuthors().getRetention()).isEqualTo(SpamChecks.DEFAULT_APPROVAL_RETENTION);
    assertThat(spam.getStores().getTimeout()).isEqualTo(SpamChecks.DEFAULT_STORE_TIMEOUT);
    assertThat(spam.getFormToken().getMinAge()).isEqualTo(FormTokens.DEFAULT_MIN_AGE);
    assertThat(spam.getFormToken().getMaxAge()).isEqualTo(FormTokens.DEFAULT_MAX_AGE);
    assertThat(spam.getAkismet().getEndpoint()).isEqualTo(AkismetClient.DEFAULT_ENDPOINT);
    assertThat(spam.getAkismet().getTimeout()).isEqualTo(AkismetClient.DEFAULT_TIMEOUT);
    assertThat(defaults.getRedis().getCommentsNamespace()).isEqualTo(RedisCommentStores.DEFAULT_NAMESPACE);
  }

  @Test
  void theMissingSchemeValuesAreThePolicys() {
    assertThat(List.of(MastheadProperties.MissingScheme.values())).extracting(Enum::name)
        .containsExactlyElementsOf(List.of(CommentPolicy.MissingScheme.values()).stream().map(Enum::name).toList());
  }

  private static JsonNode metadata() throws Exception {
    try (InputStream in = MastheadProperties.class.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
      assertThat(in).as("the configuration processor's metadata").isNotNull();
      return new ObjectMapper().readTree(in);
    }
  }

  @Test
  void everyPropertyHasADescriptionInTheMetadata() throws Exception {
    List<String> undescribed = new ArrayList<>();
    for (JsonNode p : metadata().get("properties")) {
      if (!p.hasNonNull("description") || p.get("description").asText().isBlank()) {
        undescribed.add(p.get("name").asText());
      }
    }
    assertThat(metadata().get("properties")).hasSizeGreaterThan(70);
    assertThat(undescribed).isEmpty();
  }

  @Test
  void docsListEveryPropertyWithItsDefault() throws Exception {
    String docs = Files.readString(Path.of("..", "docs", "spring-boot.md"));
    List<String> wrong = new ArrayList<>();
    for (JsonNode p : metadata().get("properties")) {
      String name = p.get("name").asText();
      Matcher row = Pattern.compile("(?m)^\\| `" + Pattern.quote(name) + "` \\| ([^|]*) \\|").matcher(docs);
      if (!row.find()) {
        wrong.add(name + ": not in docs/spring-boot.md");
        continue;
      }
      JsonNode d = p.get("defaultValue");
      if (d != null && d.isValueNode() && !row.group(1).strip().equals(d.asText())) {
        wrong.add(name + ": docs say " + row.group(1).strip() + ", metadata " + d.asText());
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void everyPropertyTheReadmeNamesExists() throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"));
    List<String> names = new ArrayList<>();
    metadata().get("properties").forEach(p -> names.add(p.get("name").asText()));
    Matcher m = Pattern.compile("`(masthead\\.[a-z0-9.-]+)`").matcher(readme);
    List<String> unknown = new ArrayList<>();
    while (m.find()) {
      String name = m.group(1);
      boolean known = names.contains(name) || names.stream().anyMatch(n -> n.startsWith(name + "."))
          || name.startsWith("masthead.ranking.results") || name.startsWith("masthead.related.results")
          || name.startsWith("masthead.comments.validations") || name.startsWith("masthead.comments.field")
          || name.startsWith("masthead.spam.verdicts") || name.startsWith("masthead.spam.checks")
          || name.startsWith("masthead.spam.refusals") || name.startsWith("masthead.ranking.events")
          || name.startsWith("masthead.ranking.store.") || name.startsWith("masthead.ranking.flushes")
          || name.startsWith("masthead.related.queries");
      if (!known) {
        unknown.add(name);
      }
    }
    assertThat(unknown).isEmpty();
  }
}
