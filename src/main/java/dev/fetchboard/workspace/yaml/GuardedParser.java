package dev.fetchboard.workspace.yaml;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.parser.Parser;

/**
 * The event stream of a workspace file, refusing what a workspace never needs and a hostile file
 * could abuse: anchors and aliases (they repeat or rename values), nesting past {@link #MAX_DEPTH}
 * (the composer recurses) and a second document (it would be silently ignored).
 */
final class GuardedParser implements Parser {
  static final int MAX_DEPTH = 64;

  /** Thrown through the composer, carrying a positioned message out of it. */
  static final class Refusal extends RuntimeException {
    final transient YamlTreeException problem;

    Refusal(YamlTreeException problem) {
      super(problem.getMessage(), null, false, false);
      this.problem = problem;
    }
  }

  private final Parser delegate;
  private int depth;
  private int documents;
  private @Nullable Event inspected;

  GuardedParser(Parser delegate) {
    this.delegate = delegate;
  }

  @Override
  public boolean checkEvent(Event.ID id) {
    inspect(delegate.peekEvent());
    return delegate.checkEvent(id);
  }

  @Override
  public Event peekEvent() {
    Event e = delegate.peekEvent();
    inspect(e);
    return e;
  }

  @Override
  public Event next() {
    Event e = delegate.next();
    inspect(e);
    switch (e.getEventId()) {
      case MappingStart, SequenceStart -> {
        if (++depth > MAX_DEPTH) {
          throw refuse("nested deeper than " + MAX_DEPTH + " levels", e.getStartMark());
        }
      }
      case MappingEnd, SequenceEnd -> depth--;
      default -> {}
    }
    return e;
  }

  @Override
  public boolean hasNext() {
    return delegate.hasNext();
  }

  private void inspect(Event e) {
    if (e == inspected) {
      return;
    }
    inspected = e;
    if (e.getEventId() == Event.ID.DocumentStart && ++documents > 1) {
      throw refuse(
          "a second YAML document starts here; a workspace file holds exactly one",
          e.getStartMark());
    }
    if (e instanceof AliasEvent a) {
      throw refuse(
          "YAML aliases (*"
              + shorten(a.getAlias().getValue())
              + ") are not supported in a workspace: write the value out in full",
          e.getStartMark());
    }
    if (e instanceof NodeEvent n && n.getAnchor().isPresent()) {
      throw refuse(
          "YAML anchors (&"
              + shorten(n.getAnchor().get().getValue())
              + ") are not supported in a workspace: write each value out in full",
          e.getStartMark());
    }
  }

  private static String shorten(String name) {
    return name.length() <= 40 ? name : name.substring(0, 40) + "…";
  }

  private static Refusal refuse(String message, Optional<Mark> mark) {
    int line = mark.map(m -> m.getLine() + 1).orElse(1);
    int column = mark.map(m -> m.getColumn() + 1).orElse(1);
    return new Refusal(new YamlTreeException(message, line, column));
  }
}
