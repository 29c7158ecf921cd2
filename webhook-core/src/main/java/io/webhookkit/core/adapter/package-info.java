/**
 * What the framework adapters share and applications never need to name: reading a bounded body,
 * parsing form fields the way the guard does, endpoint names from annotations. Third-party adapters
 * use these to behave like the kit's own; the policy stays in the guard.
 */
@NullMarked
package io.webhookkit.core.adapter;

import org.jspecify.annotations.NullMarked;
