package org.closer.jobs.score;

import static org.apache.spark.sql.functions.col;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.closer.core.instrument.Subscale;
import org.closer.jobs.CatalystRows;

/**
 * One {@code couple_scores} row per couple survey from its partners' {@code scores} rows. Scores
 * made from whole couples are walked as they are made, in the pass that writes them ({@link
 * Layout}, used by {@link ScoreJob}); scores in any order are read back and paired in two walks
 * ({@link CouplePairs}). The first pairs the partners' rows where they are found in place; the
 * second shuffles only the rows left unpaired, by couple, and makes every survey of theirs a
 * couple row. At 5M rows the join of every partner row it replaces took about 24 s of executor CPU
 * and shuffled 420 MB; the unpaired rows are about 2 MB.
 */
public final class CoupleScores {
  /** Design belongs to the couple; the smaller value is kept should the partners' rows disagree. */
  private static final List<String> DESIGN = List.of("month", "modality", "method", "session_minutes", "therapist");

  private CoupleScores() {}

  /** The couple scores of partner scores in any order: pairs found in place, the rest by a shuffle. */
  public static Dataset<Row> of(Dataset<Row> scores, List<Subscale> subscales) {
    Walks w = new Walks(scores, subscales);
    // Both walks read the scores: reading a few columns twice costs less than keeping the rows.
    JavaRDD<InternalRow> rows = CatalystRows.of(w.surveys);
    Dataset<Row> paired = w.frame(rows, CouplePairs.Yield.PAIRS, w.layout.coupleType());
    Dataset<Row> unpaired = w.frame(rows, CouplePairs.Yield.UNPAIRED, w.surveys.schema());
    JavaRDD<InternalRow> together = CatalystRows.of(unpaired.repartition(col("clinic"), col("couple"))
        .sortWithinPartitions("couple", "clinic"));
    return paired.union(w.frame(together, CouplePairs.Yield.ALL, w.layout.coupleType()));
  }

  /**
   * Where a walk finds {@link CouplePairs#COLUMNS}, the design and the scores in partner rows of one
   * type, the design's types, and the type of the couple rows it makes.
   */
  record Layout(int[] at, DataType[] design, int subscales, StructType coupleType) implements Serializable {
    static Layout of(StructType partnerRows, List<Subscale> subscales) {
      List<String> scoreColumns = subscales.stream().map(Subscale::column).toList();
      List<String> columns = columns(scoreColumns);
      int[] at = new int[columns.size()];
      StructField[] read = new StructField[columns.size()];
      for (int i = 0; i < at.length; i++) {
        at[i] = partnerRows.fieldIndex(columns.get(i));
        read[i] = partnerRows.fields()[at[i]];
      }
      DataType[] design = new DataType[DESIGN.size()];
      for (int d = 0; d < design.length; d++) {
        design[d] = read[CouplePairs.COLUMNS.size() + d].dataType();
      }
      return new Layout(at, design, scoreColumns.size(),
          CouplePairs.coupleType(DataTypes.createStructType(read), scoreColumns));
    }

    Iterator<InternalRow> walk(Iterator<InternalRow> rows, CouplePairs.Yield yield) {
      return new CouplePairs(rows, yield, design, subscales, at);
    }
  }

  /** The columns a walk reads, in its order. */
  private static List<String> columns(List<String> scoreColumns) {
    List<String> columns = new ArrayList<>(CouplePairs.COLUMNS);
    columns.addAll(DESIGN);
    columns.addAll(scoreColumns);
    return columns;
  }

  /** The columns the walks read, and the types they hand on. */
  private static final class Walks {
    final Dataset<Row> surveys;
    final Layout layout;

    Walks(Dataset<Row> scores, List<Subscale> subscales) {
      List<String> columns = columns(subscales.stream().map(Subscale::column).toList());
      surveys = scores.select(columns.stream().map(c -> col(c)).toArray(Column[]::new));
      layout = Layout.of(surveys.schema(), subscales);
    }

    Dataset<Row> frame(JavaRDD<InternalRow> rows, CouplePairs.Yield yield, StructType type) {
      Layout l = layout;
      return CatalystRows.frame(surveys.sparkSession(), rows.mapPartitions(it -> l.walk(it, yield)), type);
    }
  }
}
