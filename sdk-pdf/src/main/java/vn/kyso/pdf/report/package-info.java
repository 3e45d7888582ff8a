/**
 * Verification reports rendered as PDF.
 * Nothing here is null unless annotated {@code @Nullable}.
 */
@NullMarked
package vn.kyso.pdf.report;

import org.jspecify.annotations.NullMarked;
