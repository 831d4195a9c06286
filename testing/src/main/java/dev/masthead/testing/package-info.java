/**
 * Test support: a movable clock, sample articles and sample reader comments (all written for the project), and
 * the rule for missing prerequisites.
 *
 * <p>Every type in this package is non-null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.masthead.testing;

import org.jspecify.annotations.NullMarked;
