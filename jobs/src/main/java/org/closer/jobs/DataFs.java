package org.closer.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;
import org.closer.core.Messages;
import org.closer.core.UserException;

/**
 * Data paths through Hadoop's FileSystem, so that {@code file://}, {@code hdfs://} and {@code s3a://}
 * work alike on the driver.
 */
public final class DataFs {
  /** Where Spark's Parquet writer keeps the dataset's Spark schema in each file's footer. */
  private static final String SPARK_SCHEMA_KEY = "org.apache.spark.sql.parquet.row.metadata";
  private final Configuration conf;

  public DataFs(Configuration conf) {
    this.conf = conf;
  }

  private FileSystem fs(Path p) {
    try {
      FileSystem fs = p.getFileSystem(conf);
      fs.setWriteChecksum(false); // no .crc files beside the report's files on a local disk
      return fs;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The files under {@code dir} (one level of sub-folders, one per clinic) whose names end with one of
   * {@code suffixes}, sorted by path. Hidden files and folders (".", "_") are skipped.
   */
  public List<Path> list(String dir, String... suffixes) {
    Path p = new Path(dir);
    try {
      FileSystem fs = fs(p);
      if (!fs.exists(p)) {
        throw UserException.inputRefused(Messages.cannot("find input folder", dir, null,
            "Pass --input with the folder that holds the study's exports"));
      }
      List<Path> out = new ArrayList<>();
      if (fs.getFileStatus(p).isFile()) {
        out.add(fs.getFileStatus(p).getPath());
        return out;
      }
      for (FileStatus s : fs.listStatus(p)) {
        if (hidden(s.getPath())) {
          continue;
        }
        FileStatus[] inner = s.isDirectory() ? fs.listStatus(s.getPath()) : new FileStatus[] {s};
        for (FileStatus f : inner) {
          String name = f.getPath().getName().toLowerCase(Locale.ROOT);
          if (f.isFile() && !hidden(f.getPath()) && java.util.Arrays.stream(suffixes).anyMatch(name::endsWith)) {
            out.add(f.getPath());
          }
        }
      }
      out.sort((a, b) -> a.toString().compareTo(b.toString()));
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean hidden(Path p) {
    return p.getName().startsWith(".") || p.getName().startsWith("_");
  }

  /** A file's name relative to the input folder ("c02/export.csv"): how it is named in every output. */
  public static String relativeName(String root, Path file) {
    String r = new Path(root).toUri().getPath();
    String f = file.toUri().getPath();
    String prefix = r.endsWith("/") ? r : r + "/";
    return f.startsWith(prefix) ? f.substring(prefix.length()) : file.getName();
  }

  /** The file for Parquet's reader, through the same file system. */
  public org.apache.parquet.io.InputFile inputFile(Path file) {
    try {
      return org.apache.parquet.hadoop.util.HadoopInputFile.fromPath(file, conf);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Rows of a Parquet dataset written by Spark, summed from its files' footers on the driver: a
   * count through Spark would run three jobs (schema, then a two-stage count) for the same footers.
   */
  public long parquetRows(String dir) {
    long rows = 0;
    for (Path file : list(dir, ".parquet")) {
      try (ParquetFileReader reader = ParquetFileReader.open(inputFile(file))) {
        rows += reader.getRecordCount();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return rows;
  }

  /**
   * The Spark schema a Parquet dataset was written with, from the footer of its first file, so that
   * reading it needs no job to infer it; empty when the dataset has no file or Spark left no schema.
   */
  public Optional<StructType> sparkSchema(String dir) {
    List<Path> files = list(dir, ".parquet");
    if (files.isEmpty()) {
      return Optional.empty();
    }
    try (ParquetFileReader reader = ParquetFileReader.open(inputFile(files.get(0)))) {
      String json = reader.getFileMetaData().getKeyValueMetaData().get(SPARK_SCHEMA_KEY);
      return json == null ? Optional.empty()
          : Optional.of((StructType) DataType.fromJson(json));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public InputStream open(Path file) throws IOException {
    return fs(file).open(file);
  }

  public byte[] bytes(Path file) {
    try (InputStream in = open(file)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Names of the entries directly in a folder; none when it does not exist. */
  public List<String> children(String dir) {
    Path p = new Path(dir);
    try {
      FileSystem fs = fs(p);
      if (!fs.exists(p)) {
        return List.of();
      }
      List<String> out = new ArrayList<>();
      for (FileStatus s : fs.listStatus(p)) {
        out.add(s.getPath().getName());
      }
      out.sort(null);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Renames a file or folder; the target must not exist. */
  public void rename(String from, String to) {
    Path a = new Path(from);
    Path b = new Path(to);
    try {
      if (!fs(a).rename(a, b)) {
        throw new IOException("rename " + from + " to " + to + " failed");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes a file or folder with everything in it; nothing when it does not exist. */
  public void delete(String path) {
    Path p = new Path(path);
    try {
      fs(p).delete(p, true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void mkdirs(String dir) {
    Path p = new Path(dir);
    try {
      fs(p).mkdirs(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Bytes under a file or folder, or 0 when there is nothing there. */
  public long totalSize(String path) {
    Path p = new Path(path);
    try {
      FileSystem fs = fs(p);
      return fs.exists(p) ? fs.getContentSummary(p).getLength() : 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public boolean isFile(String path) {
    Path p = new Path(path);
    try {
      return fs(p).isFile(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public boolean exists(String path) {
    Path p = new Path(path);
    try {
      return fs(p).exists(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Up to {@code n} bytes from the start of the file. */
  public byte[] head(Path file, int n) {
    try (InputStream in = fs(file).open(file)) {
      return in.readNBytes(n);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String sha256(Path file) {
    try (InputStream in = new DigestInputStream(fs(file).open(file), MessageDigest.getInstance("SHA-256"))) {
      byte[] buffer = new byte[1 << 16];
      while (in.read(buffer) >= 0) {
        // reading feeds the digest
      }
      return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public long size(Path file) {
    try {
      return fs(file).getFileStatus(file).getLen();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String read(String path) {
    Path p = new Path(path);
    try (InputStream in = fs(p).open(p)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void write(String path, String text) {
    write(path, text.getBytes(StandardCharsets.UTF_8));
  }

  public void write(String path, byte[] bytes) {
    Path p = new Path(path);
    try (OutputStream out = fs(p).create(p, true)) {
      out.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
