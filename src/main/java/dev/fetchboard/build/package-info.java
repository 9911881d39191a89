/** Facts about the build (its version); depends on nothing else in Fetchboard. */
package dev.fetchboard.build;
