package org.closer.core.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.closer.core.Messages;
import org.closer.core.UserException;

/** Binds JSON and YAML configuration strictly and turns binding errors into the project's messages. */
public final class ConfigFiles {
  private ConfigFiles() {}

  public static final ObjectMapper JSON = strict(new ObjectMapper());
  public static final ObjectMapper YAML = strict(new ObjectMapper(new YAMLFactory()));

  private static ObjectMapper strict(ObjectMapper mapper) {
    return mapper
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }

  /**
   * @param file shown in messages
   * @param what what the file is, for example "instrument file"
   */
  public static <T> T read(ObjectMapper mapper, String file, String text, Class<T> type, String what) {
    try {
      return mapper.readValue(text, type);
    } catch (UnrecognizedPropertyException e) {
      // Records are bound through their constructor, so Jackson's location points past the object:
      // the path to the field says where it is.
      throw UserException.inputRefused(Messages.cannot("read unknown field in " + what, e.getPropertyName(),
          file + ", in " + parentPath(e), "Allowed fields there: " + new java.util.TreeSet<>(
              e.getKnownPropertyIds().stream().map(String::valueOf).toList())));
    } catch (JsonProcessingException e) {
      throw refuse(file, e.getLocation(), "read " + what, null, firstLine(e.getOriginalMessage()));
    }
  }

  /** "subscales[0].cutoff" for a field found inside that object, "the top level" for a top-level field. */
  private static String parentPath(UnrecognizedPropertyException e) {
    StringBuilder sb = new StringBuilder();
    var path = e.getPath();
    for (int i = 0; i < path.size() - 1; i++) {
      var ref = path.get(i);
      if (ref.getFieldName() != null) {
        sb.append(sb.length() == 0 ? "" : ".").append(ref.getFieldName());
      } else {
        sb.append('[').append(ref.getIndex()).append(']');
      }
    }
    return sb.length() == 0 ? "the top level" : sb.toString();
  }

  private static String firstLine(String message) {
    int nl = message == null ? -1 : message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }

  private static UserException refuse(String file, JsonLocation location, String what, Object value, String advice) {
    String where = location == null || location.getLineNr() < 0
        ? file
        : file + ", line " + location.getLineNr() + ", column " + location.getColumnNr();
    return UserException.inputRefused(Messages.cannot(what, value, where, advice));
  }
}
