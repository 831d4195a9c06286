package dev.masthead.spring;

import dev.masthead.ranking.RankingEngine;

/**
 * Changes the ranking engine's builder before the auto-configuration builds it: every bean of this type is applied, in
 * {@code @Order}, after the properties, so a customizer can set what no property does (a listener, a check, a
 * clock) or override a property. The metrics auto-configuration adds one to attach Masthead's Micrometer
 * binders.
 *
 * <p>Called once, at start-up, on the thread that creates the bean.
 */
@FunctionalInterface
public interface RankingEngineCustomizer {
  /**
   * Customizes the builder.
   *
   * @param builder the builder, with the properties already applied
   */
  void customize(RankingEngine.Builder builder);
}
