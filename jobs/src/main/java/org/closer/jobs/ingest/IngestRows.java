package org.closer.jobs.ingest;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
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

/**
 * The one row shape the ingest passes between its steps: survey and roster rows alike, the item
 * answers in one array column (a hundred separate columns make Spark generate and compile huge
 * methods at every step), then the first problem (reason, column, value) and every problem's
 * sentence (detail). All nullable.
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

  static Row of(SurveyRecord r) {
    double[] answers = r.answers();
    Object[] v = new Object[ITEMS + 1 + 4];
    v[FILE] = r.file();
    v[LINE] = r.line();
    v[KIND] = SURVEY;
    v[CLINIC] = r.clinic();
    v[COUPLE] = r.couple();
    v[5] = r.partner();
    v[6] = r.timepoint();
    v[7] = r.session();
    v[8] = r.month();
    design(v, r.design());
    Double[] boxed = new Double[answers.length];
    for (int i = 0; i < answers.length; i++) {
      boxed[i] = Double.isNaN(answers[i]) ? null : answers[i];
    }
    v[ITEMS] = boxed;
    problems(v, r.problems());
    return RowFactory.create(v);
  }

  static Row of(RosterRecord r) {
    Object[] v = new Object[ITEMS + 1 + 4];
    v[FILE] = r.file();
    v[LINE] = r.line();
    v[KIND] = ROSTER;
    v[CLINIC] = r.clinic();
    v[COUPLE] = r.couple();
    design(v, r.design());
    v[13] = r.startMonth();
    problems(v, r.problems());
    return RowFactory.create(v);
  }

  static boolean isRoster(Row row) {
    return ROSTER.equals(row.getString(KIND));
  }

  static boolean isValid(Row row) {
    return row.isNullAt(row.length() - 4);
  }

  /** Rows of one couple meet in one group; a row whose couple could not be read stands alone. */
  static String groupKey(Row row) {
    return row.isNullAt(CLINIC) || row.isNullAt(COUPLE)
        ? "\u0001" + row.getString(FILE) + "\u0000" + row.getLong(LINE)
        : row.getString(CLINIC) + "\u0000" + row.getString(COUPLE);
  }

  /** {@link #groupKey(Row)} as a Spark expression, for the shuffle and the sort. */
  static Column groupKey() {
    Column clinic = functions.col(KEYS[CLINIC]);
    Column couple = functions.col(KEYS[COUPLE]);
    return functions.when(clinic.isNull().or(couple.isNull()), functions.concat(functions.lit("\u0001"),
            functions.col(KEYS[FILE]), functions.lit("\u0000"), functions.col(KEYS[LINE]).cast("string")))
        .otherwise(functions.concat(clinic, functions.lit("\u0000"), couple));
  }

  /** A valid survey row back as core's record. */
  static SurveyRecord survey(Row row) {
    List<Double> given = row.getList(ITEMS);
    double[] answers = new double[given.size()];
    for (int i = 0; i < answers.length; i++) {
      Double a = given.get(i);
      answers[i] = a == null ? Double.NaN : a;
    }
    return new SurveyRecord(row.getString(FILE), row.getLong(LINE), row.getString(CLINIC), row.getString(COUPLE),
        row.getString(5), row.getString(6), row.isNullAt(7) ? null : row.getInt(7), row.getString(8),
        design(row), answers, List.of());
  }

  /** A valid roster row back as core's record. */
  static RosterRecord roster(Row row) {
    return new RosterRecord(row.getString(FILE), row.getLong(LINE), row.getString(CLINIC), row.getString(COUPLE),
        design(row), row.getString(13), List.of());
  }

  private static Design design(Row row) {
    return new Design(row.getString(DESIGN), row.getString(DESIGN + 1),
        row.isNullAt(DESIGN + 2) ? null : row.getInt(DESIGN + 2), row.getString(DESIGN + 3));
  }

  private static void design(Object[] v, Design d) {
    v[DESIGN] = d.modality();
    v[DESIGN + 1] = d.method();
    v[DESIGN + 2] = d.sessionMinutes();
    v[DESIGN + 3] = d.therapist();
  }

  private static void problems(Object[] v, List<Problem> problems) {
    if (problems.isEmpty()) {
      return;
    }
    int at = v.length - 4;
    Problem first = problems.get(0);
    v[at] = first.reason().name();
    v[at + 1] = first.column();
    v[at + 2] = first.value();
    StringBuilder detail = new StringBuilder();
    for (Problem p : problems) {
      detail.append(detail.length() == 0 ? "" : " | ").append(p.message());
    }
    v[at + 3] = detail.toString();
  }

  /** The {@code responses} columns: keys, then each answer under its item's name. */
  static Column[] responseColumns(InstrumentCatalog catalog) {
    List<Column> columns = new ArrayList<>();
    for (String key : KEYS) {
      columns.add(functions.col(key));
    }
    List<Item> items = catalog.items();
    for (int i = 0; i < items.size(); i++) {
      columns.add(functions.col(ANSWERS).getItem(i).as(items.get(i).id()));
    }
    return columns.toArray(Column[]::new);
  }
}
