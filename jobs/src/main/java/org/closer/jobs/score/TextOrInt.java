package org.closer.jobs.score;

import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.codegen.UnsafeRowWriter;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.StringType;

/**
 * Key and design columns, which are text or whole numbers, copied from one of Spark's internal rows
 * into a row being written: the text's bytes straight from the row, nothing boxed.
 */
final class TextOrInt {
  private TextOrInt() {}

  /** Which of the columns are text; a column of another type is a bug in the datasets' schemas. */
  static boolean[] text(DataType[] types, String what) {
    boolean[] text = new boolean[types.length];
    for (int i = 0; i < types.length; i++) {
      if (!(types[i] instanceof StringType) && !(types[i] instanceof IntegerType)) {
        throw new IllegalStateException(what + " is " + types[i]);
      }
      text[i] = types[i] instanceof StringType;
    }
    return text;
  }

  static void copy(InternalRow from, int column, boolean text, UnsafeRowWriter to, int at) {
    if (from.isNullAt(column)) {
      to.setNullAt(at);
    } else if (text) {
      to.write(at, from.getUTF8String(column));
    } else {
      to.write(at, from.getInt(column));
    }
  }
}
