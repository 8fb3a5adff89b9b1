package org.closer.core.ingest;

import java.util.function.Supplier;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.closer.core.ingest.export.ExportFormat;
import org.closer.core.ingest.export.ExportMapping;
import org.closer.core.instrument.InstrumentCatalog;
import org.closer.core.instrument.Item;
import org.closer.core.model.Partner;
import org.closer.core.model.Timepoint;
import org.closer.core.privacy.Pseudonymizer;

/**
 * The row-level checks of one survey file: the same rules for the Spark ingest and the clinic-side
 * check. Cross-row checks (duplicates, roster) live in {@link CrossRowChecks}.
 */
public final class SurveyValidator implements Serializable {
  private static final long serialVersionUID = 1L;

  private static final java.util.regex.Pattern DECIMAL_COMMA = java.util.regex.Pattern.compile("-?\\d+,\\d+");

  private final String file;
  private final ColumnLayout layout;
  private final List<Item> items;
  private final Pseudonymizer pseudonymizer;

  public SurveyValidator(String file, ColumnLayout layout, InstrumentCatalog catalog, Pseudonymizer pseudonymizer) {
    this.file = file;
    this.layout = layout;
    this.items = catalog.items();
    this.pseudonymizer = pseudonymizer;
  }

  /**
   * @param fields the row split by {@link CsvLines}, or null when its quoting is broken
   */
  public SurveyRecord validate(long line, String[] fields) {
    double[] answers = new double[items.size()];
    Arrays.fill(answers, Double.NaN);
    FieldReader r = new FieldReader(file, line, layout, fields == null ? new String[0] : fields);
    if (fields == null) {
      r.rowProblem(Reason.MALFORMED_ROW, "read row with unbalanced quotes", null,
          "Close every quoted field on the same line, and double quotes inside quoted text (\"\")");
      return record(line, r, null, null, null, null, null, null, Design.NONE, answers);
    }
    if (CsvLines.isEmptyRow(fields)) {
      r.emptyRow();
      return record(line, r, null, null, null, null, null, null, Design.NONE, answers);
    }
    if (!layout.missingRequired().isEmpty()) {
      char separator = layout.otherSeparator();
      ExportFormat format = layout.translation().format();
      r.rowProblem(Reason.MISSING_COLUMN, "read row without column", String.join(", ", layout.missingRequired()),
          format != ExportFormat.TEMPLATE
              ? "This is a " + format.label() + ": add a mapping file beside it (" + ExportMapping.SUFFIX
                  + ") that says which export column or constant gives " + String.join(", ", layout.missingRequired())
                  + "; see data-samples/formats"
              : separator != 0
              ? "The header is one column holding '" + (separator == '\t' ? "\\t" : ";")
                  + "': save the export as comma-separated CSV (the study's template)"
              : "Add the column to the file's header: every survey row needs "
                  + String.join(", ", Template.SURVEY_REQUIRED));
      return record(line, r, null, null, null, null, null, null, Design.NONE, answers);
    }
    if (fields.length != layout.width()) {
      r.rowProblem(Reason.MALFORMED_ROW, "read row with " + fields.length + " fields", null,
          "The header has " + layout.width() + " columns; check for a missing or extra separator or a stray quote");
      return record(line, r, null, null, null, null, null, null, Design.NONE, answers);
    }
    r.translate();
    r.scanUnread();
    r.responseStatus();
    String clinic = r.clinic();
    String couple = r.pseudonym(Template.COUPLE, Pseudonymizer.Kind.COUPLE, clinic, pseudonymizer, true);
    String partner = partner(r);
    Timepoint timepoint = timepoint(r);
    Integer session = session(r, timepoint);
    String month = month(r);
    Design design = r.design(clinic, pseudonymizer);
    readAnswers(r, answers);
    return record(line, r, clinic, couple, partner, timepoint == null ? null : timepoint.code(), session, month,
        design, answers);
  }

  private SurveyRecord record(long line, FieldReader r, String clinic, String couple, String partner,
      String timepoint, Integer session, String month, Design design, double[] answers) {
    return new SurveyRecord(file, line, clinic, couple, partner, timepoint, session, month, design, answers,
        List.copyOf(r.problems));
  }

  private static String partner(FieldReader r) {
    String raw = r.required(Template.PARTNER);
    if (raw == null) {
      return null;
    }
    return Partner.parse(raw).map(Partner::name).orElseGet(() -> {
      r.problem(Reason.TOO_MANY_PARTNERS, Template.PARTNER, raw, "accept partner",
          "A couple has two partners, A and B; label each partner A or B, the same in every survey");
      return null;
    });
  }

