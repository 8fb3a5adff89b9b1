package org.closer.core.ingest;

import java.util.List;
import java.util.Set;

/** The column names of the study's template CSV and roster (see shared/reference/input-format.md). */
public final class Template {
  private Template() {}

  public static final String CLINIC = "clinic";
  public static final String COUPLE = "couple";
  public static final String PARTNER = "partner";
  public static final String TIMEPOINT = "timepoint";
  public static final String SESSION = "session";
  public static final String MONTH = "month";
  public static final String MODALITY = "modality";
  public static final String METHOD = "method";
  public static final String SESSION_MINUTES = "session_minutes";
  public static final String THERAPIST = "therapist";
  public static final String START_MONTH = "start_month";
  /**
   * Not a template column: a survey tool's response type (preview, test, spam), filled by the tool's
   * reader so that such rows are quarantined rather than taken for a client's answers.
   */
  public static final String RESPONSE_STATUS = "response_status";

  /** Columns that hold a clinic's own codes for people: pseudonymised, never shown. */
  public static final Set<String> IDENTIFIER_CODES = Set.of(COUPLE, THERAPIST);

  /** The couple's design variables, on survey rows or in the roster. */
  public static final List<String> DESIGN = List.of(MODALITY, METHOD, SESSION_MINUTES, THERAPIST);

  public static final List<String> SURVEY_COLUMNS =
      List.of(CLINIC, COUPLE, PARTNER, TIMEPOINT, SESSION, MONTH, MODALITY, METHOD, SESSION_MINUTES, THERAPIST);

  /** A survey file without one of these cannot give a single valid row. */
  public static final List<String> SURVEY_REQUIRED = List.of(CLINIC, COUPLE, PARTNER, TIMEPOINT, MONTH);

  public static final List<String> ROSTER_COLUMNS =
      List.of(CLINIC, COUPLE, MODALITY, METHOD, SESSION_MINUTES, THERAPIST, START_MONTH);

  public static final List<String> ROSTER_REQUIRED = List.of(CLINIC, COUPLE);
}
