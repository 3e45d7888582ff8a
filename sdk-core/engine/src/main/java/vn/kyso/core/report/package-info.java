/**
 * Writing verification reports as text and JSON.
 * Nothing here is null unless annotated {@code @Nullable}.
 */
@NullMarked
package vn.kyso.core.report;

import org.jspecify.annotations.NullMarked;
