package io.webhookkit.core;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * One attempt as logged and counted: what came in and how it ended. Contains no secret, signature
 * or body.
 *
 * @param endpoint the endpoint name
 * @param provider the provider preset name
 * @param deliveryId the delivery id, once known (after verification)
 * @param eventType the event type, once known
 * @param clientAddress the resolved client address, or {@code unknown}
 * @param outcome how it ended
 * @param reason the refusal's reason, if refused
 * @param status the HTTP status answered
 * @param duration from the guard's start to settlement
 * @param secretLabel the label of the secret that matched, once verified
 */
public record WebhookAttempt(
    String endpoint,
    String provider,
    @Nullable String deliveryId,
    @Nullable String eventType,
    String clientAddress,
    Outcome outcome,
    @Nullable Reason reason,
    int status,
    Duration duration,
    @Nullable String secretLabel) {}
