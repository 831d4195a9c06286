/**
 * Masthead's metrics for Micrometer: one {@code MeterBinder} per module's stats, so the library modules stay
 * free of Micrometer. Each module is optional: a binder is usable when its module is present.
 *
 * <p>Exports {@code dev.masthead.micrometer}.
 */
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"}) // micrometer-core ships an Automatic-Module-Name, no module-info
module dev.masthead.micrometer {
  requires static org.jspecify;
  requires transitive micrometer.core;
  requires static transitive dev.masthead.comments;
  requires static transitive dev.masthead.ranking;
  requires static transitive dev.masthead.related;
  requires com.github.benmanes.caffeine;

  exports dev.masthead.micrometer;
}
