/**
 * The stable public types of Kyso: error codes and the one exception type, languages, formats, levels and algorithms.
 * Nothing here is null unless annotated {@code @Nullable}.
 */
@NullMarked
package vn.kyso.api;

import org.jspecify.annotations.NullMarked;
