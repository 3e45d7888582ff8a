/**
 * The verifier of every format and profile.
 * Nothing here is null unless annotated {@code @Nullable}.
 */
@NullMarked
package vn.kyso.core.verify;

import org.jspecify.annotations.NullMarked;
