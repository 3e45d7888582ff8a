/**
 * CAdES (CMS) signatures of any file.
 * Nothing here is null unless annotated {@code @Nullable}.
 */
@NullMarked
package vn.kyso.core.cades;

import org.jspecify.annotations.NullMarked;
