package org.closer.core.ingest.export;

import java.io.Serializable;
import java.util.List;

/**
 * One column of an export as its tool describes it, before the mapping.
 *
 * @param name what the column is called in messages (the export's own column name)
 * @param aliases every name a mapping or the template may use for it (question id, import id, ...)
 * @param role what the tool's conventions say about it
 */
public record SourceColumn(String name, List<String> aliases, Role role) implements Serializable {
  /** What a column is, before the mapping. */
  public enum Role {
    /** An answer or a template field: read when mapped or named as the template names it. */
    DATA,
    /** The tool's bookkeeping (dates, progress, status): never read unless a default takes it. */
    METADATA,
    /** Identifies a person (name, e-mail, IP address, record number, flagged field): dropped unread. */
    IDENTIFIER,
    /** Free text (comments, "other, please specify"): dropped unread. */
    FREE_TEXT
  }

  public static SourceColumn data(String name) {
    return new SourceColumn(name, List.of(name), Role.DATA);
  }

  public boolean isDropped() {
    return role == Role.IDENTIFIER || role == Role.FREE_TEXT;
  }
}
