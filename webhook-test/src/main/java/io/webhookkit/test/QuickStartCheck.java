package io.webhookkit.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;

/**
 * The check every README quick start passes, as an application of yours can: a GitHub-signed
 * delivery is accepted, its duplicate gets the stored status without the handler running again, and
 * a tampered or forged one is refused with 401. Sends real HTTP/1.1.
 */
public final class QuickStartCheck {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private QuickStartCheck() {}

  /**
   * Runs the check against a GitHub endpoint.
   *
   * @param endpoint the endpoint's URI
   * @param secret the endpoint's secret
   * @param accepted the status the handler answers a delivery with
   */
  public static void github(URI endpoint, String secret, int accepted)
      throws IOException, InterruptedException {
    TestDelivery push = TestDelivery.github(secret);

    assertThat(send(endpoint, push)).isEqualTo(accepted);
    assertThat(send(endpoint, push)).as("a duplicate gets the stored status").isEqualTo(accepted);
    assertThat(send(endpoint, push.withTamperedBody())).isEqualTo(401);
    assertThat(send(endpoint, TestDelivery.github("someone-elses-" + secret))).isEqualTo(401);
  }

  private static int send(URI endpoint, TestDelivery delivery)
      throws IOException, InterruptedException {
    return CLIENT
        .send(delivery.toHttpRequest(endpoint), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
