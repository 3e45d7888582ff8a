/**
 * USB tokens and HSMs through PKCS#11 (the IAIK wrapper). Start with {@link vn.kyso.pkcs11.Pkcs11Tokens}
 * ({@code Pkcs11Tokens.first().login(pin)}, or a chosen driver and label). {@link vn.kyso.pkcs11.Pkcs11Module} loads a
 * driver once per process and lists its {@link vn.kyso.pkcs11.TokenSlot slots}; a
 * {@link vn.kyso.pkcs11.Pkcs11Token} logs in and hands out {@link vn.kyso.api.token.SigningKey signing keys}
 * whose private keys never leave the token; {@link vn.kyso.pkcs11.DriverDiscovery} finds installed drivers.
 * Nothing here prints or logs a PIN; IAIK types never appear in a public signature.
 */
@NullMarked
package vn.kyso.pkcs11;

import org.jspecify.annotations.NullMarked;
