/** Where unexpected failures go: the log file, its folder, and the one error sink. */
@NullMarked
package dev.fetchboard.errors;

import org.jspecify.annotations.NullMarked;
