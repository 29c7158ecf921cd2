/**
 * Verification keys fetched at run time from pinned hosts (the groundwork of the remote-key
 * presets): not exported.
 */
@NullMarked
package io.webhookkit.core.internal.keys;

import org.jspecify.annotations.NullMarked;
