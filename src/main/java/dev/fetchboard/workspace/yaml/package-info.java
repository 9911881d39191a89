/** Comment-keeping YAML node trees for reading and saving workspace files. */
@NullMarked
package dev.fetchboard.workspace.yaml;

import org.jspecify.annotations.NullMarked;
