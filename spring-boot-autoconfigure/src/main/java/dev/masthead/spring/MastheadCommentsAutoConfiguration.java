package dev.masthead.spring;

import dev.masthead.comments.CommentPolicy;
import dev.masthead.comments.CommentValidator;
import dev.masthead.comments.ParentLookup;
import dev.masthead.comments.spam.AkismetClient;
import dev.masthead.comments.spam.ApprovedAuthors;
import dev.masthead.comments.spam.DuplicateStore;
import dev.masthead.comments.spam.FloodStore;
import dev.masthead.comments.spam.FormTokens;
import dev.masthead.comments.spam.SpamCheck;
import dev.masthead.comments.spam.SpamChecks;
import dev.masthead.comments.spam.SpamChecks.StoreSettings;
import dev.masthead.comments.spam.SpamClassifier;
import dev.masthead.comments.spam.SpamFilter;
import dev.masthead.comments.spam.TermList;
import dev.masthead.core.ArticleLookup;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConfigurationCondition;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.io.Resource;

/**
 * The reply form: a {@link CommentPolicy} bound to {@code masthead.comments.*}, a {@link CommentValidator}, and a
 * {@link SpamFilter} whose checks {@code masthead.spam.*} selects, with {@link FormTokens} and a
 * {@link SpamClassifier} when configured.
 *
 * <p>The validator needs the host's {@link ArticleLookup} bean (its article catalog): without one, no
 * validator is made (the condition report says so) and the spam filter is still made. A {@link ParentLookup}
 * bean, if the host has one, answers for replies; without it every reply to a comment is refused. An
 * {@link InstantSource} bean, if present, is the clock of every check.
 *
 * <p>The flood, duplicate and approved-author checks use this server's memory unless a {@link FloodStore},
 * {@link DuplicateStore} or {@link ApprovedAuthors} bean is present (the Redis auto-configuration makes them
 * when {@code masthead.redis.uri} is set); a shared store needs {@code masthead.spam.stores.site-secret}.
 * Every {@link SpamCheck} bean of the host is added to the filter. Each bean here backs off when the host
 * declares its own of the same type.
 */
@AutoConfiguration(after = MastheadRedisStoresAutoConfiguration.class)
@ConditionalOnClass(CommentValidator.class)
@EnableConfigurationProperties(MastheadProperties.class)
public class MastheadCommentsAutoConfiguration {
  private static final Logger LOG = LoggerFactory.getLogger(MastheadCommentsAutoConfiguration.class);

  /** Creates the configuration (Spring calls it). */
  public MastheadCommentsAutoConfiguration() {}

  /**
   * The comment policy, from {@code masthead.comments.*}.
   *
   * @param properties the bound properties
   * @return the policy
   * @throws IllegalArgumentException if a property is out of its range (the message names it)
   */
  @Bean
  @ConditionalOnMissingBean
  public CommentPolicy mastheadCommentPolicy(MastheadProperties properties) {
    return PropertyMapping.commentPolicy(properties.getComments());
  }

  /**
   * The validator, made only when the host has an {@link ArticleLookup} bean.
   *
   * @param policy the policy
   * @param articles the host's catalog
   * @param parents the host's parent-comment lookup, if any
   * @param clock the host's clock, if any
   * @param customizers changes to the builder, applied last
   * @return the validator
   */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnBean(ArticleLookup.class)
  public CommentValidator mastheadCommentValidator(CommentPolicy policy, ArticleLookup articles,
      ObjectProvider<ParentLookup> parents, ObjectProvider<InstantSource> clock,
      ObjectProvider<CommentValidatorCustomizer> customizers) {
    CommentValidator.Builder b = CommentValidator.builder().policy(policy).articles(articles)
        .clock(clock.getIfAvailable(InstantSource::system));
    parents.ifAvailable(b::parents);
    customizers.orderedStream().forEach(c -> c.customize(b));
    return b.build();
  }

  /**
   * The form-token maker, when {@code masthead.spam.form-token.secret} is set: the host issues a token with each
   * form it renders, and the spam filter checks it.
   *
   * @param properties the bound properties
   * @param clock the host's clock, if any
   * @return the token maker
   * @throws IllegalArgumentException if the secret is shorter than 32 bytes or an age is out of range
   */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnProperty(prefix = "masthead.spam.form-token", name = "secret")
  public FormTokens mastheadFormTokens(MastheadProperties properties, ObjectProvider<InstantSource> clock) {
    MastheadProperties.FormToken p = properties.getSpam().getFormToken();
    byte[] key = secretBytes("masthead.spam.form-token.secret", p.getSecret(), 32);
    return FormTokens.create(key, clock.getIfAvailable(InstantSource::system), p.getMinAge(), p.getMaxAge());
  }

