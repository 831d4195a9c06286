/**
 * Masthead on Redis: stores shared by every app server of a site, behind the same SPIs as the in-memory
 * defaults (ranking counts; comment flood and duplicate memory).
 *
 * <p>Exports {@code dev.masthead.redis}: {@link dev.masthead.redis.RedisConnection}, the one Lettuce
 * connection with settings made for counting, and the stores built on it. Lettuce types are not part of the
 * public API.
 */
@SuppressWarnings("requires-automatic") // Lettuce ships an Automatic-Module-Name, no module-info
module dev.masthead.redis {
  requires static org.jspecify;
  requires transitive dev.masthead.ranking;
  requires transitive dev.masthead.comments;
  requires lettuce.core;
  requires io.netty.common; // Lettuce's NettyCustomizer: the reply watchdog
  requires io.netty.transport;
  requires org.slf4j;

  exports dev.masthead.redis;
}
