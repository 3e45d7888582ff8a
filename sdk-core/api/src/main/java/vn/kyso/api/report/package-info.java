/**
 * Verification reports: verdicts, indications and per-signature results, with messages in Vietnamese and English.
 * Nothing here is null unless annotated {@code @Nullable}.
 */
@NullMarked
package vn.kyso.api.report;

import org.jspecify.annotations.NullMarked;
