package org.closer.jobs.ingest;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.closer.core.ingest.Design;
import org.closer.core.ingest.Problem;
import org.closer.core.ingest.RosterRecord;
import org.closer.core.ingest.SurveyRecord;
import org.closer.jobs.SparkSchemas;

/**
 * The rows the ingest passes between its steps: a survey row is the {@code responses} schema plus
 * the first problem (reason, column, value) and every problem's sentence (detail), all nullable.
 */
final class IngestRows {
  static final String REASON = "reason";
  static final String COLUMN = "column";
  static final String VALUE = "value";
  static final String DETAIL = "detail";

  /** Position of the first design column (modality) in a survey row; the four design columns follow. */
  static final int DESIGN_AT = 8;
  static final int KEY_WIDTH = DESIGN_AT + 4;

  private IngestRows() {}

  static StructType survey(Schema responses) {
    List<StructField> fields = new ArrayList<>();
    for (StructField f : SparkSchemas.struct(responses).fields()) {
      fields.add(DataTypes.createStructField(f.name(), f.dataType(), true));
    }
    problemFields(fields);
    return DataTypes.createStructType(fields);
  }

  static StructType roster() {
    List<StructField> fields = new ArrayList<>(List.of(
        DataTypes.createStructField("source_file", DataTypes.StringType, true),
        DataTypes.createStructField("source_line", DataTypes.LongType, true),
        DataTypes.createStructField("clinic", DataTypes.StringType, true),
        DataTypes.createStructField("couple", DataTypes.StringType, true),
        DataTypes.createStructField("modality", DataTypes.StringType, true),
        DataTypes.createStructField("method", DataTypes.StringType, true),
        DataTypes.createStructField("session_minutes", DataTypes.IntegerType, true),
        DataTypes.createStructField("therapist", DataTypes.StringType, true),
        DataTypes.createStructField("start_month", DataTypes.StringType, true)));
    problemFields(fields);
    return DataTypes.createStructType(fields);
  }

  private static void problemFields(List<StructField> fields) {
    fields.add(DataTypes.createStructField(REASON, DataTypes.StringType, true));
    fields.add(DataTypes.createStructField(COLUMN, DataTypes.StringType, true));
    fields.add(DataTypes.createStructField(VALUE, DataTypes.StringType, true));
    fields.add(DataTypes.createStructField(DETAIL, DataTypes.StringType, true));
  }

  static Row of(SurveyRecord r) {
    double[] answers = r.answers();
    Object[] v = new Object[KEY_WIDTH + answers.length + 4];
    v[0] = r.file();
    v[1] = r.line();
    v[2] = r.clinic();
    v[3] = r.couple();
    v[4] = r.partner();
    v[5] = r.timepoint();
    v[6] = r.session();
    v[7] = r.month();
    design(v, r.design());
    for (int i = 0; i < answers.length; i++) {
      v[KEY_WIDTH + i] = Double.isNaN(answers[i]) ? null : answers[i];
    }
    problems(v, KEY_WIDTH + answers.length, r.problems());
    return RowFactory.create(v);
  }

  static Row of(RosterRecord r) {
    Object[] v = new Object[9 + 4];
    v[0] = r.file();
    v[1] = r.line();
    v[2] = r.clinic();
    v[3] = r.couple();
    Design d = r.design();
    v[4] = d.modality();
    v[5] = d.method();
    v[6] = d.sessionMinutes();
    v[7] = d.therapist();
    v[8] = r.startMonth();
    problems(v, 9, r.problems());
    return RowFactory.create(v);
  }

  /** A copy of {@code row} with the problem fields, which start at {@code problemsAt}, set. */
  static Row withProblems(Row row, int problemsAt, List<Problem> problems) {
    Object[] v = new Object[row.length()];
    for (int i = 0; i < v.length; i++) {
      v[i] = row.get(i);
    }
    problems(v, problemsAt, problems);
    return RowFactory.create(v);
  }

  /** The first {@code width} fields of a survey row, with a new design and the given problems. */
  static Row withDesign(Row row, int width, Design design, List<Problem> problems) {
    Object[] v = new Object[width];
    for (int i = 0; i < width; i++) {
      v[i] = row.get(i);
    }
    design(v, design);
    problems(v, width - 4, problems);
    return RowFactory.create(v);
  }

  static Design design(Row row, int at) {
    return new Design(row.getString(at), row.getString(at + 1),
        row.isNullAt(at + 2) ? null : row.getInt(at + 2), row.getString(at + 3));
  }

  private static void design(Object[] v, Design d) {
    v[DESIGN_AT] = d.modality();
    v[DESIGN_AT + 1] = d.method();
    v[DESIGN_AT + 2] = d.sessionMinutes();
    v[DESIGN_AT + 3] = d.therapist();
  }

  private static void problems(Object[] v, int at, List<Problem> problems) {
    if (problems.isEmpty()) {
      return;
    }
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
}
