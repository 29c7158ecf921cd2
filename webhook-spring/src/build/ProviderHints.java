import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.webhookkit.core.provider.Provider;
import io.webhookkit.core.provider.Providers;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes webhook-spring's {@code META-INF/additional-spring-configuration-metadata.json} before the
 * compiler runs, so that Spring Boot's configuration processor merges it into the jar's metadata:
 * * the hints of {@code src/build/additional-spring-configuration-metadata.json} plus one value hint of {@code
 * webhook.endpoints.*.provider} for every preset registered in webhook-core, described by its
 * signature column in {@code docs/providers.md}. A new preset thus needs no edit here. Run by the
 * build as a single-file program: {@code java -cp <classpath> ProviderHints.java TEMPLATE DOCS OUT}.
 */
public final class ProviderHints {
  private static final Pattern ROW = Pattern.compile("^\\| `([a-z0-9-]+)` \\| ([^|]+) \\|");

  public static void main(String[] args) throws IOException {
    String template = Files.readString(Path.of(args[0]), StandardCharsets.UTF_8);
    Map<String, String> described = new LinkedHashMap<>();
    for (String line : Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8)) {
      Matcher m = ROW.matcher(line);
      if (m.find()) {
        described.put(m.group(1), plain(m.group(2)));
      }
    }
    StringWriter hint = new StringWriter();
    try (JsonGenerator g = new JsonFactory().createGenerator(hint)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeStringField("name", "webhook.endpoints.values.provider");
      g.writeArrayFieldStart("values");
      for (Provider p : Providers.all()) {
        String description = described.get(p.name());
        if (description == null) {
          throw new IllegalStateException(
              "docs/providers.md has no row for the registered preset " + p.name());
        }
        g.writeStartObject();
        g.writeStringField("value", p.name());
        g.writeStringField("description", description);
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    int at = template.indexOf("\"hints\": [") + "\"hints\": [".length();
    String out = template.substring(0, at) + hint + ",\n" + template.substring(at).stripLeading();
    Path target = Path.of(args[2]);
    Files.createDirectories(target.getParent());
    Files.writeString(target, out, StandardCharsets.UTF_8);
  }

  /** The cell as plain text: no backticks, bold or links. */
  private static String plain(String cell) {
    String text =
        cell.replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1")
            .replace("`", "")
            .replace("**", "")
            .trim();
    return text.length() <= 160 ? text : text.substring(0, 157) + "...";
  }
}
