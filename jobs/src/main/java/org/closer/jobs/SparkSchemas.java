package org.closer.jobs;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** The Avro schemas of {@code core} as Spark types, and the check a dataset passes before it is written. */
public final class SparkSchemas {
  private SparkSchemas() {}

  public static StructType struct(Schema record) {
    List<StructField> fields = new ArrayList<>();
    for (Schema.Field f : record.getFields()) {
      Schema type = f.schema();
      boolean nullable = false;
      if (type.getType() == Schema.Type.UNION) {
        nullable = type.getTypes().stream().anyMatch(t -> t.getType() == Schema.Type.NULL);
        type = type.getTypes().stream().filter(t -> t.getType() != Schema.Type.NULL).findFirst().orElseThrow();
      }
      fields.add(DataTypes.createStructField(f.name(), sparkType(type), nullable));
    }
    return DataTypes.createStructType(fields);
  }

  private static DataType sparkType(Schema type) {
    return switch (type.getType()) {
      case STRING -> DataTypes.StringType;
      case INT -> DataTypes.IntegerType;
      case LONG -> DataTypes.LongType;
      case DOUBLE -> DataTypes.DoubleType;
      case BOOLEAN -> DataTypes.BooleanType;
      default -> throw new IllegalArgumentException("No Spark type for Avro type " + type);
    };
  }

  /**
   * The schema's columns of {@code df}, in the schema's order; other columns are left out. Fails
   * when a column is missing or has another type.
   */
  public static Dataset<Row> conform(Dataset<Row> df, Schema record) {
    StructType expected = struct(record);
    StructType actual = df.schema();
    List<Column> columns = new ArrayList<>();
    for (StructField want : expected.fields()) {
      StructField have = find(actual, want.name());
      if (have == null) {
        throw new IllegalStateException("Dataset " + record.getName() + " lacks column " + want.name()
            + " of its schema; columns are " + List.of(actual.fieldNames()));
      }
      if (!have.dataType().equals(want.dataType())) {
        throw new IllegalStateException("Dataset " + record.getName() + " column " + want.name() + " is "
            + have.dataType().simpleString() + ", its schema says " + want.dataType().simpleString());
      }
      columns.add(df.col(want.name()));
    }
    return df.select(columns.toArray(Column[]::new));
  }

  private static StructField find(StructType type, String name) {
    for (StructField f : type.fields()) {
      if (f.name().equals(name)) {
        return f;
      }
    }
    return null;
  }
}
