/**
 * What every signer shares: key, level, time-stamps, trust, revocation, listeners and two-phase state settings.
 * Nothing here is null unless annotated {@code @Nullable}.
 */
@NullMarked
package vn.kyso.core.sign;

import org.jspecify.annotations.NullMarked;
