package org.closer.jobs.ingest;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.expressions.UnsafeArrayData;
import org.apache.spark.sql.catalyst.expressions.codegen.UnsafeRowWriter;
import org.apache.spark.sql.catalyst.util.ArrayData;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.closer.core.ingest.Design;
import org.closer.core.ingest.Problem;
import org.closer.core.ingest.RosterRecord;
import org.closer.core.ingest.SurveyRecord;
import org.closer.core.instrument.InstrumentCatalog;
import org.closer.core.instrument.Item;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * The one row shape the ingest passes between its steps: survey and roster rows alike, the item
 * answers in one array column (a hundred separate columns make Spark generate and compile huge
 * methods at every step), then the first problem (reason, column, value) and every problem's
 * sentence (detail). All nullable. Rows are Spark's internal rows, so that they reach the shuffle,
 * the checks and the writer without a conversion at every step.
 */
final class IngestRows {
  static final String SURVEY = "survey";
  static final String ROSTER = "roster";

  private static final String[] KEYS = {"source_file", "source_line", "kind", "clinic", "couple", "partner",
      "timepoint", "session", "month", "modality", "method", "session_minutes", "therapist", "start_month"};
  private static final DataType[] KEY_TYPES = {DataTypes.StringType, DataTypes.LongType, DataTypes.StringType,
      DataTypes.StringType, DataTypes.StringType, DataTypes.StringType, DataTypes.StringType, DataTypes.IntegerType,
      DataTypes.StringType, DataTypes.StringType, DataTypes.StringType, DataTypes.IntegerType, DataTypes.StringType,
      DataTypes.StringType};
  private static final int FILE = 0;
  private static final int LINE = 1;
  private static final int KIND = 2;
  private static final int CLINIC = 3;
  private static final int COUPLE = 4;
  private static final int DESIGN = 9;
  private static final int ITEMS = KEYS.length;
  private static final int REASON = ITEMS + 1;
  private static final int WIDTH = REASON + 4;
  private static final UTF8String SURVEY_UTF8 = UTF8String.fromString(SURVEY);
  private static final UTF8String ROSTER_UTF8 = UTF8String.fromString(ROSTER);
  static final String ANSWERS = "answers";

  private IngestRows() {}

  static StructType schema(InstrumentCatalog catalog) {
    List<StructField> fields = new ArrayList<>();
    for (int i = 0; i < KEYS.length; i++) {
      fields.add(DataTypes.createStructField(KEYS[i], KEY_TYPES[i], true));
    }
    fields.add(DataTypes.createStructField(ANSWERS, DataTypes.createArrayType(DataTypes.DoubleType, true), true));
    for (String f : new String[] {"reason", "column", "value", "detail"}) {
      fields.add(DataTypes.createStructField(f, DataTypes.StringType, true));
    }
    return DataTypes.createStructType(fields);
  }

  static InternalRow of(SurveyRecord r) {
    Object[] v = new Object[WIDTH];
    v[FILE] = UTF8String.fromString(r.file());
    v[LINE] = r.line();
    v[KIND] = SURVEY_UTF8;
    v[CLINIC] = UTF8String.fromString(r.clinic());
    v[COUPLE] = UTF8String.fromString(r.couple());
    v[5] = UTF8String.fromString(r.partner());
    v[6] = UTF8String.fromString(r.timepoint());
    v[7] = r.session();
    v[8] = UTF8String.fromString(r.month());
    design(v, r.design());
    v[ITEMS] = answers(r.answers());
    problems(v, r.problems());
    return new GenericInternalRow(v);
  }

  static InternalRow of(RosterRecord r) {
    Object[] v = new Object[WIDTH];
    v[FILE] = UTF8String.fromString(r.file());
    v[LINE] = r.line();
    v[KIND] = ROSTER_UTF8;
    v[CLINIC] = UTF8String.fromString(r.clinic());
    v[COUPLE] = UTF8String.fromString(r.couple());
    design(v, r.design());
    v[13] = UTF8String.fromString(r.startMonth());
    problems(v, r.problems());
    return new GenericInternalRow(v);
  }

  /** Answers as one primitive array, a missing answer (NaN in core) as a null element. */
  private static UnsafeArrayData answers(double[] answers) {
    UnsafeArrayData out = UnsafeArrayData.fromPrimitiveArray(answers);
    for (int i = 0; i < answers.length; i++) {
      if (Double.isNaN(answers[i])) {
        out.setNullAt(i);
      }
    }
    return out;
  }

  static boolean isRoster(InternalRow row) {
    return ROSTER_UTF8.equals(row.getUTF8String(KIND));
  }

  static boolean isValid(InternalRow row) {
    return row.isNullAt(REASON);
  }

  static UTF8String fileKey(InternalRow row) {
    return row.getUTF8String(FILE);
  }

  /** Rows of one couple are sorted next to each other; a row whose couple could not be read stands alone. */
  static boolean sameCouple(InternalRow a, InternalRow b) {
    return !a.isNullAt(CLINIC) && !a.isNullAt(COUPLE) && !b.isNullAt(CLINIC) && !b.isNullAt(COUPLE)
        && a.getUTF8String(COUPLE).equals(b.getUTF8String(COUPLE))
        && a.getUTF8String(CLINIC).equals(b.getUTF8String(CLINIC));
  }

