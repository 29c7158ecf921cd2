package io.webhookkit.core.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The remote-key settings: what they accept, and how a test server stands in for a key host. */
class RemoteKeysTest {
  private static final URI SUBSCRIBE =
      URI.create(
          "https://sns.us-west-2.amazonaws.com/?Action=ConfirmSubscription"
              + "&TopicArn=arn%3Aaws%3Asns%3Aus-west-2%3A123456789012%3Aorders&Token=a%2Bb");

  @Test
  void withoutATestServerAUrlIsFetchedAsGiven() {
    assertThat(RemoteKeys.defaults().resolve(SUBSCRIBE)).isSameAs(SUBSCRIBE);
  }

  @Test
  void theTestServerTakesTheHostAndKeepsPathQueryAndEscapes() {
    URI moved = RemoteKeys.builder().testServer("localhost", 8443).build().resolve(SUBSCRIBE);
    assertThat(moved.toString())
        .isEqualTo(
            "https://localhost:8443/?Action=ConfirmSubscription"
                + "&TopicArn=arn%3Aaws%3Asns%3Aus-west-2%3A123456789012%3Aorders&Token=a%2Bb");
  }

  @Test
  void aClientThatFollowsRedirectsOrAnUnboundedTimeOutIsRefused() {
    assertThatThrownBy(
            () ->
                RemoteKeys.builder()
                    .httpClient(
                        HttpClient.newBuilder()
                            .followRedirects(HttpClient.Redirect.NORMAL)
                            .build()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RemoteKeys.builder().timeout(Duration.ofSeconds(11)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RemoteKeys.builder().timeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
