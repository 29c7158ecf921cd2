/** Micrometer meters for the kit's attempts (needs the optional {@code micrometer-core}). */
@NullMarked
package io.webhookkit.core.metrics;

import org.jspecify.annotations.NullMarked;
