/**
 * The embedded PostgreSQL, the sample database and the sample HTTP API behind the first-run
 * workspace.
 */
@NullMarked
package dev.fetchboard.embedded;

import org.jspecify.annotations.NullMarked;
