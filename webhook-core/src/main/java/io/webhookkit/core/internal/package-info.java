/**
 * Helpers of the core: parsers for header grammars and configuration values, IP literals and CIDR
 * blocks, hex and constant-time helpers. Not exported from the module; not API.
 */
@NullMarked
package io.webhookkit.core.internal;

import org.jspecify.annotations.NullMarked;
