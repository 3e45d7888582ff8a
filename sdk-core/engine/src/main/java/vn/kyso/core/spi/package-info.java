/**
 * The plug-in interface of format verifiers and the validation context they receive.
 * Nothing here is null unless annotated {@code @Nullable}.
 */
@NullMarked
package vn.kyso.core.spi;

import org.jspecify.annotations.NullMarked;
