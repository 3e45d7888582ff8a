/**
 * XAdES and XMLDSig signatures of XML documents, parsed with hardened settings.
 * Nothing here is null unless annotated {@code @Nullable}.
 */
@NullMarked
package vn.kyso.xml;

import org.jspecify.annotations.NullMarked;
