package org.closer.core.score;

import java.io.Serializable;
import java.util.List;
import org.closer.core.instrument.InstrumentCatalog;
import org.closer.core.instrument.Item;
import org.closer.core.instrument.Scoring;
import org.closer.core.instrument.Subscale;

/**
 * Scores every subscale of a catalog from one survey's answers.
 *
 * <p>Missing-item rule: a subscale is scored when at most {@code maxMissing} of its items are
 * missing (20% by default). The score is the mean of the answered items after reverse keying; a
 * {@link Scoring#SUM} is that mean times the number of items, so a prorated sum stays on the scale of
 * a complete one. Otherwise the score is missing (NaN) and the caller counts it.
 */
public final class Scorer implements Serializable {
  private static final long serialVersionUID = 1L;

  private final List<Subscale> subscales;
  /** For each subscale, the catalog positions of its items. */
  private final int[][] itemPositions;
  private final Item[][] items;

  public Scorer(InstrumentCatalog catalog) {
    this.subscales = catalog.subscales();
    this.itemPositions = new int[subscales.size()][];
    this.items = new Item[subscales.size()][];
    for (int s = 0; s < subscales.size(); s++) {
      List<Item> members = subscales.get(s).items();
      itemPositions[s] = members.stream().mapToInt(i -> catalog.itemIndex(i.id())).toArray();
      items[s] = members.toArray(Item[]::new);
    }
  }

  public List<Subscale> subscales() {
    return subscales;
  }

  /**
   * @param answers one value per catalog item, NaN where missing; values are already range-checked
   * @param scores receives one score per subscale, NaN where not scored
   * @param answered receives the number of answered items per subscale
   */
  public void score(double[] answers, double[] scores, int[] answered) {
    for (int s = 0; s < itemPositions.length; s++) {
      int[] positions = itemPositions[s];
      double sum = 0;
      int n = 0;
      for (int k = 0; k < positions.length; k++) {
        double a = answers[positions[k]];
        if (!Double.isNaN(a)) {
          sum += items[s][k].scored(a);
          n++;
        }
      }
      answered[s] = n;
      Subscale subscale = subscales.get(s);
      if (n == 0 || positions.length - n > subscale.maxMissing()) {
        scores[s] = Double.NaN;
      } else {
        double mean = sum / n;
        scores[s] = subscale.scoring() == Scoring.SUM ? mean * positions.length : mean;
      }
    }
  }
}
