package org.closer.jobs.score;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.closer.core.score.LoveClassifier;
import org.closer.core.score.LoveKind;
import org.closer.core.score.Scorer;

/**
 * Turns one {@code responses} row into one {@code scores} row with core's scorer. Holds the work
 * arrays of one partition.
 */
final class ScoreRows {
  private final Scorer scorer;
  private final LoveClassifier love;
  private final double[] answers;
  private final double[] scores;
  private final int[] answered;

  ScoreRows(Scorer scorer, LoveClassifier love, int items) {
    this.scorer = scorer;
    this.love = love;
    this.answers = new double[items];
    this.scores = new double[scorer.subscales().size()];
    this.answered = new int[scores.length];
  }

  /** A responses row starts with source_file and source_line, then the keys and design, then the items. */
  private static final int LINEAGE = 2;
  private static final int KEYS = 10;

  Row score(Row r) {
    int first = LINEAGE + KEYS;
    for (int i = 0; i < answers.length; i++) {
      answers[i] = r.isNullAt(first + i) ? Double.NaN : r.getDouble(first + i);
    }
    scorer.score(answers, scores, answered);
    int rules = love.rules().size();
    Object[] v = new Object[KEYS + 2 * scores.length + rules];
    for (int i = 0; i < KEYS; i++) {
      v[i] = r.get(LINEAGE + i);
    }
    int at = KEYS;
    for (int s = 0; s < scores.length; s++) {
      v[at++] = Double.isNaN(scores[s]) ? null : scores[s];
      v[at++] = answered[s];
    }
    for (int k = 0; k < rules; k++) {
      LoveKind kind = love.classify(k, scores);
      v[at++] = kind == null ? null : kind.code();
    }
    return RowFactory.create(v);
  }
}
