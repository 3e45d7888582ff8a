/**
 * Revocation checking options (OCSP, CRL, network, cache).
 * Nothing here is null unless annotated {@code @Nullable}.
 */
@NullMarked
package vn.kyso.core.revocation;

import org.jspecify.annotations.NullMarked;
