/**
 * Providers: named presets that say how a provider signs, where its delivery id and event type
 * live, what its payload looks like, and which endpoint-verification handshakes it uses. Third
 * parties add their own through {@link java.util.ServiceLoader} of {@link
 * io.webhookkit.core.provider.Provider}.
 */
@NullMarked
package io.webhookkit.core.provider;

import org.jspecify.annotations.NullMarked;
