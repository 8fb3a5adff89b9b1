package org.closer.core.instrument;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.closer.core.model.Timepoint;

/**
 * A questionnaire as data: its items, how they are scored and where the scoring comes from. Loaded
 * from {@code schemas/instruments/<id>.json} by {@link InstrumentLoader}.
 *
 * @param administered the timepoints at which a study usually gives it (documentation and
 *     defaults; a survey may carry any instrument)
 */
public record Instrument(
    String id,
    String name,
    String source,
    Set<Timepoint> administered,
    List<Item> items,
    List<Subscale> subscales,
    double maxMissingFraction) implements java.io.Serializable {

  public Instrument {
    administered = Set.copyOf(administered);
    items = List.copyOf(items);
    subscales = List.copyOf(subscales);
  }

  public Optional<Subscale> subscale(String name) {
    return subscales.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  /** Whether it measures Sternberg's three components, so that a kind of love can be named. */
  public boolean hasLoveComponents() {
    return subscale("intimacy").isPresent()
        && subscale("passion").isPresent()
        && subscale("commitment").isPresent();
  }
}
