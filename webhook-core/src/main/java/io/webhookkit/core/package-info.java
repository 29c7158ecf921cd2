/**
 * The framework-neutral core of webhook-kit: the request model, the guard that decides each
 * request, and the event handlers receive.
 *
 * <p>Adapters build a {@link io.webhookkit.core.WebhookRequest}, ask a {@link
 * io.webhookkit.core.WebhookGuard} for a {@link io.webhookkit.core.Decision}, write a {@code
 * Respond} as it is, or hand a {@code Proceed}'s event to the handler and settle its ticket with
 * the handler's status. Untrusted input never throws: it becomes a decision with a reason code.
 */
@NullMarked
package io.webhookkit.core;

import org.jspecify.annotations.NullMarked;
