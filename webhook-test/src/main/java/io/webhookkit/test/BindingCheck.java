package io.webhookkit.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.Collection;
import java.util.UUID;

/**
 * The check that a framework's own body binding still works behind the guard, shared by the
 * adapters' application tests. The application under the check serves {@code POST} {@code
 * /app/map}, {@code /app/pojo} and {@code /app/string} behind a GitHub endpoint, binds the body as
 * a {@code Map}, a POJO with a {@code ref} property and a {@code String}, and records what it saw
 * as {@code "map <delivery id> <ref>"}, {@code "pojo <delivery id> <ref>"} and {@code "string
 * <event type> <body length>"}. Sends real HTTP/1.1.
 */
public final class BindingCheck {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private BindingCheck() {}

  /**
   * Runs the check.
   *
   * @param base the application's base URI, e.g. {@code http://127.0.0.1:8080}
   * @param secret the GitHub endpoint's secret
   * @param seen what the application recorded (read after the deliveries)
   */
  public static void mapPojoAndStringBind(URI base, String secret, Collection<String> seen)
      throws IOException, InterruptedException {
    String id = UUID.randomUUID().toString();
    String push = "{\"ref\":\"refs/heads/main\",\"repository\":{\"name\":\"kit\"}}";
    TestDelivery map = TestDelivery.github(secret).withId(id + "-m").withBody(push);
    TestDelivery pojo = TestDelivery.github(secret).withId(id + "-p").withBody(push);
    TestDelivery string = TestDelivery.github(secret).withId(id + "-s").withBody(push);

    assertThat(send(base.resolve("/app/map"), map)).isEqualTo(200);
    assertThat(send(base.resolve("/app/pojo"), pojo)).isEqualTo(200);
    assertThat(send(base.resolve("/app/string"), string)).isEqualTo(200);

    assertThat(seen)
        .contains(
            "map " + id + "-m refs/heads/main",
            "pojo " + id + "-p refs/heads/main",
            "string push " + string.body().length);
  }

  private static int send(URI uri, TestDelivery delivery) throws IOException, InterruptedException {
    return CLIENT
        .send(delivery.toHttpRequest(uri), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
