package dev.fetchboard.sql.assist;

import java.util.List;
import java.util.Set;

/**
 * What to offer at a caret: suggestions replacing the text from {@code replaceFrom} to the caret,
 * and the schemas whose tables would add more once loaded.
 */
public record Completion(
    int replaceFrom, String prefix, List<Suggestion> suggestions, Set<String> wanted) {
  public Completion {
    suggestions = List.copyOf(suggestions);
    wanted = Set.copyOf(wanted);
  }
}
