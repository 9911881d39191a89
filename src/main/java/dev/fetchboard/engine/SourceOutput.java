package dev.fetchboard.engine;

/**
 * What a source produced for one run, before the engine adds timing and checks.
 *
 * @param payload what the run brought back, by kind
 * @param notice something the user should know that is not an error, or null
 * @param document what jsonPath checks read (the parsed JSON body of an HTTP response), or null
 *     when the run has none; not kept in the result
 */
public record SourceOutput(RunPayload payload, String notice, Object document) {

  public SourceOutput {
    payload = payload == null ? NoData.NONE : payload;
  }

  /** The payload's rows, or null. */
  public ResultTable table() {
    return payload.table();
  }

  /** The payload's single value, or null. */
  public Object value() {
    return payload.value();
  }

  /** Output without a notice or a document. */
  public static SourceOutput of(RunPayload payload) {
    return new SourceOutput(payload, null, null);
  }

  /** The same output with {@code more} added to its notice. */
  public SourceOutput withNotice(String more) {
    return new SourceOutput(payload, notice == null ? more : notice + "; " + more, document);
  }

  /** The same output with {@code first} put before its notice. */
  public SourceOutput withNoticeFirst(String first) {
    return new SourceOutput(payload, notice == null ? first : first + "; " + notice, document);
  }
}
