package org.closer.core.report;

import java.util.List;
import org.closer.core.ingest.IngestSummary;

/**
 * Everything the report shows, as plain numbers an engine computed. Rows are in display order.
 *
 * @param quarantine quarantined rows by reason and clinic
 * @param clinics per clinic: accepted survey rows and couples
 * @param groups couples per level of each design factor
 * @param descriptives score summaries by timepoint and group
 * @param outcomes change from intake per score and level
 * @param comparisons the comparisons dataset
 */
public record StudyFacts(
    IngestSummary ingest,
    List<ReasonCount> quarantine,
    List<ClinicCount> clinics,
    List<GroupCount> groups,
    List<Descriptive> descriptives,
    List<OutcomeSummary> outcomes,
    List<org.closer.core.stats.ComparisonResult> comparisons) {

  /**
   * Change from intake of one score at one level (individual or couple).
   *
   * @param n units with an intake score
   * @param completed units with a closing score too
   */
  public record OutcomeSummary(String score, String level, long n, long completed, double meanChange, double sdChange,
      long recovered, long improved, long unchanged, long deteriorated) {}

  public record ReasonCount(String reason, String clinic, long rows) {}

  public record ClinicCount(String clinic, long rows, long couples) {}

  /** Couples at one level of a design factor (modality, method, session_minutes). */
  public record GroupCount(String factor, String level, long couples) {}

  /**
   * @param factor "all" or a design factor
   * @param n surveys with a score
   * @param people distinct partners behind those surveys (what suppression counts)
   */
  public record Descriptive(String score, String timepoint, String factor, String level, long n, long people,
      double mean, double sd) {}
}
