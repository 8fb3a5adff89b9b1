package org.closer.jobs.ingest;

import java.io.Serializable;
import org.apache.spark.sql.catalyst.InternalRow;
import org.closer.core.ingest.RosterValidator;
import org.closer.core.ingest.SurveyValidator;

/** Core's row checks for one file, giving the ingest's row shape. */
@FunctionalInterface
interface RowValidator extends Serializable {
  /**
   * @param fields the export's fields, or null when the row's quoting is broken
   */
  InternalRow validate(long line, String[] fields);

  static RowValidator of(SurveyValidator v) {
    return (line, fields) -> IngestRows.of(v.validate(line, fields));
  }

  static RowValidator of(RosterValidator v) {
    return (line, fields) -> IngestRows.of(v.validate(line, fields));
  }
}
