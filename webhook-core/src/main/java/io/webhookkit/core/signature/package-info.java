/**
 * Signature schemes: each verifies a provider's signature over the raw body bytes in constant time,
 * with any of several secrets (rotation), and can produce the same signature for tests and senders.
 */
@NullMarked
package io.webhookkit.core.signature;

import org.jspecify.annotations.NullMarked;