  /**
   * The learned classifier, when {@code masthead.spam.classifier.model} or {@code .file} is set: read from the
   * file if it exists (what moderators taught it), else from the model, else untrained.
   *
   * @param properties the bound properties
   * @return the classifier
   * @throws IllegalStateException if the file or model cannot be read or is not a saved classifier
   */
  @Bean
  @ConditionalOnMissingBean
  @Conditional(ClassifierConfigured.class)
  public SpamClassifier mastheadSpamClassifier(MastheadProperties properties) {
    MastheadProperties.Classifier p = properties.getSpam().getClassifier();
    Path file = p.getFile();
    Resource model = p.getModel();
    try {
      if (file != null && Files.exists(file)) {
        try (InputStream in = Files.newInputStream(file)) {
          return SpamClassifier.load(in);
        }
      }
      if (model != null) {
        try (InputStream in = model.getInputStream()) {
          return SpamClassifier.load(in);
        }
      }
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("cannot load the spam classifier from "
          + (file != null && Files.exists(file) ? file : model) + " (masthead.spam.classifier.*): "
          + e.getMessage(), e);
    }
    return SpamClassifier.trainer().untrained();
  }

  /**
   * Saves the classifier to {@code masthead.spam.classifier.file} periodically and at shutdown.
   *
   * @param classifier the classifier
   * @param properties the bound properties
   * @return the lifecycle bean
   */
  @Bean
  @ConditionalOnBean(SpamClassifier.class)
  @ConditionalOnProperty(prefix = "masthead.spam.classifier", name = "file")
  public ClassifierSnapshots mastheadClassifierSnapshots(SpamClassifier classifier, MastheadProperties properties) {
    MastheadProperties.Classifier p = properties.getSpam().getClassifier();
    return new ClassifierSnapshots(classifier, new SnapshotFile(java.util.Objects.requireNonNull(p.getFile())),
        p.getSaveInterval());
  }

  /**
   * The spam filter: the checks the properties select, cheapest first, then the host's {@link SpamCheck} beans.
   *
   * @param properties the bound properties
   * @param clock the host's clock, if any
   * @param formTokens the token maker, if configured
   * @param classifier the classifier, if configured
   * @param floodStore a shared flood store, if any
   * @param duplicateStore a shared duplicate store, if any
   * @param approvedAuthors a shared approved-author store, if any
   * @param extraChecks the host's own checks
   * @param customizers changes to the builder, applied last
   * @return the filter
   * @throws IllegalStateException if a shared store is present without a site secret, or a term list cannot be
   *     read
   * @throws IllegalArgumentException if a property is out of its range
   */
  @Bean
  @ConditionalOnMissingBean
  public SpamFilter mastheadSpamFilter(MastheadProperties properties, ObjectProvider<InstantSource> clock,
      ObjectProvider<FormTokens> formTokens, ObjectProvider<SpamClassifier> classifier,
      ObjectProvider<FloodStore> floodStore, ObjectProvider<DuplicateStore> duplicateStore,
      ObjectProvider<ApprovedAuthors> approvedAuthors, ObjectProvider<SpamCheck> extraChecks,
      ObjectProvider<SpamFilterCustomizer> customizers) {
    MastheadProperties.Spam p = properties.getSpam();
    InstantSource time = clock.getIfAvailable(InstantSource::system);
    SharedStores stores = new SharedStores(p.getStores(), time);
    SpamFilter.Builder b = SpamFilter.builder()
        .thresholds(p.getHoldThreshold(), p.getSpamThreshold(), p.getDiscardThreshold())
        .checkTimeout(p.getCheckTimeout());
    if (p.isHoneypot()) {
      b.check(SpamChecks.honeypot());
    }
    formTokens.ifAvailable(tokens -> b.check(SpamChecks.formToken(tokens)));
    if (p.getFlood().isEnabled()) {
      FloodStore shared = floodStore.getIfAvailable();
      b.check(SpamChecks.flood(p.getFlood().getInterval(),
          shared != null ? shared : FloodStore.inMemory(time), stores.settings(shared != null, "flood")));
    }
    if (p.getDuplicate().isEnabled()) {
      DuplicateStore shared = duplicateStore.getIfAvailable();
      b.check(SpamChecks.duplicate(p.getDuplicate().getRetention(),
          shared != null ? shared : DuplicateStore.inMemory(time), stores.settings(shared != null, "duplicate")));
    }
    if (p.getApprovedAuthors().isEnabled()) {
      ApprovedAuthors shared = approvedAuthors.getIfAvailable();
      b.check(SpamChecks.approvedAuthors(shared != null ? shared : ApprovedAuthors.inMemory(time),
          stores.settings(shared != null, "approved-author"), p.getApprovedAuthors().getScore(),
          p.getApprovedAuthors().getRetention()));
    }
    if (p.getLinkLimit() > 0) {
      b.check(SpamChecks.links(p.getLinkLimit()));
    }
    MastheadProperties.Terms terms = p.getTerms();
    if (terms.getDisallowed() != null || terms.getModeration() != null) {
      TermList.LookAlikes lookAlikes = terms.isFoldLookAlikes() ? TermList.LookAlikes.FOLD : TermList.LookAlikes.KEEP;
      b.check(SpamChecks.terms(termList("masthead.spam.terms.disallowed", terms.getDisallowed(), lookAlikes),
          termList("masthead.spam.terms.moderation", terms.getModeration(), lookAlikes)));
    }
    if (p.isContentHeuristics()) {
      b.check(SpamChecks.contentHeuristics());
    }
    classifier.ifAvailable(c -> b.check(SpamChecks.classifier(c)));
    MastheadProperties.Akismet akismet = p.getAkismet();
    if (akismet.getApiKey() != null) {
      if (akismet.getBlog() == null) {
        throw new IllegalStateException("masthead.spam.akismet.blog (the site's front page) is required with "
            + "masthead.spam.akismet.api-key");
      }
      b.check(SpamChecks.akismet(AkismetClient.builder().apiKey(akismet.getApiKey())
          .blog(URI.create(akismet.getBlog())).endpoint(URI.create(akismet.getEndpoint()))
          .timeout(akismet.getTimeout()).test(akismet.isTest()).build()));
    }
    extraChecks.orderedStream().forEach(b::check);
    customizers.orderedStream().forEach(c -> c.customize(b));
    return b.build();
  }

