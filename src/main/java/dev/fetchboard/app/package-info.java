/**
 * The launcher: the process entry point that starts the window or the command line. Nothing in
 * Fetchboard depends on this package.
 */
package dev.fetchboard.app;
