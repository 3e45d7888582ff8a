/**
 * RFC 3161 time-stamp client.
 * Nothing here is null unless annotated {@code @Nullable}.
 */
@NullMarked
package vn.kyso.core.tsp;

import org.jspecify.annotations.NullMarked;
