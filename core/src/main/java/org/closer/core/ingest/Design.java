package org.closer.core.ingest;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.closer.core.Messages;

/**
 * A couple's design variables. Any may be null when not given. {@code therapist} is a pseudonym.
 */
public record Design(String modality, String method, Integer sessionMinutes, String therapist)
    implements Serializable {

  public static final Design NONE = new Design(null, null, null, null);

  /** The result of putting a survey row's design together with the roster's. */
  public record Merged(Design design, Problem problem) {}

  /**
   * The row's values win where given, the roster fills the rest. A value given in both that differs
   * is a conflict; a couple with no modality, method or session length after merging has no design.
   */
  public static Merged merge(Design row, Design roster, String file, long line) {
    Design r = roster == null ? NONE : roster;
    List<String> conflicts = new ArrayList<>();
    conflict(conflicts, Template.MODALITY, row.modality, r.modality);
    conflict(conflicts, Template.METHOD, row.method, r.method);
    conflict(conflicts, Template.SESSION_MINUTES, row.sessionMinutes, r.sessionMinutes);
    conflict(conflicts, Template.THERAPIST, row.therapist, r.therapist);
    Design merged = new Design(
        first(row.modality, r.modality),
        first(row.method, r.method),
        first(row.sessionMinutes, r.sessionMinutes),
        first(row.therapist, r.therapist));
    if (!conflicts.isEmpty()) {
      String column = conflicts.get(0);
      return new Merged(merged, new Problem(Reason.DESIGN_CONFLICT, column, null,
          Messages.cannot("accept design variables that differ from the roster", String.join(", ", conflicts),
              Messages.where(file, line, column),
              "A couple's design belongs to the couple: correct the row or the roster so they agree")));
    }
    List<String> missing = new ArrayList<>();
    if (merged.modality == null) {
      missing.add(Template.MODALITY);
    }
    if (merged.method == null) {
      missing.add(Template.METHOD);
    }
    if (merged.sessionMinutes == null) {
      missing.add(Template.SESSION_MINUTES);
    }
    if (!missing.isEmpty()) {
      String column = missing.get(0);
      return new Merged(merged, new Problem(Reason.MISSING_DESIGN, column, null,
          Messages.cannot("find the couple's design variables", String.join(", ", missing),
              Messages.where(file, line, column),
              "Give them on the row or add the couple to the clinic's roster file")));
    }
    return new Merged(merged, null);
  }

  private static void conflict(List<String> out, String column, Object row, Object roster) {
    if (row != null && roster != null && !Objects.equals(row, roster)) {
      out.add(column);
    }
  }

  private static <T> T first(T a, T b) {
    return a != null ? a : b;
  }
}
