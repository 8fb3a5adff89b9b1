package org.closer.core.ingest;

import java.io.Serializable;
import java.util.List;
import org.closer.core.privacy.Pseudonymizer;

/** The row-level checks of a roster file (one row per couple with its design variables). */
public final class RosterValidator implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final ColumnLayout layout;
  private final Pseudonymizer pseudonymizer;

  public RosterValidator(String file, ColumnLayout layout, Pseudonymizer pseudonymizer) {
    this.file = file;
    this.layout = layout;
    this.pseudonymizer = pseudonymizer;
  }

  public RosterRecord validate(long line, String[] fields) {
    FieldReader r = new FieldReader(file, line, layout, fields == null ? new String[0] : fields);
    if (CsvLines.isEmptyRow(fields)) {
      r.emptyRow();
      return new RosterRecord(file, line, null, null, Design.NONE, null, List.copyOf(r.problems));
    }
    if (fields == null || fields.length != layout.width()) {
      r.rowProblem(Reason.MALFORMED_ROW, "read roster row", null,
          "The header has " + layout.width() + " columns; check separators and quotes");
      return new RosterRecord(file, line, null, null, Design.NONE, null, List.copyOf(r.problems));
    }
    r.translate();
    r.scanUnread();
    String clinic = r.clinic();
    String couple = r.pseudonym(Template.COUPLE, Pseudonymizer.Kind.COUPLE, clinic, pseudonymizer, true);
    Design design = r.design(clinic, pseudonymizer);
    String start = r.text(Template.START_MONTH);
    String startMonth = null;
    if (start != null) {
      startMonth = MonthParser.parse(start).orElse(null);
      if (startMonth == null) {
        r.problem(Reason.BAD_MONTH, Template.START_MONTH, start, "read start month", "Use " + MonthParser.EXPECTED);
      }
    }
    return new RosterRecord(file, line, clinic, couple, design, startMonth, List.copyOf(r.problems));
  }
}
