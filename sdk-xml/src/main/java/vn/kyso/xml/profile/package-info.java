/**
 * Vietnamese XML profiles: e-invoice, e-tax and edXML.
 * Nothing here is null unless annotated {@code @Nullable}.
 */
@NullMarked
package vn.kyso.xml.profile;

import org.jspecify.annotations.NullMarked;
