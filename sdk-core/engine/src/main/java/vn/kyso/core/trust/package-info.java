/**
 * Trust anchors: the Vietnamese roots and intermediates, and the user's own.
 * Nothing here is null unless annotated {@code @Nullable}.
 */
@NullMarked
package vn.kyso.core.trust;

import org.jspecify.annotations.NullMarked;
