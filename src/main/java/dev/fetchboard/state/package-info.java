/**
 * What the desktop app keeps between sessions, without JavaFX: settings, recovery of unsaved edits,
 * saving and reading workspace files safely, and noticing when another program changes the open
 * file.
 */
package dev.fetchboard.state;
