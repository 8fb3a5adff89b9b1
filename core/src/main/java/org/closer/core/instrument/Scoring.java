package org.closer.core.instrument;

/** How a subscale combines its items. */
public enum Scoring {
  /** Mean of the answered items. */
  MEAN,
  /** Mean of the answered items times the number of items (prorated sum). */
  SUM
}
