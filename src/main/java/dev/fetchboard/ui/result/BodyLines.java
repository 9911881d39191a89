package dev.fetchboard.ui.result;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fetchboard.workspace.ByteSize;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.RandomAccess;

/**
 * A response body cut into the lines the body view lists: pretty-printed when it is JSON and small
 * enough, long lines broken so no single cell has to lay out megabytes. Plain Java, built on a
 * worker thread.
 *
 * @param notice what was done to the text (not pretty-printed, lines broken), or ""
 */
public record BodyLines(List<String> lines, String notice) {
  /** Bodies up to this many characters are pretty-printed when they are JSON. */
  public static final int PRETTY_LIMIT = 2 * 1024 * 1024;

  /** Lines longer than this are shown as several lines. */
  public static final int LINE_LIMIT = 2_000;

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The lines of {@code body} as the body view shows them. */
  public static BodyLines of(String body, String contentType) {
    var notes = new ArrayList<String>();
    String text = body;
    boolean json = contentType != null && contentType.toLowerCase(Locale.ROOT).contains("json");
    if (json && body.length() <= PRETTY_LIMIT) {
      try {
        text = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(body));
      } catch (JacksonException e) {
        text = body;
      }
    } else if (json) {
      notes.add(
          "shown as received: JSON over "
              + ByteSize.human(PRETTY_LIMIT)
              + " is not pretty-printed");
    }
    // Offsets, not copies: a line's text is cut out only when its cell is shown, so a 10 MB body
    // costs two int arrays instead of a second copy of itself.
    var starts = new IntList();
    var ends = new IntList();
    boolean broken = false;
    int start = 0;
    int n = text.length();
    while (start <= n) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = n;
      }
      int lineEnd = end > start && text.charAt(end - 1) == '\r' ? end - 1 : end;
      if (lineEnd - start <= LINE_LIMIT) {
        starts.add(start);
        ends.add(lineEnd);
      } else {
        broken = true;
        for (int i = start; i < lineEnd; i += LINE_LIMIT) {
          starts.add(i);
          ends.add(Math.min(lineEnd, i + LINE_LIMIT));
        }
      }
      start = end + 1;
    }
    if (starts.size > 1 && starts.last() == ends.last()) {
      starts.size--;
      ends.size--;
    }
    List<String> lines = new Lines(text, starts.toArray(), ends.toArray());
    if (broken) {
      notes.add(String.format("lines longer than %,d characters are broken", LINE_LIMIT));
    }
    return new BodyLines(lines, String.join("; ", notes));
  }

  /** The lines of a text, each cut out when asked for. */
  private static final class Lines extends AbstractList<String> implements RandomAccess {
    private final String text;
    private final int[] starts;
    private final int[] ends;

    Lines(String text, int[] starts, int[] ends) {
      this.text = text;
      this.starts = starts;
      this.ends = ends;
    }

    @Override
    public String get(int index) {
      return text.substring(starts[index], ends[index]);
    }

    @Override
    public int size() {
      return starts.length;
    }
  }

  /** A growable array of ints, without boxing a hundred thousand Integers. */
  private static final class IntList {
    private int[] values = new int[1024];
    private int size;

    void add(int v) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = v;
    }

    int last() {
      return values[size - 1];
    }

    int[] toArray() {
      return Arrays.copyOf(values, size);
    }
  }
}
