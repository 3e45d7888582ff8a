/**
 * Document input (file or bytes) and atomic file output.
 * Nothing here is null unless annotated {@code @Nullable}.
 */
@NullMarked
package vn.kyso.api.io;

import org.jspecify.annotations.NullMarked;
