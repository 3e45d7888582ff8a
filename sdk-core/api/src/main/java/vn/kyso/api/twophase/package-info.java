/**
 * Two-phase signing: the digest to sign and the sealed state that travels between prepare and complete.
 * Nothing here is null unless annotated {@code @Nullable}.
 */
@NullMarked
package vn.kyso.api.twophase;

import org.jspecify.annotations.NullMarked;
