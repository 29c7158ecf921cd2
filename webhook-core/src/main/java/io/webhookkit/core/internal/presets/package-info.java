/**
 * The built-in presets, one class each, and the handshakes they answer. Not exported: users name a
 * preset by its {@code provider} key, and {@link java.util.ServiceLoader} finds these classes
 * through {@code module-info} ({@code provides … with}) and {@code META-INF/services}. Each is
 * built only from the public parts in {@code io.webhookkit.core.provider} and {@code
 * io.webhookkit.core.signature}, as a third party's preset would be.
 */
@NullMarked
package io.webhookkit.core.internal.presets;

import org.jspecify.annotations.NullMarked;
