/**
 * Batch signing in any format: {@link vn.kyso.core.batch.BatchSigner} signs every file of a directory
 * with one key through any {@link vn.kyso.api.sign.DocumentSigner} and its options (CAdES, PAdES,
 * XAdES/XMLDSig alike), reports progress to {@link vn.kyso.core.batch.BatchListener}s, writes each
 * output so that it appears only complete, skips outputs already done when re-run, and ends with a
 * {@link vn.kyso.core.batch.BatchSummary}.
 */
@NullMarked
package vn.kyso.core.batch;

import org.jspecify.annotations.NullMarked;
