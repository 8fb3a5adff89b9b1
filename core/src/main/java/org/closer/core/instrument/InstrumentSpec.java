package org.closer.core.instrument;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The JSON shape of {@code schemas/instruments/*.json}, bound as written; checked by {@link InstrumentLoader}. */
record InstrumentSpec(
    @JsonProperty(value = "id", required = true) String id,
    @JsonProperty(value = "name", required = true) String name,
    @JsonProperty(value = "source", required = true) String source,
    @JsonProperty("administered") List<String> administered,
    @JsonProperty(value = "items", required = true) List<ItemRange> items,
    @JsonProperty("decimals") Integer decimals,
    @JsonProperty("reverse_keyed") List<Integer> reverseKeyed,
    @JsonProperty("missing") Missing missing,
    @JsonProperty(value = "subscales", required = true) List<SubscaleSpec> subscales,
    @JsonProperty("notes") String notes) {

  /** Items {@code numbers} (for example "2-16") share one response range. */
  record ItemRange(
      @JsonProperty(value = "numbers", required = true) String numbers,
      @JsonProperty(value = "min", required = true) Double min,
      @JsonProperty(value = "max", required = true) Double max) {}

  record Missing(@JsonProperty(value = "max_missing_fraction", required = true) Double maxMissingFraction) {}

  record SubscaleSpec(
      @JsonProperty(value = "name", required = true) String name,
      @JsonProperty(value = "items", required = true) String items,
      @JsonProperty(value = "scoring", required = true) String scoring,
      @JsonProperty("cutoff") CutoffSpec cutoff,
      @JsonProperty("reliability") ReliabilitySpec reliability,
      @JsonProperty("reliable_change") ReliableChangeSpec reliableChange) {}

  record CutoffSpec(
      @JsonProperty(value = "value", required = true) Double value,
      @JsonProperty(value = "distressed", required = true) String distressed,
      @JsonProperty(value = "source", required = true) String source,
      @JsonProperty(value = "confirmed", required = true) Boolean confirmed) {}

  record ReliabilitySpec(
      @JsonProperty(value = "alpha", required = true) Double alpha,
      @JsonProperty(value = "source", required = true) String source,
      @JsonProperty(value = "confirmed", required = true) Boolean confirmed) {}

  record ReliableChangeSpec(
      @JsonProperty(value = "value", required = true) Double value,
      @JsonProperty(value = "source", required = true) String source,
      @JsonProperty(value = "confirmed", required = true) Boolean confirmed) {}
}
