/**
 * The one shape of every signer ({@link vn.kyso.api.sign.DocumentSigner}) and the options every format
 * shares ({@link vn.kyso.api.sign.SignatureOptions}).
 * Nothing here is null unless annotated {@code @Nullable}.
 */
@NullMarked
package vn.kyso.api.sign;

import org.jspecify.annotations.NullMarked;
