/**
 * Remote and mobile signing (SIM PKI, cloud signing services) as ordinary signing keys. Android-safe.
 * Nothing here is null unless annotated {@code @Nullable}.
 */
@NullMarked
package vn.kyso.mobile;

import org.jspecify.annotations.NullMarked;
