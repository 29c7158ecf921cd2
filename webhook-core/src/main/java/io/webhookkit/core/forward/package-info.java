/**
 * {@code processing=forward}: verified deliveries handed to a broker, answered once it
 * acknowledged.
 */
@NullMarked
package io.webhookkit.core.forward;

import org.jspecify.annotations.NullMarked;
