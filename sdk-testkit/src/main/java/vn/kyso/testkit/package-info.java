/**
 * Kyso testkit: a sandbox PKI with Vietnamese-style certificates and real loopback servers (RFC 3161
 * TSA, RFC 6960 OCSP, CRLs, CA certificates) for tests, demos and {@code kyso sandbox serve}.
 *
 * <p>Public API: {@link vn.kyso.testkit.Sandbox}, {@link vn.kyso.testkit.Identity} and
 * {@link vn.kyso.testkit.SoftHsm2} (throw-away SoftHSM2 tokens holding sandbox keys). Everything else in
 * this package is package-private. Nothing here is meant for production: keys are generated at run time
 * and every file uses the public password {@link vn.kyso.testkit.Sandbox#PASSWORD}.
 */
@NullMarked
package vn.kyso.testkit;

import org.jspecify.annotations.NullMarked;
