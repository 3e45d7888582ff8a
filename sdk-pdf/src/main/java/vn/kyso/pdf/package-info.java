/**
 * PAdES signatures of PDF documents, with visible appearances (Decree 30/2020).
 * Nothing here is null unless annotated {@code @Nullable}.
 */
@NullMarked
package vn.kyso.pdf;

import org.jspecify.annotations.NullMarked;
