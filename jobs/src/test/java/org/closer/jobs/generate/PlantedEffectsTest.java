package org.closer.jobs.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.closer.core.instrument.InstrumentCatalog;
import org.closer.core.score.Scorer;
import org.closer.core.stats.Moments;
import org.junit.jupiter.api.Test;

/** The exact planted change against a direct simulation of the generator (no Spark, no files). */
class PlantedEffectsTest {
  @Test
  void exactPlantedChangeMatchesTheGeneratorsOwnRows() {
    InstrumentCatalog catalog = InstrumentCatalog.builtIn();
    CoupleSimulator simulator = new CoupleSimulator(catalog);
    Scorer scorer = new Scorer(catalog);
    List<String> itemColumns = simulator.itemColumns();
    int intimacy = scorer.subscales().indexOf(catalog.instrument("tls45").orElseThrow().subscale("intimacy").orElseThrow());
    Map<String, Moments> change = Map.of("EFT", Moments.create(), "IBCT", Moments.create());
    SplittableRandom seeds = new SplittableRandom(11);
    for (int i = 0; i < 40_000; i++) {
      SplittableRandom rnd = seeds.split();
      CoupleSimulator.Couple c = CoupleSimulator.design(rnd, "c01", 1, i, 4);
      if (!change.containsKey(c.method())) {
        continue;
      }
      Map<String, Double> intake = new HashMap<>();
      for (String[] row : simulator.surveys(rnd, c, true)) {
        if (!row[3].equals("intake") && !row[3].equals("closing")) {
          continue;
        }
        double[] answers = new double[catalog.items().size()];
        Arrays.fill(answers, Double.NaN);
        for (int k = 0; k < itemColumns.size(); k++) {
          if (!row[10 + k].isEmpty()) {
            answers[catalog.itemIndex(itemColumns.get(k))] = Double.parseDouble(row[10 + k]);
          }
        }
        double[] scores = new double[scorer.subscales().size()];
        scorer.score(answers, scores, new int[scores.length]);
        if (row[3].equals("intake")) {
          intake.put(row[2], scores[intimacy]);
        } else if (intake.containsKey(row[2])) {
          change.get(c.method()).accept(scores[intimacy] - intake.get(row[2]));
        }
      }
    }
    for (String method : List.of("EFT", "IBCT")) {
      Moments m = change.get(method);
      PlantedEffects.Change planted = PlantedEffects.intimacyChange(method);
      // Monte Carlo error of a mean of ~25,000 changes with SD 0.6 is 0.004; of the variance, about 1%.
      assertEquals(planted.mean(), m.mean(), 4 * m.sd() / Math.sqrt(m.n()), method + " mean, n = " + m.n());
      assertEquals(planted.variance(), m.variance(), 0.04 * planted.variance(), method + " variance");
    }
  }
}
