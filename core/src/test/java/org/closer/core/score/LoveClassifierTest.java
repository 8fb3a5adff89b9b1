package org.closer.core.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import org.closer.core.UserException;
import org.closer.core.instrument.InstrumentCatalog;
import org.junit.jupiter.api.Test;

class LoveClassifierTest {
  private static final InstrumentCatalog CATALOG = InstrumentCatalog.builtIn();

  @Test
  void eightKindsFromThreeComponents() {
    assertEquals(LoveKind.NON_LOVE, LoveKind.of(false, false, false));
    assertEquals(LoveKind.LIKING, LoveKind.of(true, false, false));
    assertEquals(LoveKind.INFATUATION, LoveKind.of(false, true, false));
    assertEquals(LoveKind.EMPTY_LOVE, LoveKind.of(false, false, true));
    assertEquals(LoveKind.ROMANTIC, LoveKind.of(true, true, false));
    assertEquals(LoveKind.COMPANIONATE, LoveKind.of(true, false, true));
    assertEquals(LoveKind.FATUOUS, LoveKind.of(false, true, true));
    assertEquals(LoveKind.CONSUMMATE, LoveKind.of(true, true, true));
  }

  @Test
  void defaultThresholdIsTheMidpointAndHighMeansAboveIt() {
    LoveClassifier love = new LoveClassifier(CATALOG, Map.of());
    int tls45 = rule(love, "tls45_love_kind");
    assertEquals(5.0, love.rules().get(tls45).thresholds()[0]);
    assertEquals(3.0, love.rules().get(rule(love, "tls15_love_kind")).thresholds()[0]);
    double[] scores = scores(love, tls45, 5.01, 5.0, 7);
    assertEquals(LoveKind.COMPANIONATE, love.classify(tls45, scores)); // passion exactly 5 is not high
  }

  @Test
  void configuredThresholdsAndMissingComponents() {
    LoveClassifier love = new LoveClassifier(CATALOG, Map.of("tls45", Map.of("commitment", 7.5)));
    int tls45 = rule(love, "tls45_love_kind");
    assertEquals(LoveKind.LIKING, love.classify(tls45, scores(love, tls45, 6, 4, 7)));
    assertNull(love.classify(tls45, scores(love, tls45, 6, Double.NaN, 7)));
  }

  @Test
  void refusesThresholdsOutsideTheScale() {
    UserException e = assertThrows(UserException.class,
        () -> new LoveClassifier(CATALOG, Map.of("tls45", Map.of("intimacy", 10.0))));
    assertTrue(e.getMessage().contains("Use a value from 1.0 to 9.0"), e.getMessage());
    assertThrows(UserException.class, () -> new LoveClassifier(CATALOG, Map.of("csi16", Map.of("intimacy", 3.0))));
    assertThrows(UserException.class, () -> new LoveClassifier(CATALOG, Map.of("tls45", Map.of("trust", 3.0))));
  }

  private static int rule(LoveClassifier love, String column) {
    for (int i = 0; i < love.rules().size(); i++) {
      if (love.rules().get(i).column().equals(column)) {
        return i;
      }
    }
    throw new AssertionError(column);
  }

  private static double[] scores(LoveClassifier love, int rule, double i, double p, double c) {
    double[] scores = new double[CATALOG.subscales().size()];
    Arrays.fill(scores, Double.NaN);
    int[] at = love.rules().get(rule).positions();
    scores[at[0]] = i;
    scores[at[1]] = p;
    scores[at[2]] = c;
    return scores;
  }
}
