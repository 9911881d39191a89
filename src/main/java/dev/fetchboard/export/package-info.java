/** Writing result rows to CSV and JSON files, bounded and cancellable. */
@NullMarked
package dev.fetchboard.export;

import org.jspecify.annotations.NullMarked;
