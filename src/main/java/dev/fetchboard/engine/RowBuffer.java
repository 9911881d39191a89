package dev.fetchboard.engine;

/**
 * An append-only list of rows with one writer and any number of readers. Readers see the first
 * {@link #size()} rows fully written, without locks: the writer fills a row slot, then publishes
 * the new size through a volatile write. Rows live in fixed-size chunks so growing never copies.
 */
public final class RowBuffer {
  private static final int CHUNK_BITS = 12;
  private static final int CHUNK = 1 << CHUNK_BITS;

  private final int capacity;
  private final Object[][][] chunks;
  private volatile int size;

  /** A buffer that holds at most {@code capacity} rows. */
  public RowBuffer(int capacity) {
    if (capacity < 0) {
      throw new IllegalArgumentException("capacity must not be negative");
    }
    this.capacity = capacity;
    this.chunks = new Object[(capacity + CHUNK - 1) >>> CHUNK_BITS][][];
  }

  public int capacity() {
    return capacity;
  }

  public int size() {
    return size;
  }

  public boolean isFull() {
    return size >= capacity;
  }

  /**
   * Adds a row; only the single writer may call this.
   *
   * @return false when the buffer is full and the row was not added
   */
  public boolean add(Object[] row) {
    int n = size;
    if (n >= capacity) {
      return false;
    }
    int c = n >>> CHUNK_BITS;
    Object[][] chunk = chunks[c];
    if (chunk == null) {
      chunk = new Object[Math.min(CHUNK, capacity - (c << CHUNK_BITS))][];
      chunks[c] = chunk;
    }
    chunk[n & (CHUNK - 1)] = row;
    size = n + 1;
    return true;
  }

  /** Row {@code index}, which must be below a {@link #size()} this thread has read. */
  public Object[] get(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException("row " + index + " of " + size);
    }
    return chunks[index >>> CHUNK_BITS][index & (CHUNK - 1)];
  }
}
