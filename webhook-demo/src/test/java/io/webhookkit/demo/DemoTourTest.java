package io.webhookkit.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the README's first command's tour, as a newcomer would: the demo relaunches itself with its
 * printed demo secrets, serves the real web.xml on loopback and checks every scenario's status,
 * reason and handler calls; it exits 0 only when all are as promised. The relaunched tour's output
 * is the failure message, so that a differing row (marked {@code !}) shows in the build log.
 */
class DemoTourTest {
  @Test
  void theTourGetsEveryPromisedAnswer(@TempDir Path dir) throws Exception {
    Path output = dir.resolve("tour.txt");
    int exit = DemoMain.run(new String[] {"tour"}, ProcessBuilder.Redirect.to(output.toFile()));
    String printed = Files.readString(output, StandardCharsets.UTF_8);
    assertThat(exit).as(printed).isZero();
    assertThat(printed)
        .contains("Every result is what the kit promises.")
        .contains("oversized (600KB > 512KB)")
        .contains("unknown endpoint")
        .contains("slow handler (deferred)")
        .contains("failing handler: 3 tries")
        .contains("replay of the dead one");
    // The parent prints the demo defaults once; the tour itself never prints a secret.
    assertThat(DemoMain.DEMO_SECRETS.values())
        .allSatisfy(s -> assertThat(printed).doesNotContain(s));
  }
}
