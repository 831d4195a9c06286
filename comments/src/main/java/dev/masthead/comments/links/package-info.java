/**
 * The comments module's link detector, shared by the validator (which lists a comment's links) and the spam
 * checks (which count and weigh them). Not exported.
 */
@NullMarked
package dev.masthead.comments.links;

import org.jspecify.annotations.NullMarked;
