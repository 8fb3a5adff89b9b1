package org.closer.core.study;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.closer.core.Messages;
import org.closer.core.UserException;
import org.closer.core.io.ConfigFiles;

/**
 * A study's configuration (YAML), for example {@code data-samples/study/study.yaml}.
 *
 * @param name shown in the report
 * @param minCellSize report cells from fewer people than this are suppressed (default 10)
 * @param loveThresholds per instrument, per component: a score strictly above it is "high";
 *     components not given use the scale midpoint
 * @param demoKey true only for public sample data: pseudonymise with the public demo key
 * @param reliability where the reliable change index takes r_xx from
 * @param norms per score, clinical and healthy norms for a Jacobson-Truax cut-off where the
 *     instrument has no published one
 * @param equivalenceMargin the equivalence margin in units of the pooled SD (Hedges' g), default 0.25
 * @param comparisons the group comparisons; empty means every design factor, pairwise
 */
public record StudyConfig(
    @JsonProperty("name") String name,
    @JsonProperty("min_cell_size") Integer minCellSize,
    @JsonProperty("love_thresholds") Map<String, Map<String, Double>> loveThresholds,
    @JsonProperty("demo_key") Boolean demoKey,
    @JsonProperty("reliability") ReliabilitySource reliability,
    @JsonProperty("norms") Map<String, Norms> norms,
    @JsonProperty("equivalence_margin") Double equivalenceMargin,
    @JsonProperty("comparisons") List<Comparison> comparisons) implements Serializable {

  public static final int DEFAULT_MIN_CELL_SIZE = 10;
  public static final double DEFAULT_EQUIVALENCE_MARGIN = 0.25;

  /** Which reliability the reliable change index uses. */
  public enum ReliabilitySource {
    /** The instrument's published alpha, or the sample's intake alpha when none is published. */
    @JsonProperty("published")
    PUBLISHED,
    /** Always the sample's intake alpha. */
    @JsonProperty("sample")
    SAMPLE
  }

  /** Norms of a score for the Jacobson-Truax cut-offs c (both) or a (clinical only). */
  public record Norms(
      @JsonProperty(value = "clinical_mean", required = true) Double clinicalMean,
      @JsonProperty(value = "clinical_sd", required = true) Double clinicalSd,
      @JsonProperty("healthy_mean") Double healthyMean,
      @JsonProperty("healthy_sd") Double healthySd) implements Serializable {}

  /**
   * One comparison: a design factor and two of its levels (or, without groups, every pair of
   * levels), on the named outcomes (or all).
   */
  public record Comparison(
      @JsonProperty(value = "factor", required = true) String factor,
      @JsonProperty("groups") List<String> groups,
      @JsonProperty("outcomes") List<String> outcomes) implements Serializable {
    public Comparison {
      groups = groups == null ? List.of() : List.copyOf(groups);
      outcomes = outcomes == null ? List.of() : List.copyOf(outcomes);
      if (!FACTORS.contains(factor)) {
        throw UserException.inputRefused(Messages.cannot("compare groups of factor", factor, "study configuration",
            "Use one of " + String.join(", ", FACTORS)));
      }
      if (!groups.isEmpty() && (groups.size() != 2 || groups.get(0).equals(groups.get(1)))) {
        throw UserException.inputRefused(Messages.cannot("compare groups", String.join(", ", groups),
            "study configuration, factor " + factor, "Name two different levels, for example [online, face_to_face]"));
      }
    }
  }

  /** The design factors groups can be compared on. */
  public static final List<String> FACTORS = List.of("modality", "method", "session_minutes");

  public StudyConfig {
    name = name == null ? "Unnamed study" : name;
    minCellSize = minCellSize == null ? DEFAULT_MIN_CELL_SIZE : minCellSize;
    loveThresholds = loveThresholds == null ? Map.of() : Map.copyOf(loveThresholds);
    demoKey = demoKey != null && demoKey;
    reliability = reliability == null ? ReliabilitySource.PUBLISHED : reliability;
    norms = norms == null ? Map.of() : Map.copyOf(norms);
    equivalenceMargin = equivalenceMargin == null ? DEFAULT_EQUIVALENCE_MARGIN : equivalenceMargin;
    comparisons = comparisons == null ? List.of() : List.copyOf(comparisons);
    if (!(equivalenceMargin > 0)) {
      throw UserException.inputRefused(Messages.cannot("use equivalence_margin", equivalenceMargin,
          "study configuration", "Give the margin in units of the pooled SD, for example 0.25"));
    }
    if (minCellSize < 1) {
      throw UserException.inputRefused(Messages.cannot("use min_cell_size", minCellSize, "study configuration",
          "Use a whole number of at least 1; 10 is the usual disclosure-control threshold"));
    }
  }

  public static StudyConfig defaults() {
    return new StudyConfig(null, null, null, null, null, null, null, null);
  }

  /** @param name where the text came from, for messages (a local path or a URI such as hdfs://...) */
  public static StudyConfig parse(String name, String text) {
    if (text.isBlank()) {
      return defaults();
    }
    return ConfigFiles.read(ConfigFiles.YAML, name, text, StudyConfig.class, "study configuration");
  }
}
