package org.closer.jobs.score;

import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.codegen.UnsafeRowWriter;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.unsafe.types.UTF8String;
import org.closer.core.score.LoveClassifier;
import org.closer.core.score.LoveKind;
import org.closer.core.score.Scorer;

/**
 * Turns one {@code responses} row into one {@code scores} row with core's scorer. Holds the work
 * arrays of one partition, and writes each scores row into the same buffer: the keys' bytes are
 * copied once, straight from the responses row, and no value is boxed.
 */
final class ScoreRows {
  /** A responses row starts with source_file and source_line, then the keys and design, then the items. */
  static final int LINEAGE = 2;
  static final int KEYS = 10;

  private final Scorer scorer;
  private final LoveClassifier love;
  private final boolean[] textKeys;
  private final double[] answers;
  private final double[] scores;
  private final int[] answered;
  private final UTF8String[] loveCodes = new UTF8String[LoveKind.values().length];
  private final UnsafeRowWriter out;

  /** @param keyTypes the types of the {@link #KEYS} columns after the lineage: text or int */
  ScoreRows(Scorer scorer, LoveClassifier love, DataType[] keyTypes, int items) {
    this.scorer = scorer;
    this.love = love;
    this.textKeys = TextOrInt.text(keyTypes, "A key of responses");
    this.answers = new double[items];
    this.scores = new double[scorer.subscales().size()];
    this.answered = new int[scores.length];
    for (LoveKind k : LoveKind.values()) {
      loveCodes[k.ordinal()] = UTF8String.fromString(k.code());
    }
    this.out = new UnsafeRowWriter(KEYS + 2 * scores.length + love.rules().size(), 256);
  }

  /** The scores row is valid until the next call; the input row is read only during this one. */
  InternalRow score(InternalRow r) {
    int first = LINEAGE + KEYS;
    for (int i = 0; i < answers.length; i++) {
      answers[i] = r.isNullAt(first + i) ? Double.NaN : r.getDouble(first + i);
    }
    scorer.score(answers, scores, answered);
    out.reset();
    out.zeroOutNullBytes();
    for (int i = 0; i < KEYS; i++) {
      TextOrInt.copy(r, LINEAGE + i, textKeys[i], out, i);
    }
    int at = KEYS;
    for (int s = 0; s < scores.length; s++) {
      if (Double.isNaN(scores[s])) {
        out.setNullAt(at++);
      } else {
        out.write(at++, scores[s]);
      }
      out.write(at++, answered[s]);
    }
    for (int k = 0; k < love.rules().size(); k++) {
      LoveKind kind = love.classify(k, scores);
      if (kind == null) {
        out.setNullAt(at++);
      } else {
        out.write(at++, loveCodes[kind.ordinal()]);
      }
    }
    return out.getRow();
  }
}
