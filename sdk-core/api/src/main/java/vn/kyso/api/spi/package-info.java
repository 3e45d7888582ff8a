/**
 * The service-provider interface for engines and key implementations (sealed two-phase state, DigestInfo encoding).
 * Nothing here is null unless annotated {@code @Nullable}.
 */
@NullMarked
package vn.kyso.api.spi;

import org.jspecify.annotations.NullMarked;