  private static TermList termList(String property, @Nullable Resource resource, TermList.LookAlikes lookAlikes) {
    if (resource == null) {
      return TermList.empty();
    }
    try (InputStream in = resource.getInputStream()) {
      TermList list = TermList.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), lookAlikes);
      for (TermList.Warning w : list.warnings()) {
        LOG.warn("{} ({}): {}", property, resource.getDescription(), w.message());
      }
      return list;
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + property + " from " + resource + ": " + e.getMessage(), e);
    }
  }

  static byte[] secretBytes(String property, @Nullable String secret, int minBytes) {
    byte[] bytes = secret == null ? new byte[0] : secret.getBytes(StandardCharsets.UTF_8);
    if (bytes.length < minBytes) {
      throw new IllegalStateException(property + " must be at least " + minBytes + " bytes (UTF-8) of random text; "
          + "it has " + bytes.length);
    }
    return bytes;
  }

  /** The store settings: the site secret for shared stores, a random secret of this process otherwise. */
  private static final class SharedStores {
    private final MastheadProperties.Stores properties;
    private final InstantSource clock;
    private final Map<Boolean, StoreSettings> made = new LinkedHashMap<>();
    private final Set<String> sharedChecks = new LinkedHashSet<>();

    SharedStores(MastheadProperties.Stores properties, InstantSource clock) {
      this.properties = properties;
      this.clock = clock;
    }

    StoreSettings settings(boolean shared, String check) {
      if (shared) {
        sharedChecks.add(check);
      }
      return made.computeIfAbsent(shared, this::make);
    }

    private StoreSettings make(boolean shared) {
      byte[] secret;
      if (shared) {
        if (properties.getSiteSecret() == null) {
          throw new IllegalStateException("masthead.spam.stores.site-secret is required: the " + sharedChecks
              + " check's memory is shared (Redis or a store bean), and every server must fingerprint "
              + "commenters under the same secret");
        }
        secret = secretBytes("masthead.spam.stores.site-secret", properties.getSiteSecret(), 16);
      } else {
        secret = new byte[32];
        new SecureRandom().nextBytes(secret);
      }
      StoreSettings s = StoreSettings.of(secret).withStoreTimeout(properties.getTimeout());
      if (shared && properties.isFallbackToServerMemory()) {
        s = s.withFallbackToServerMemory(clock);
      }
      return s;
    }
  }

  /** Matches when a classifier model or file is configured. */
  static final class ClassifierConfigured extends AnyNestedCondition {
    ClassifierConfigured() {
      super(ConfigurationCondition.ConfigurationPhase.REGISTER_BEAN);
    }

    @ConditionalOnProperty(prefix = "masthead.spam.classifier", name = "model")
    static final class Model {}

    @ConditionalOnProperty(prefix = "masthead.spam.classifier", name = "file")
    static final class File {}
  }
}
