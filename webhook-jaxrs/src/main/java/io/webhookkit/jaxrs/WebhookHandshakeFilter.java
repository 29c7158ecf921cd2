package io.webhookkit.jaxrs;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Lets providers' verification handshakes reach the guard: a {@code GET}, {@code HEAD} or {@code
 * OPTIONS} request on the path of a guarded {@code POST} resource method that has no method of its
 * own for it is matched as that {@code POST} (remembering its real method), so that {@link
 * WebhookContainerRequestFilter} decides it — Meta's and X's {@code GET} challenges, Dropbox's,
 * Okta's and the CloudEvents {@code OPTIONS} are answered although the resource declares only
 * {@code @POST}. Such a request never reaches the resource method: what the guard does not answer
 * is refused with {@code 405}. Other requests pass untouched.
 */
@Provider
@PreMatching
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION)
public class WebhookHandshakeFilter implements ContainerRequestFilter {
  /** The request property holding the method a handshake was sent with. */
  public static final String HANDSHAKE_METHOD = "io.webhookkit.jaxrs.handshakeMethod";

  private static final Set<String> HANDSHAKE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  @Inject private @Nullable WebhookExtension extension;
  private volatile @Nullable HandshakePaths paths;

  @Override
  public void filter(ContainerRequestContext request) {
    if (!HANDSHAKE_METHODS.contains(request.getMethod())) {
      return;
    }
    HandshakePaths p = paths;
    if (p == null) {
      p = extension == null ? new HandshakePaths(java.util.List.of()) : extension.handshakePaths();
      paths = p;
    }
    if (p.isEmpty() || p.match(request.getUriInfo().getPath()).isEmpty()) {
      return;
    }
    request.setProperty(HANDSHAKE_METHOD, request.getMethod());
    request.setMethod("POST");
  }
}
