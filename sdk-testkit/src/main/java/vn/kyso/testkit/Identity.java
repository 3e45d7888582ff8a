package vn.kyso.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import vn.kyso.api.internal.Args;

/**
 * One key holder of a {@link Sandbox}: a test person, the organisation, the TSA or the OCSP responder,
 * with its private key and its certificate chain.
 *
 * <p>Guarantees: immutable and thread-safe; {@link #chain()} is always {@code [leaf, issuing CA, root]}
 * and each certificate in it is signed by the next one; the private key matches the certificate. The key
 * is a throw-away test key generated at run time: never use it for anything but tests.
 */
public final class Identity {
    private final String name;
    private final X509Certificate certificate;
    private final PrivateKey privateKey;
    private final List<X509Certificate> chain;

    Identity(String name, PrivateKey privateKey, List<X509Certificate> chain) {
        this.name = Args.notNull(name, "name");
        this.privateKey = Args.notNull(privateKey, "privateKey");
        this.chain = List.copyOf(chain);
        this.certificate = this.chain.get(0);
    }

    /**
     * {@return the sandbox's name for this identity: {@code person1}, {@code person2}, {@code person3},
     * {@code org},
     * {@code revoked}, {@code expired}, {@code tsa} or {@code ocsp}} It is also the PKCS#12 alias and the
     * base name of the file {@link Sandbox#writeTo(Path)} writes.
     */
    public String name() {
        return name;
    }

    /** {@return the identity's own (leaf) certificate} */
    public X509Certificate certificate() {
        return certificate;
    }

    /** {@return the private key matching {@link #certificate()}} */
    public PrivateKey privateKey() {
        return privateKey;
    }

    /**
     * Leaf, issuing CA, root: an unmodifiable list.
     *
     * @return the certificate first, then its issuing CA and the root
     */
    public List<X509Certificate> chain() {
        return chain;
    }

    /**
     * {@return a PKCS#12 key store (as written by the JDK) holding the private key and the whole chain under
     * the
     * alias {@link #name()}, protected by {@code password}} The password array is not kept.
     *
     * @param password printable ASCII (the JDK's PKCS#12 encryption refuses other characters)
     * @throws IllegalArgumentException if the password holds characters other than printable ASCII
     * @throws IllegalStateException if the JDK cannot build the key store
     */
    public byte[] pkcs12(char[] password) {
        Args.notNull(password, "password");
        for (char c : password) {
            if (c < 0x20 || c > 0x7e) {
                throw new IllegalArgumentException("PKCS#12 passwords must be printable ASCII");
            }
        }
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry(name, privateKey, password, chain.toArray(new X509Certificate[0]));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ks.store(out, password);
            return out.toByteArray();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build the PKCS#12 of " + name, e);
        }
    }

    /**
     * Writes {@link #pkcs12(char[])} to a file atomically (temporary file then rename), creating the parent
     * directories.
     *
     * @param file the .p12 file to write
     * @param password its password
     * @return {@code file}
     * @throws IllegalArgumentException if the password holds characters other than printable ASCII
     * @throws UncheckedIOException if the file cannot be written
     */
    public Path writePkcs12(Path file, char[] password) {
        Args.notNull(file, "file");
        FileIo.writeAtomically(file, pkcs12(password));
        return file;
    }

    @Override
    public String toString() {
        return "Identity[" + name + ", " + certificate.getSubjectX500Principal().getName() + "]";
    }
}
