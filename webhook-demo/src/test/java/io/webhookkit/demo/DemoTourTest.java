package io.webhookkit.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Runs the README's first command's tour, as a newcomer would: the demo relaunches itself with its
 * printed demo secrets, serves the real web.xml on loopback and checks every scenario's status,
 * reason and handler calls; it exits 0 only when all are as promised.
 */
class DemoTourTest {
  @Test
  void theTourGetsEveryPromisedAnswer() throws Exception {
    assertThat(DemoMain.run(new String[] {"tour"})).isZero();
  }
}
