/**
 * Tokens and signing keys: one SPI for PKCS#12 files, OS key stores, PKCS#11 tokens, remote services and SIMs.
 * Nothing here is null unless annotated {@code @Nullable}.
 */
@NullMarked
package vn.kyso.api.token;

import org.jspecify.annotations.NullMarked;
