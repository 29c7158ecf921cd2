package io.webhookkit.jaxrs.app;

import io.webhookkit.test.ManagementJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

/** The conformance kit's management hooks over the JAX-RS {@code WebhookInboxResource}. */
public final class InboxOverHttp {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private InboxOverHttp() {}

  private static HttpResponse<String> send(URI uri, String method, String user) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri).method(method, HttpRequest.BodyPublishers.noBody());
    if (!user.equals("-")) {
      b.header("Authorization", "Bearer " + user);
    }
    return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The status of a call as this user ({@code operator}, {@code guest}, or {@code -}: none). */
  public static int status(URI inbox, String method, String path, String user) throws Exception {
    return send(inbox.resolve(path), method, user).statusCode();
  }

  /** The dead deliveries of an endpoint, listed by the operator. */
  public static List<String> dead(URI inbox, String endpoint) throws Exception {
    HttpResponse<String> r = send(inbox, "GET", "operator");
    if (r.statusCode() != 200) {
      throw new AssertionError("inbox answered " + r.statusCode() + ": " + r.body());
    }
    return ManagementJson.deadKeys(r.body(), endpoint);
  }

  /** Replays an endpoint's dead deliveries as the operator. */
  public static int replay(URI inbox, String endpoint) throws Exception {
    HttpResponse<String> r =
        send(inbox.resolve("inbox/" + endpoint + "/replay"), "POST", "operator");
    if (r.statusCode() != 200) {
      throw new AssertionError("replay answered " + r.statusCode() + ": " + r.body());
    }
    return ManagementJson.replayed(r.body());
  }
}
