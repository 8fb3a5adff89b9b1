package org.closer.core.instrument;

import java.util.List;

/**
 * A scored part of an instrument (a component, or the total).
 *
 * @param column output column name, {@code <instrument>_<name>}
 * @param items the subscale's items, in published order
 * @param maxMissing how many of its items may be missing for the subscale still to be scored
 * @param cutoff published clinical cut-off, or null
 * @param reliability published alpha, or null
 * @param reliableChange published reliable-change value, or null
 */
public record Subscale(
    String name,
    String column,
    List<Item> items,
    Scoring scoring,
    int maxMissing,
    Cutoff cutoff,
    Reliability reliability,
    ReliableChange reliableChange) implements java.io.Serializable {

  public Subscale {
    items = List.copyOf(items);
  }

  /** Lowest possible score, from the items' ranges. */
  public double minScore() {
    double mean = items.stream().mapToDouble(Item::min).average().orElse(Double.NaN);
    return scoring == Scoring.SUM ? mean * items.size() : mean;
  }

  /** Highest possible score, from the items' ranges. */
  public double maxScore() {
    double mean = items.stream().mapToDouble(Item::max).average().orElse(Double.NaN);
    return scoring == Scoring.SUM ? mean * items.size() : mean;
  }

  /** Middle of the score range: the default threshold for "high" on a love component. */
  public double midpoint() {
    return (minScore() + maxScore()) / 2;
  }
}
