/**
 * The e-office workflow: approvals, issuance number and date, incoming stamps.
 * Nothing here is null unless annotated {@code @Nullable}.
 */
@NullMarked
package vn.kyso.pdf.workflow;

import org.jspecify.annotations.NullMarked;