  private static Timepoint timepoint(FieldReader r) {
    String raw = r.required(Template.TIMEPOINT);
    // A REDCap event whose name does not say its timepoint is named in the mapping, not in REDCap.
    Supplier<String> allowed = r.format() == ExportFormat.REDCAP
        ? () -> Timepoint.allowed() + "; or give the event's timepoint in the mapping file, for example events: {"
            + raw + ": session}"
        : Timepoint::allowed;
    return raw == null ? null : r.category(Template.TIMEPOINT, Timepoint.parse(raw).orElse(null), allowed);
  }

  private static Integer session(FieldReader r, Timepoint timepoint) {
    String raw = r.text(Template.SESSION);
    if (timepoint == null) {
      return null;
    }
    if (timepoint != Timepoint.SESSION) {
      if (raw != null) {
        String article = "aeiou".indexOf(timepoint.code().charAt(0)) >= 0 ? "an " : "a ";
        r.problem(Reason.BAD_SESSION, Template.SESSION, raw, "use a session number on " + article + timepoint.code() + " survey",
            "Leave session empty unless timepoint is session");
      }
      return null;
    }
    if (raw == null) {
      r.problem(Reason.BAD_SESSION, Template.SESSION, null, "accept a session survey without a session number",
          "Give the session number, 1 for the first session");
      return null;
    }
    try {
      double d = Double.parseDouble(raw);
      if (d >= 1 && d <= 1000 && d == Math.rint(d)) {
        return (int) d;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    r.problem(Reason.BAD_SESSION, Template.SESSION, raw, "use session number",
        "Use a whole number from 1, the session the survey followed");
    return null;
  }

  private static String month(FieldReader r) {
    String raw = r.required(Template.MONTH);
    if (raw == null) {
      return null;
    }
    return MonthParser.parse(raw).orElseGet(() -> {
      r.problem(Reason.BAD_MONTH, Template.MONTH, raw, "read month", "Use " + MonthParser.EXPECTED);
      return null;
    });
  }

  private void readAnswers(FieldReader r, double[] answers) {
    int[] fields = layout.itemFields();
    int[] positions = layout.itemPositions();
    for (int k = 0; k < fields.length; k++) {
      String raw = r.field(fields[k]);
      String t = raw == null ? "" : raw.trim();
      if (t.isEmpty() || FieldReader.isNa(t)) {
        continue;
      }
      Item item = items.get(positions[k]);
      double value;
      try {
        value = number(t);
      } catch (NumberFormatException e) {
        r.problem(Reason.NOT_A_NUMBER, item.id(), t, "read answer",
            "Use " + item.expected() + ", or leave it empty when not answered");
        continue;
      }
      if (!item.inRange(value)) {
        r.problem(Reason.ITEM_OUT_OF_RANGE, item.id(), t, "accept answer",
            "Use " + item.expected() + ", or leave it empty when not answered");
        continue;
      }
      answers[positions[k]] = value;
    }
  }

  /** An answer's number, as {@link Double#parseDouble} reads it, a decimal comma read as a point. */
  static double number(String t) {
    double plain = plainDecimal(t);
    if (!Double.isNaN(plain)) {
      return plain;
    }
    // Spreadsheets in many locales write 4,5 for 4.5.
    return Double.parseDouble(t.indexOf(',') >= 0 && DECIMAL_COMMA.matcher(t).matches() ? t.replace(',', '.') : t);
  }

  /** 10^0 to 10^14, each exact in a double. */
  private static final double[] POWERS_OF_TEN = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
      1e12, 1e13, 1e14};

  /**
   * {@code -?d+([.,]d+)?} with at most 15 digits, else NaN. Its digits make a whole number exact in a
   * double, and dividing by an exact power of ten rounds once, correctly: the double the general
   * parser gives (Clinger's fast path), without its cost, which was a tenth of reading a row.
   */
  private static double plainDecimal(String t) {
    int n = t.length();
    boolean negative = n > 0 && t.charAt(0) == '-';
    long digits = 0;
    int count = 0;
    int point = -1;
    for (int i = negative ? 1 : 0; i < n; i++) {
      char c = t.charAt(i);
      if (c >= '0' && c <= '9') {
        digits = digits * 10 + (c - '0');
        count++;
      } else if ((c == '.' || c == ',') && point < 0 && count > 0 && i < n - 1) {
        point = count;
      } else {
        return Double.NaN;
      }
    }
    if (count == 0 || count > 15) {
      return Double.NaN;
    }
    double v = point < 0 ? digits : digits / POWERS_OF_TEN[count - point];
    return negative ? -v : v;
  }
}
