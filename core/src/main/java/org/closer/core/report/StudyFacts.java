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
 */
public record StudyFacts(
    IngestSummary ingest,
    List<ReasonCount> quarantine,
    List<ClinicCount> clinics,
    List<GroupCount> groups,
    List<Descriptive> descriptives) {

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
