package io.webhookkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Member;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The public API of webhook-core, as a checked-in dump ({@code api/webhook-core.api}, OkHttp's
 * habit): every public type of an exported package with its public and protected members. A change
 * to the API fails here until the dump is rewritten on purpose, with {@code ./mvnw -pl webhook-core
 * test -Dtest=ApiDumpTest -Dwebhook.api.update=true}, and the diff reviewed.
 */
class ApiDumpTest {
  private static final Path DUMP = Path.of("api/webhook-core.api");
  private static final Path CLASSES = Path.of("target/classes");

  @Test
  void thePublicApiIsTheCheckedInDump() throws Exception {
    String actual = dump();
    if (Boolean.getBoolean("webhook.api.update")) {
      Files.createDirectories(DUMP.getParent());
      Files.writeString(DUMP, actual, StandardCharsets.UTF_8);
    }
    assertThat(actual)
        .as(
            "the public API changed; if on purpose, rewrite %s with -Dwebhook.api.update=true"
                + " and list the change in CHANGELOG.md",
            DUMP)
        .isEqualTo(Files.readString(DUMP, StandardCharsets.UTF_8));
  }

  static String dump() throws IOException, ClassNotFoundException {
    List<String> packages = exportedPackages();
    List<String> names = new ArrayList<>();
    for (String pkg : packages) {
      Path dir = CLASSES.resolve(pkg.replace('.', '/'));
      try (Stream<Path> files = Files.list(dir)) {
        files
            .map(p -> p.getFileName().toString())
            .filter(f -> f.endsWith(".class") && !f.equals("package-info.class"))
            .map(f -> pkg + "." + f.substring(0, f.length() - ".class".length()))
            .forEach(names::add);
      }
    }
    names.sort(null);
    StringBuilder out = new StringBuilder();
    for (String name : names) {
      Class<?> type = Class.forName(name, false, ApiDumpTest.class.getClassLoader());
      if (!isVisible(type)) {
        continue;
      }
      out.append(Modifier.toString(type.getModifiers() & ~Modifier.STATIC & ~Modifier.INTERFACE))
          .append(' ')
          .append(kind(type))
          .append(' ')
          .append(type.getName())
          .append('\n');
      List<String> members = new ArrayList<>();
      Stream.of(type.getDeclaredConstructors())
          .filter(ApiDumpTest::isVisible)
          .forEach(c -> members.add(c.toGenericString()));
      Stream.of(type.getDeclaredMethods())
          .filter(m -> !m.isSynthetic() && !m.isBridge() && isVisible(m))
          .forEach(m -> members.add(m.toGenericString()));
      Stream.of(type.getDeclaredFields())
          .filter(f -> !f.isSynthetic() && isVisible(f))
          .forEach(f -> members.add(f.toGenericString()));
      members.sort(null);
      members.forEach(m -> out.append("  ").append(m).append('\n'));
    }
    return out.toString();
  }

  private static String kind(Class<?> type) {
    if (type.isAnnotation()) {
      return "@interface";
    }
    if (type.isInterface()) {
      return "interface";
    }
    if (type.isEnum()) {
      return "enum";
    }
    return type.isRecord() ? "record" : "class";
  }

  private static boolean isVisible(Class<?> type) {
    for (Class<?> t = type; t != null; t = t.getDeclaringClass()) {
      if (!Modifier.isPublic(t.getModifiers()) && !Modifier.isProtected(t.getModifiers())) {
        return false;
      }
    }
    return !type.isAnonymousClass() && !type.isSynthetic();
  }

  private static boolean isVisible(Member member) {
    int m = member.getModifiers();
    return Modifier.isPublic(m)
        || (Modifier.isProtected(m)
            && !Modifier.isFinal(member.getDeclaringClass().getModifiers()));
  }

  private static List<String> exportedPackages() throws IOException {
    String moduleInfo =
        Files.readString(Path.of("src/main/java/module-info.java"), StandardCharsets.UTF_8);
    Matcher m =
        Pattern.compile("^\\s*exports\\s+([\\w.]+)\\s*;", Pattern.MULTILINE).matcher(moduleInfo);
    List<String> packages = new ArrayList<>();
    while (m.find()) {
      packages.add(m.group(1));
    }
    assertThat(packages).isNotEmpty();
    return Arrays.asList(packages.toArray(String[]::new));
  }
}
