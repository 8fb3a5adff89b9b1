package org.closer.core.ingest;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * What one input file gave. For every file {@code rows == accepted + quarantined}; a run that
 * cannot show that stops.
 *
 * @param name file name relative to the input folder
 * @param format the export's format, told from its signature
 * @param kind {@code survey} or {@code roster}
 * @param rows records after the header rows (blank lines are not rows)
 * @param accepted rows in {@code responses} (survey) or used as the couple's design (roster)
 * @param unknownColumns header names that were not read
 * @param identifierColumns header names that identify a person: dropped before anything was read
 * @param sameAs the earlier upload with the same bytes, when this one was not read for that reason
 * @param replacedBy the newer export of the same survey that replaced this one, which was not read
 */
public record FileSummary(
    @JsonProperty("name") String name,
    @JsonProperty("format") String format,
    @JsonProperty("sha256") String sha256,
    @JsonProperty("bytes") long bytes,
    @JsonProperty("kind") String kind,
    @JsonProperty("rows") long rows,
    @JsonProperty("accepted") long accepted,
    @JsonProperty("quarantined") long quarantined,
    @JsonProperty("unknown_columns") List<String> unknownColumns,
    @JsonProperty("identifier_columns") List<String> identifierColumns,
    @JsonProperty("same_as") String sameAs,
    @JsonProperty("replaced_by") String replacedBy) {

  /** An upload that was not read: the same bytes as another, or replaced by a newer export. */
  public static FileSummary notRead(String name, String sha256, long bytes, String sameAs, String replacedBy) {
    return new FileSummary(name, null, sha256, bytes, null, 0, 0, 0, List.of(), List.of(), sameAs, replacedBy);
  }

  public boolean read() {
    return sameAs == null && replacedBy == null;
  }

  /** How the upload was used, for people: "read", "same bytes as X" or "replaced by X". */
  public String batch() {
    return sameAs != null ? "same bytes as " + sameAs : replacedBy != null ? "replaced by " + replacedBy : "read";
  }
}
