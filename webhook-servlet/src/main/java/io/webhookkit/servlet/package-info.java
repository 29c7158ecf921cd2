/**
 * The Jakarta Servlet adapter: {@link io.webhookkit.servlet.WebhookFilter}, which guards the
 * requests it is mapped to and passes verified events down the chain.
 */
@NullMarked
package io.webhookkit.servlet;

import org.jspecify.annotations.NullMarked;
