package io.webhookkit.jaxrs;

import io.webhookkit.core.WebhookGuard;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Lets providers' verification handshakes reach the guard: a {@code GET}, {@code HEAD} or {@code
 * OPTIONS} request on the path of a guarded {@code POST} resource method that has no method of its
 * own for it is matched as that {@code POST} (remembering its real method), so that {@link
 * WebhookContainerRequestFilter} decides it — Meta's and X's {@code GET} challenges, Dropbox's,
 * Okta's and the CloudEvents {@code OPTIONS} are answered although the resource declares only
 * {@code @POST}. Such a request never reaches the resource method: the guard answers every {@code
 * GET}/{@code HEAD}/{@code OPTIONS}, as a handshake or a refusal ({@code 405 method_not_allowed}
 * when it verified). Other requests pass untouched.
 */
@Provider
@PreMatching
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION)
public class WebhookHandshakeFilter implements ContainerRequestFilter {
  /** The request property holding the method a handshake was sent with. */
  public static final String HANDSHAKE_METHOD = "io.webhookkit.jaxrs.handshakeMethod";

  @Inject private @Nullable WebhookExtension extension;
  private volatile @Nullable HandshakePaths paths;

  @Override
  public void filter(ContainerRequestContext request) {
    if (!WebhookGuard.isHandshakeMethod(request.getMethod())) {
      return;
    }
    HandshakePaths p = paths;
    if (p == null) {
      p = extension == null ? new HandshakePaths(List.of()) : extension.handshakePaths();
      paths = p;
    }
    if (p.isEmpty() || p.match(request.getUriInfo().getPath()).isEmpty()) {
      return;
    }
    request.setProperty(HANDSHAKE_METHOD, request.getMethod());
    request.setMethod("POST");
  }
}
