package org.closer.core.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.closer.core.instrument.InstrumentCatalog;
import org.closer.core.instrument.Subscale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Hand-worked examples: every expected value below is computed by hand in the comment beside it. */
class ScorerTest {
  private static final InstrumentCatalog CATALOG = InstrumentCatalog.builtIn();
  private static final Scorer SCORER = new Scorer(CATALOG);
  private double[] answers;

  @BeforeEach
  void empty() {
    answers = new double[CATALOG.items().size()];
    Arrays.fill(answers, Double.NaN);
  }

  private void answer(String item, double value) {
    answers[CATALOG.itemIndex(item)] = value;
  }

  private double[] scores() {
    double[] scores = new double[SCORER.subscales().size()];
    SCORER.score(answers, scores, new int[scores.length]);
    return scores;
  }

  private int[] answered() {
    double[] scores = new double[SCORER.subscales().size()];
    int[] answered = new int[scores.length];
    SCORER.score(answers, scores, answered);
    return answered;
  }

  private static int at(String column) {
    List<Subscale> all = SCORER.subscales();
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).column().equals(column)) {
        return i;
      }
    }
    throw new AssertionError(column);
  }

  @Test
  void tls45ComponentsAreMeansOfTheirFifteenItems() {
    // intimacy items 1-15 answered 1..9 cycling: 1+2+...+9 + 1+...+6 = 45 + 21 = 66; 66 / 15 = 4.4
    for (int i = 1; i <= 15; i++) {
      answer("tls45_" + i, 1 + (i - 1) % 9);
    }
    // passion items 16-30 all 7; commitment items 31-45 all 9
    for (int i = 16; i <= 30; i++) {
      answer("tls45_" + i, 7);
    }
    for (int i = 31; i <= 45; i++) {
      answer("tls45_" + i, 9);
    }
    double[] s = scores();
    assertEquals(4.4, s[at("tls45_intimacy")], 1e-12);
    assertEquals(7.0, s[at("tls45_passion")], 0);
    assertEquals(9.0, s[at("tls45_commitment")], 0);
    assertEquals(15, answered()[at("tls45_intimacy")]);
    assertTrue(Double.isNaN(s[at("csi16_total")]), "an instrument not given is not scored");
    assertEquals(0, answered()[at("csi16_total")]);
  }

  @Test
  void exactlyTwentyPercentMissingIsScoredOneMoreIsNot() {
    // intimacy: items 1-12 answered 6, items 13-15 missing: 3 of 15 = 20% -> mean of the 12 = 6
    for (int i = 1; i <= 12; i++) {
      answer("tls45_" + i, 6);
    }
    answer("tls45_1", 3); // (3 + 11 * 6) / 12 = 69 / 12 = 5.75
    assertEquals(5.75, scores()[at("tls45_intimacy")], 1e-12);
    answers[CATALOG.itemIndex("tls45_12")] = Double.NaN; // 4 of 15 missing = 26.7%
    assertTrue(Double.isNaN(scores()[at("tls45_intimacy")]));
    assertEquals(11, answered()[at("tls45_intimacy")]);
  }

  @Test
  void csi16ReversesItemTwoAndProratesTheSum() {
    // item 1 = 4; item 2 answered 1 -> scored 5 - 1 = 4; items 3-16 = 3 each (14 * 3 = 42). Total 4 + 4 + 42 = 50
    answer("csi16_1", 4);
    answer("csi16_2", 1);
    for (int i = 3; i <= 16; i++) {
      answer("csi16_" + i, 3);
    }
    assertEquals(50.0, scores()[at("csi16_total")], 1e-12);
    // items 14, 15, 16 missing (3 of 16, allowed): mean of 13 answered = (4 + 4 + 11 * 3) / 13 = 41 / 13; * 16
    answers[CATALOG.itemIndex("csi16_14")] = Double.NaN;
    answers[CATALOG.itemIndex("csi16_15")] = Double.NaN;
    answers[CATALOG.itemIndex("csi16_16")] = Double.NaN;
    assertEquals(41.0 / 13 * 16, scores()[at("csi16_total")], 1e-12);
    answers[CATALOG.itemIndex("csi16_13")] = Double.NaN; // 4 of 16 = 25%
    assertTrue(Double.isNaN(scores()[at("csi16_total")]));
  }

  @Test
  void reverseKeyingMapsTheEndsOfTheRange() {
    answer("csi16_2", 0);
    for (int i = 3; i <= 16; i++) {
      answer("csi16_" + i, 0);
    }
    answer("csi16_1", 0);
    assertEquals(5.0, scores()[at("csi16_total")], 0); // only item 2 contributes: 5 - 0
    answer("csi16_2", 5);
    assertEquals(0.0, scores()[at("csi16_total")], 0);
  }

  @Test
  void shortScalesAllowNoMissingItem() {
    answer("csi4_1", 6);
    answer("csi4_2", 5);
    answer("csi4_3", 4);
    answer("csi4_4", 2);
    assertEquals(17.0, scores()[at("csi4_total")], 0);
    answer("ors_1", 7.5);
    answer("ors_2", 6.1);
    answer("ors_3", 8.0);
    answer("ors_4", 5.4);
    assertEquals(27.0, scores()[at("ors_total")], 1e-12);
    answers[CATALOG.itemIndex("csi4_4")] = Double.NaN;
    assertTrue(Double.isNaN(scores()[at("csi4_total")]), "1 of 4 missing is 25%");
  }

  @Test
  void tls15UsesItsOwnRanges() {
    // intimacy 1-5: 5,4,3,2,? -> one missing of 5 (20%) -> mean 14 / 4 = 3.5
    answer("tls15_1", 5);
    answer("tls15_2", 4);
    answer("tls15_3", 3);
    answer("tls15_4", 2);
    assertEquals(3.5, scores()[at("tls15_intimacy")], 1e-12);
  }
}
