/** The runnable demo. */
@NullMarked
package io.webhookkit.demo;

import org.jspecify.annotations.NullMarked;