  /** The columns that bring each couple's rows to one task. */
  static Column[] coupleColumns() {
    return new Column[] {functions.col(KEYS[CLINIC]), functions.col(KEYS[COUPLE])};
  }

  /**
   * The couple, then input order: each couple's rows next to each other, in a stable order. The
   * couple's pseudonym comes first because Spark sorts on a key's first bytes: a clinic code first
   * would leave every row of a clinic tied, each pair compared whole.
   */
  static Column[] sortColumns() {
    return new Column[] {functions.col(KEYS[COUPLE]), functions.col(KEYS[CLINIC]), functions.col(KEYS[FILE]),
        functions.col(KEYS[LINE])};
  }

  /** A valid survey row back as core's record, without its answers: the couple's checks do not read them. */
  static SurveyRecord surveyKeys(InternalRow row) {
    return new SurveyRecord(string(row, FILE), row.getLong(LINE), string(row, CLINIC), string(row, COUPLE),
        string(row, 5), string(row, 6), row.isNullAt(7) ? null : row.getInt(7), string(row, 8), design(row),
        new double[0], List.of());
  }

  /**
   * The row as the couple's checks left it: the row itself when they changed nothing (the common
   * case, and no copy), else a copy with the design they merged and their problems.
   */
  static InternalRow checked(InternalRow row, Design design, List<Problem> problems) {
    if (problems.isEmpty() && design.equals(design(row))) {
      return row;
    }
    Object[] v = new Object[WIDTH];
    for (int i = 0; i < KEYS.length; i++) {
      v[i] = row.isNullAt(i) ? null : row.get(i, KEY_TYPES[i]);
    }
    v[ITEMS] = row.isNullAt(ITEMS) ? null : row.getArray(ITEMS).copy();
    design(v, design);
    problems(v, problems);
    return new GenericInternalRow(v);
  }

  /** A valid roster row back as core's record. */
  static RosterRecord roster(InternalRow row) {
    return new RosterRecord(string(row, FILE), row.getLong(LINE), string(row, CLINIC), string(row, COUPLE),
        design(row), string(row, 13), List.of());
  }

  private static String string(InternalRow row, int i) {
    return row.isNullAt(i) ? null : row.getUTF8String(i).toString();
  }

  private static Design design(InternalRow row) {
    return new Design(string(row, DESIGN), string(row, DESIGN + 1),
        row.isNullAt(DESIGN + 2) ? null : row.getInt(DESIGN + 2), string(row, DESIGN + 3));
  }

  private static void design(Object[] v, Design d) {
    v[DESIGN] = UTF8String.fromString(d.modality());
    v[DESIGN + 1] = UTF8String.fromString(d.method());
    v[DESIGN + 2] = d.sessionMinutes();
    v[DESIGN + 3] = UTF8String.fromString(d.therapist());
  }

  private static void problems(Object[] v, List<Problem> problems) {
    if (problems.isEmpty()) {
      return;
    }
    Problem first = problems.get(0);
    v[REASON] = UTF8String.fromString(first.reason().name());
    v[REASON + 1] = UTF8String.fromString(first.column());
    v[REASON + 2] = UTF8String.fromString(first.value());
    StringBuilder detail = new StringBuilder();
    for (Problem p : problems) {
      detail.append(detail.length() == 0 ? "" : " | ").append(p.message());
    }
    v[REASON + 3] = UTF8String.fromString(detail.toString());
  }

  /**
   * A valid survey row's {@code responses} row: the keys but kind and start_month, then each answer
   * under its item's name. Written into one reused buffer, valid until the next.
   */
  static final class Responses {
    private static final int[] COLUMNS = {FILE, LINE, CLINIC, COUPLE, 5, 6, 7, 8, DESIGN, DESIGN + 1, DESIGN + 2,
        DESIGN + 3};
    private final int items;
    private final UnsafeRowWriter out;

    Responses(int items) {
      this.items = items;
      this.out = new UnsafeRowWriter(COLUMNS.length + items, 256);
    }

    /** The type of these rows: every column nullable, as the ingest's rows are. */
    static StructType type(InstrumentCatalog catalog) {
      List<StructField> fields = new ArrayList<>();
      for (int c : COLUMNS) {
        fields.add(DataTypes.createStructField(KEYS[c], KEY_TYPES[c], true));
      }
      for (Item item : catalog.items()) {
        fields.add(DataTypes.createStructField(item.id(), DataTypes.DoubleType, true));
      }
      return DataTypes.createStructType(fields);
    }

    InternalRow of(InternalRow row) {
      out.reset();
      out.zeroOutNullBytes();
      for (int i = 0; i < COLUMNS.length; i++) {
        int c = COLUMNS[i];
        if (row.isNullAt(c)) {
          out.setNullAt(i);
        } else if (KEY_TYPES[c] == DataTypes.StringType) {
          out.write(i, row.getUTF8String(c));
        } else if (KEY_TYPES[c] == DataTypes.LongType) {
          out.write(i, row.getLong(c));
        } else {
          out.write(i, row.getInt(c));
        }
      }
      ArrayData answers = row.getArray(ITEMS);
      for (int k = 0; k < items; k++) {
        if (answers.isNullAt(k)) {
          out.setNullAt(COLUMNS.length + k);
        } else {
          out.write(COLUMNS.length + k, answers.getDouble(k));
        }
      }
      return out.getRow();
    }
  }
}
