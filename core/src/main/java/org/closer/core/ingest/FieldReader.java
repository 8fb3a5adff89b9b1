package org.closer.core.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.closer.core.ingest.export.ExportFormat;
import org.closer.core.model.Method;
import org.closer.core.model.Modality;
import org.closer.core.model.SessionLength;
import org.closer.core.privacy.PiiScanner;
import org.closer.core.privacy.Pseudonymizer;

/** Reads the template's fields of one row and collects what is wrong with them. */
final class FieldReader {
  private final String file;
  private final long line;
  private final ColumnLayout layout;
  private String[] fields;
  final List<Problem> problems = new ArrayList<>();

  FieldReader(String file, long line, ColumnLayout layout, String[] fields) {
    this.file = file;
    this.line = line;
    this.layout = layout;
    this.fields = fields;
  }

  /** Reads the row in the template's terms (mapped columns, recoded values); call once its width is checked. */
  void translate() {
    fields = layout.translation().apply(fields);
  }

  /** Columns that are not read are never kept, but a row carrying an identifying value is not kept either. */
  void scanUnread() {
    for (int i : layout.scanFields()) {
      if (i < fields.length && PiiScanner.scan(fields[i]).isPresent()) {
        problems.add(Problem.of(Reason.PII_VALUE, file, line, null, null,
            "accept " + PiiScanner.scan(fields[i]).get().description() + " in a column that is not read",
            "Identifying details must not leave the clinic: remove it from the export (the value is not kept)"));
        return;
      }
    }
  }

  /** A survey tool's preview, test or spam response is not a client's answer. */
  void responseStatus() {
    String status = text(Template.RESPONSE_STATUS);
    if (status != null) {
      problems.add(Problem.of(Reason.NOT_A_RESPONSE, file, line, null, status, "accept a response of type",
          "Previews, test responses and spam are not a client's answers; leave them out of the export"));
    }
  }

  /**
   * The trimmed text, or null when the column is absent or the field empty or {@code NA}: R's
   * write.csv writes NA in every empty cell, session of an intake row included.
   */
  String text(String column) {
    int i = layout.index(column);
    if (i < 0 || i >= fields.length || fields[i] == null) {
      return null;
    }
    String t = fields[i].trim();
    return t.isEmpty() || isNa(t) ? null : t;
  }

  /** {@code NA} in any case, as {@code equalsIgnoreCase} reads it, without its general loop. */
  static boolean isNa(String t) {
    return t.length() == 2 && (t.charAt(0) | 0x20) == 'n' && (t.charAt(1) | 0x20) == 'a';
  }

  /** The export's format, for advice that depends on the survey tool. */
  ExportFormat format() {
    return layout.translation().format();
  }

  String field(int index) {
    return index < fields.length ? fields[index] : null;
  }

  String required(String column) {
    String t = text(column);
    if (t == null) {
      problem(Reason.MISSING_FIELD, column, null, "accept an empty " + column,
          "Every row needs a " + column);
    }
    return t;
  }

  /** A couple or therapist code as a pseudonym; the raw code never leaves this method. */
  String pseudonym(String column, Pseudonymizer.Kind kind, String clinic, Pseudonymizer pseudonymizer,
      boolean required) {
    String code = required ? required(column) : text(column);
    if (code != null && PiiScanner.scanCode(code).isPresent()) {
      problem(Reason.PII_VALUE, column, null, "accept " + PiiScanner.scanCode(code).get().description() + " as the "
          + column + " code", "Use the clinic's own code, never a person's details (the value is not kept)");
      return null;
    }
    if (code == null || clinic == null) {
      return null;
    }
    String pseudonym = pseudonymizer.pseudonym(kind, clinic, code);
    if (pseudonym == null) {
      problem(Reason.PII_VALUE, column, null, "accept a " + column + " code that is not a pseudonym",
          "Parquet from 'closer check --out' holds pseudonyms only; check the raw export again (the value is not kept)");
    }
    return pseudonym;
  }

  Design design(String clinic, Pseudonymizer pseudonymizer) {
    String modality = category(Template.MODALITY, Modality.parse(text(Template.MODALITY)).map(Modality::code).orElse(null),
        Modality::allowed);
    String method = category(Template.METHOD, Method.parse(text(Template.METHOD)).map(Method::code).orElse(null),
        Method::allowed);
    String minutesText = text(Template.SESSION_MINUTES);
    Integer minutes = SessionLength.parse(minutesText).map(SessionLength::minutes).orElse(null);
    category(Template.SESSION_MINUTES, minutes, SessionLength::allowed);
    String therapist = pseudonym(Template.THERAPIST, Pseudonymizer.Kind.THERAPIST, clinic, pseudonymizer, false);
    return new Design(modality, method, minutes, therapist);
  }

  /** Reports a value that is present but did not parse into {@code parsed}. */
  <T> T category(String column, T parsed, Supplier<String> allowed) {
    String raw = text(column);
    if (raw != null && parsed == null) {
      problem(Reason.BAD_CATEGORY, column, raw, "use " + column, "Use one of " + allowed.get());
    }
    return parsed;
  }

  /** The clinic's code: written as given, so it must be a plain code and never a person's detail. */
  String clinic() {
    String clinic = required(Template.CLINIC);
    if (clinic == null) {
      return null;
    }
    if (!isClinicCode(clinic) || PiiScanner.scan(clinic).isPresent()) {
      // Text that is not a code may be a person's or a practice's name: it is not repeated.
      problems.add(Problem.of(Reason.BAD_CLINIC, file, line, Template.CLINIC, null,
          "use the value of column clinic as a clinic code",
          "Use the clinic's code in the study: letters, digits, '-', '_' or '.', at most 32 (the value is not kept)"));
      return null;
    }
    return clinic;
  }

  /** {@code [A-Za-z0-9][A-Za-z0-9._-]{0,31}}, as a loop: it runs for every row. */
  private static boolean isClinicCode(String s) {
    if (s.length() > 32) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean alnum = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
      if (!alnum && (i == 0 || c != '.' && c != '_' && c != '-')) {
        return false;
      }
    }
    return !s.isEmpty();
  }

  /**
   * Records a problem. A value that looks like it identifies a person is never repeated: the
   * problem becomes PII_VALUE and the value is masked.
   */
  void problem(Reason reason, String column, String value, String what, String advice) {
    String shown = Template.IDENTIFIER_CODES.contains(column) ? null : value;
    var pii = PiiScanner.scan(shown);
    if (pii.isPresent()) {
      problems.add(Problem.of(Reason.PII_VALUE, file, line, column, null,
          "accept " + pii.get().description() + " in column " + column,
          "Identifying details must not leave the clinic: remove it from the export (the value is not kept)"));
      return;
    }
    problems.add(Problem.of(reason, file, line, column, shown, what, advice));
  }

  void rowProblem(Reason reason, String what, Object value, String advice) {
    problems.add(new Problem(reason, null, null,
        org.closer.core.Messages.cannot(what, value, org.closer.core.Messages.where(file, line, null), advice)));
  }

  /** One problem for a row of empty fields, instead of one per required field. */
  void emptyRow() {
    rowProblem(Reason.EMPTY_ROW, "accept a row whose every field is empty", null, "Delete the empty rows from the"
        + " export: a spreadsheet saves rows below its table that once held something as separators only");
  }
}
