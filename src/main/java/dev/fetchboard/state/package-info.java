/**
 * What the desktop app keeps between sessions, without JavaFX: settings, recovery of unsaved edits,
 * saving and reading workspace files safely, and noticing when another program changes the open
 * file.
 */
@NullMarked
package dev.fetchboard.state;

import org.jspecify.annotations.NullMarked;
