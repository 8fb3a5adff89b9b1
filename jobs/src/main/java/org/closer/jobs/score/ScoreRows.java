package org.closer.jobs.score;

import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.unsafe.types.UTF8String;
import org.closer.core.score.LoveClassifier;
import org.closer.core.score.LoveKind;
import org.closer.core.score.Scorer;
import org.closer.jobs.CatalystRows;

/**
 * Turns one {@code responses} row into one {@code scores} row with core's scorer. Holds the work
 * arrays of one partition.
 */
final class ScoreRows {
  /** A responses row starts with source_file and source_line, then the keys and design, then the items. */
  static final int LINEAGE = 2;
  static final int KEYS = 10;

  private final Scorer scorer;
  private final LoveClassifier love;
  private final DataType[] keyTypes;
  private final double[] answers;
  private final double[] scores;
  private final int[] answered;
  private final UTF8String[] loveCodes = new UTF8String[LoveKind.values().length];

  /** @param keyTypes the types of the {@link #KEYS} columns after the lineage */
  ScoreRows(Scorer scorer, LoveClassifier love, DataType[] keyTypes, int items) {
    this.scorer = scorer;
    this.love = love;
    this.keyTypes = keyTypes;
    this.answers = new double[items];
    this.scores = new double[scorer.subscales().size()];
    this.answered = new int[scores.length];
    for (LoveKind k : LoveKind.values()) {
      loveCodes[k.ordinal()] = UTF8String.fromString(k.code());
    }
  }

  /** The input row may be reused by its reader for the next row: its strings are copied. */
  InternalRow score(InternalRow r) {
    int first = LINEAGE + KEYS;
    for (int i = 0; i < answers.length; i++) {
      answers[i] = r.isNullAt(first + i) ? Double.NaN : r.getDouble(first + i);
    }
    scorer.score(answers, scores, answered);
    int rules = love.rules().size();
    Object[] v = new Object[KEYS + 2 * scores.length + rules];
    for (int i = 0; i < KEYS; i++) {
      Object key = CatalystRows.value(r, LINEAGE + i, keyTypes[i]);
      v[i] = key instanceof UTF8String text ? text.copy() : key;
    }
    int at = KEYS;
    for (int s = 0; s < scores.length; s++) {
      v[at++] = Double.isNaN(scores[s]) ? null : scores[s];
      v[at++] = answered[s];
    }
    for (int k = 0; k < rules; k++) {
      LoveKind kind = love.classify(k, scores);
      v[at++] = kind == null ? null : loveCodes[kind.ordinal()];
    }
    return new GenericInternalRow(v);
  }
}
