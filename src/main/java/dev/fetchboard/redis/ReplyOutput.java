package dev.fetchboard.redis;

import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.output.CommandOutput;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Builds a {@link Reply} tree from what Lettuce decodes, item by item, keeping at most {@code
 * maxItems} items in all and {@code maxTextBytes} of any one string: a reply of a million list
 * items holds the first ones and counts the rest.
 */
final class ReplyOutput extends CommandOutput<byte[], byte[], Reply> {
  private final int maxItems;
  private final int maxTextBytes;
  private final Deque<Building> stack = new ArrayDeque<>();
  private Building root;
  private Building current;
  private Reply single;
  private int kept;

  /** An aggregate being filled. */
  private static final class Building {
    final Reply.Kind kind;
    final List<Reply> items = new ArrayList<>();
    long total;
    Building parent;

    Building(Reply.Kind kind) {
      this.kind = kind;
    }

    Reply.Aggregate done() {
      return new Reply.Aggregate(kind, items, total);
    }
  }

  ReplyOutput(int maxItems, int maxTextBytes) {
    super(ByteArrayCodec.INSTANCE, null);
    this.maxItems = maxItems;
    this.maxTextBytes = maxTextBytes;
  }

  @Override
  public Reply get() {
    if (root != null) {
      return root.done();
    }
    return single == null ? new Reply.Nil() : single;
  }

  private void add(Reply r) {
    if (current == null) {
      single = r;
      return;
    }
    current.total++;
    if (kept < maxItems) {
      current.items.add(r);
      kept++;
    }
  }

  @Override
  public void set(ByteBuffer bytes) {
    add(text(bytes));
  }

  @Override
  public void setSingle(ByteBuffer bytes) {
    add(text(bytes));
  }

  @Override
  public void setBigNumber(ByteBuffer bytes) {
    add(
        bytes == null
            ? new Reply.Nil()
            : new Reply.Big(StandardCharsets.US_ASCII.decode(bytes).toString()));
  }

  @Override
  public void set(long integer) {
    add(new Reply.Int(integer));
  }

  @Override
  public void set(double number) {
    add(new Reply.Dbl(number));
  }

  @Override
  public void set(boolean value) {
    add(new Reply.Bool(value));
  }

  private Reply text(ByteBuffer bytes) {
    if (bytes == null) {
      return new Reply.Nil();
    }
    int n = Math.min(bytes.remaining(), maxTextBytes);
    byte[] b = new byte[n];
    bytes.get(b);
    return new Reply.Text(b, bytes.hasRemaining());
  }

  @Override
  public void multi(int count) {
    open(Reply.Kind.ARRAY);
  }

  @Override
  public void multiArray(int count) {
    open(Reply.Kind.ARRAY);
  }

  @Override
  public void multiPush(int count) {
    open(Reply.Kind.ARRAY);
  }

  @Override
  public void multiSet(int count) {
    open(Reply.Kind.SET);
  }

  @Override
  public void multiMap(int count) {
    open(Reply.Kind.MAP);
  }

  /**
   * A nested aggregate is added to its parent once complete; a placeholder keeps its place so the
   * order of items stays as sent.
   */
  private void open(Reply.Kind kind) {
    var b = new Building(kind);
    if (current == null) {
      root = b;
    } else {
      b.parent = current;
      stack.push(current);
    }
    current = b;
  }

  @Override
  public void complete(int depth) {
    // Lettuce calls this after every item with the depth of the aggregate it is in; an aggregate
    // is over when the depth falls back to its parent's.
    while (current != null && current.parent != null && depth <= stack.size()) {
      Building done = current;
      current = stack.pop();
      add(done.done());
    }
  }
}
