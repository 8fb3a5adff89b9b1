package org.closer.jobs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
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
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.closer.core.Messages;
import org.closer.core.UserException;

/**
 * Data paths through Hadoop's FileSystem, so that {@code file://}, {@code hdfs://} and {@code s3a://}
 * work alike on the driver.
 */
public final class DataFs {
  private final Configuration conf;

  public DataFs(Configuration conf) {
    this.conf = conf;
  }

  private FileSystem fs(Path p) {
    try {
      return p.getFileSystem(conf);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The files directly in {@code dir} whose names end with {@code suffix}, sorted by name. */
  public List<Path> list(String dir, String suffix) {
    Path p = new Path(dir);
    try {
      FileSystem fs = fs(p);
      if (!fs.exists(p)) {
        throw UserException.inputRefused(Messages.cannot("find input folder", dir, null,
            "Pass --input with the folder that holds the study's CSV exports"));
      }
      List<Path> out = new ArrayList<>();
      FileStatus[] statuses = fs.getFileStatus(p).isFile() ? new FileStatus[] {fs.getFileStatus(p)} : fs.listStatus(p);
      for (FileStatus s : statuses) {
        if (s.isFile() && s.getPath().getName().toLowerCase(Locale.ROOT).endsWith(suffix)) {
          out.add(s.getPath());
        }
      }
      out.sort((a, b) -> a.getName().compareTo(b.getName()));
      return out;
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

  /** Index (0-based) and text of the first non-blank line, or null for an empty file. */
  public record FirstLine(long index, String text) {}

  public FirstLine firstLine(Path file, java.nio.charset.Charset charset) {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(fs(file).open(file), charset))) {
      long i = 0;
      for (String line = r.readLine(); line != null; line = r.readLine(), i++) {
        if (!line.isBlank()) {
          return new FirstLine(i, line);
        }
      }
      return null;
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
    Path p = new Path(path);
    try (OutputStream out = fs(p).create(p, true)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
