/**
 * Certificate reading and the Vietnamese identifiers (tax code, citizen id, ...) found in certificate subjects.
 * Nothing here is null unless annotated {@code @Nullable}.
 */
@NullMarked
package vn.kyso.api.cert;

import org.jspecify.annotations.NullMarked;
