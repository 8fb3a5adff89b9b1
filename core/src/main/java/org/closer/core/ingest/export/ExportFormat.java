package org.closer.core.ingest.export;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The kinds of file Closer reads, each told from the file's own signature (its first bytes and
 * header), never from its name.
 */
public enum ExportFormat {
  TEMPLATE("template CSV", "the study's template (clinic, couple, partner, timepoint, ...; comma, semicolon or tab)", 1),
  QUALTRICS("Qualtrics CSV", "Qualtrics CSV (three header rows, the third with {\"ImportId\": ...})", 3),
  REDCAP("REDCap raw CSV", "REDCap raw CSV (record_id, redcap_event_name, ...) with its data dictionary CSV", 1),
  REDCAP_DICTIONARY("REDCap data dictionary", "REDCap data dictionary CSV (\"Variable / Field Name\", ...)", 1),
  SURVEYMONKEY("SurveyMonkey CSV", "SurveyMonkey CSV (two header rows starting Respondent ID,Collector ID)", 2),
  LIMESURVEY("LimeSurvey CSV", "LimeSurvey CSV (id,submitdate,lastpage,startlanguage,...)", 1),
  PARQUET("Parquet from closer check --out", "Parquet written by 'closer check --out'", 0);

  /** File names an input folder's exports may have; anything else there is not read. */
  public static final String[] SUFFIXES = {".csv", ".tsv", ".parquet"};
  /** Files that are exports in a form Closer cannot read: refused, never skipped silently. */
  public static final String[] UNREADABLE_SUFFIXES = {".xlsx", ".xls", ".ods", ".sav", ".dta", ".sas7bdat"};

  /**
   * Whether a file found among the exports is passed over: neither an export (read or refused) nor a
   * mapping or study file. Named in the output, so that an export saved under another name (Excel's
   * "Unicode Text" as .txt) is not missed unnoticed.
   */
  public static boolean passedOver(String file) {
    String lower = file.toLowerCase(java.util.Locale.ROOT);
    return java.util.stream.Stream.of(SUFFIXES, UNREADABLE_SUFFIXES, new String[] {".yaml", ".yml"})
        .flatMap(java.util.Arrays::stream).noneMatch(lower::endsWith);
  }

  /** What a study's input folder holds, as the messages that find none name it. */
  public static final String HANDED_IN = "template CSV, survey tool exports with their mapping, roster CSVs";

  /** The line that names the files passed over. */
  public static String passedOverNote(java.util.List<String> files) {
    return "not read (Closer reads exports named .csv, .tsv or .parquet): " + String.join(", ", files);
  }

  /** Refuses a workbook or statistics file found among the exports. */
  public static org.closer.core.UserException notExported(String file) {
    return org.closer.core.UserException.inputRefused(org.closer.core.Messages.cannot(
        "read a workbook or statistics file", null, file, "Export the survey as CSV (in Excel: File, Save As,"
            + " CSV UTF-8; in the survey tool: CSV export) and remove this file from the input folder"));
  }

  private static final byte[] PARQUET_MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);

  private final String label;
  private final String accepted;
  private final int headerRows;

  ExportFormat(String label, String accepted, int headerRows) {
    this.label = label;
    this.accepted = accepted;
    this.headerRows = headerRows;
  }

  public String label() {
    return label;
  }

  /** Rows before the first answer. */
  public int headerRows() {
    return headerRows;
  }

  /** Whether a record of this format may span lines (quoted question text, free-text answers). */
  public boolean multiLine() {
    return this != TEMPLATE && this != PARQUET;
  }

  /** The formats Closer reads, for a message that refuses a file. */
  public static String accepted() {
    return Arrays.stream(values()).map(f -> f.accepted).collect(Collectors.joining("; "));
  }

  /** Whether the bytes start like a Parquet file. */
  public static boolean isParquet(byte[] head) {
    return head.length >= 4 && Arrays.equals(Arrays.copyOf(head, 4), PARQUET_MAGIC);
  }

  /**
   * The format whose signature the first record (and, for Qualtrics, the start of the file) shows;
   * {@link #TEMPLATE} when none does, which the caller confirms against the template's names.
   *
   * @param first the first record's fields
   * @param head the decoded start of the file
   */
  public static ExportFormat detect(List<String> first, String head) {
    List<String> names = first.stream().map(ExportFormat::normal).toList();
    if (head.contains("{\"ImportId\":") || head.contains("{\"\"ImportId\"\":")) {
      return QUALTRICS;
    }
    if (!names.isEmpty() && names.get(0).equals("variable / field name")) {
      return REDCAP_DICTIONARY;
    }
    if (names.size() >= 2 && names.get(0).equals("respondent id") && names.get(1).equals("collector id")) {
      return SURVEYMONKEY;
    }
    if (names.stream().anyMatch(n -> n.equals("redcap_event_name") || n.equals("redcap_repeat_instrument")
        || n.equals("redcap_data_access_group") || n.equals("redcap_survey_identifier"))
        || (!names.isEmpty() && names.get(0).equals("record_id") && names.stream().anyMatch(n -> n.endsWith("_complete")))) {
      return REDCAP;
    }
    if (names.size() >= 4 && ((names.get(0).equals("id") && names.get(1).equals("submitdate") && names.get(2).equals("lastpage"))
        || (names.get(0).equals("response id") && names.get(1).equals("date submitted") && names.get(2).equals("last page")))) {
      return LIMESURVEY;
    }
    return TEMPLATE;
  }

  static String normal(String name) {
    String n = name == null ? "" : name;
    if (n.startsWith("\uFEFF")) {
      n = n.substring(1);
    }
    return n.trim().toLowerCase(Locale.ROOT);
  }
}
