package org.closer.core.score;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.closer.core.Messages;
import org.closer.core.UserException;
import org.closer.core.instrument.Instrument;
import org.closer.core.instrument.InstrumentCatalog;
import org.closer.core.instrument.Subscale;

/**
 * Names the kind of love per instrument that has Sternberg's three components. A component is
 * high when its score is strictly above the threshold; the default threshold is the middle of the
 * component's score range (5 on the 1-9 TLS-45, 3 on the 1-5 TLS-15).
 */
public final class LoveClassifier implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final String[] COMPONENTS = {"intimacy", "passion", "commitment"};

  /** One instrument's three component positions in {@link Scorer#subscales()} and thresholds. */
  public record Rule(String column, int[] positions, double[] thresholds) implements Serializable {}

  private final List<Rule> rules;

  /**
   * @param thresholds per instrument id, per component name; anything not given uses the midpoint
   */
  public LoveClassifier(InstrumentCatalog catalog, Map<String, Map<String, Double>> thresholds) {
    List<Subscale> all = catalog.subscales();
    List<Rule> list = new ArrayList<>();
    for (Instrument instrument : catalog.loveInstruments()) {
      Map<String, Double> given = thresholds.getOrDefault(instrument.id(), Map.of());
      int[] positions = new int[3];
      double[] limits = new double[3];
      for (int c = 0; c < 3; c++) {
        Subscale s = instrument.subscale(COMPONENTS[c]).orElseThrow();
        positions[c] = all.indexOf(s);
        limits[c] = given.getOrDefault(COMPONENTS[c], s.midpoint());
        if (limits[c] < s.minScore() || limits[c] > s.maxScore()) {
          throw UserException.inputRefused(Messages.cannot("use love threshold", limits[c],
              "study configuration, " + instrument.id() + " " + COMPONENTS[c],
              "Use a value from " + s.minScore() + " to " + s.maxScore()));
        }
      }
      for (String component : given.keySet()) {
        if (instrument.subscale(component).isEmpty() || !List.of(COMPONENTS).contains(component)) {
          throw UserException.inputRefused(Messages.cannot("use love threshold for", component,
              "study configuration, " + instrument.id(), "Use intimacy, passion or commitment"));
        }
      }
      list.add(new Rule(instrument.id() + "_love_kind", positions, limits));
    }
    for (String id : thresholds.keySet()) {
      if (list.stream().noneMatch(r -> r.column().equals(id + "_love_kind"))) {
        throw UserException.inputRefused(Messages.cannot("use love thresholds for instrument", id,
            "study configuration", "Use an instrument with intimacy, passion and commitment, for example tls45"));
      }
    }
    this.rules = List.copyOf(list);
  }

  public List<Rule> rules() {
    return rules;
  }

  /** The kind for rule {@code r}, or null when a component is not scored. */
  public LoveKind classify(int r, double[] scores) {
    Rule rule = rules.get(r);
    boolean[] high = new boolean[3];
    for (int c = 0; c < 3; c++) {
      double v = scores[rule.positions()[c]];
      if (Double.isNaN(v)) {
        return null;
      }
      high[c] = v > rule.thresholds()[c];
    }
    return LoveKind.of(high[0], high[1], high[2]);
  }
}
