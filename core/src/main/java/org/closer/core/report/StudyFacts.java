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
 * @param reliability alpha per subscale and timepoint, all couples
 * @param outcomes change from intake per score and level
 * @param slopes session slopes per score and level
 * @param comparisons the comparisons dataset
 * @param loveKinds partners per kind of love, instrument and timepoint
 * @param sessions session measures by session number and group
 */
public record StudyFacts(
    IngestSummary ingest,
    List<ReasonCount> quarantine,
    List<ClinicCount> clinics,
    List<GroupCount> groups,
    List<Descriptive> descriptives,
    List<Reliability> reliability,
    List<OutcomeSummary> outcomes,
    List<SlopeSummary> slopes,
    List<org.closer.core.stats.ComparisonResult> comparisons,
    List<LoveCount> loveKinds,
    List<SessionPoint> sessions) {

  /** Partners (and their couples) whose scores give one kind of love on one instrument at one timepoint. */
  public record LoveCount(String instrument, String timepoint, String kind, long people, long couples) {}

  /**
   * A session measure at one session number in one group: surveys, distinct partners, mean, SD.
   *
   * @param factor "all" or a design factor
   */
  public record SessionPoint(String score, String factor, String level, int session, long n, long people, long couples,
      double mean, double sd) {}

  /**
   * Change from intake of one score at one level (individual or couple).
   *
   * @param n units with an intake score
   * @param completed units with a closing score too
   */
  public record OutcomeSummary(String score, String level, long n, long completed, double meanChange, double sdChange,
      long recovered, long improved, long unchanged, long deteriorated) {}

  /** Cronbach's alpha of one subscale at one timepoint (complete cases). */
  public record Reliability(String score, String timepoint, long n, double alpha, double low, double high) {}

  /** Session slopes of one measure at one level: units with a slope, their mean and SD. */
  public record SlopeSummary(String score, String level, long n, double mean, double sd) {}

  public record ReasonCount(String reason, String clinic, long rows) {}

  public record ClinicCount(String clinic, long rows, long couples) {}

  /** Couples at one level of a design factor (modality, method, session_minutes). */
  public record GroupCount(String factor, String level, long couples) {}

  /**
   * @param factor "all" or a design factor
   * @param n surveys with a score
   * @param people distinct partners behind those surveys
   * @param couples distinct couples behind them: what suppression counts, as partners of one couple are one family
   */
  public record Descriptive(String score, String timepoint, String factor, String level, long n, long people, long couples,
      double mean, double sd) {}
}
