package vn.kyso.api.cert;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.internal.Args;

/** Reading and fingerprinting X.509 certificates. Every failure is a {@link KysoException}. */
public final class Certificates {
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\\s]+?)-----END CERTIFICATE-----");

    private Certificates() {
    }

    /**
     * Reads every certificate of a PEM or DER file.
     *
     * @param file a PEM or DER file
     * @return the certificates, in file order
     */
    public static List<X509Certificate> read(Path file) {
        Args.notNull(file, "file");
        try {
            return parse(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new KysoException(ErrorCode.INPUT_UNREADABLE, e, file.toString());
        }
    }

    /**
     * Parses PEM (one or more certificates) or DER (one certificate).
     *
     * @param content PEM or DER bytes
     * @return the certificates, in order
     * @throws KysoException {@code CERTIFICATE_UNREADABLE} if nothing parses
     */
    public static List<X509Certificate> parse(byte[] content) {
        Args.notNull(content, "content");
        if (content.length == 0) {
            throw new KysoException(ErrorCode.CERTIFICATE_UNREADABLE, "empty");
        }
        List<X509Certificate> out = new ArrayList<>();
        try {
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            String text = new String(content, StandardCharsets.US_ASCII);
            if (text.contains("-----BEGIN CERTIFICATE-----")) {
                Matcher m = PEM.matcher(text);
                while (m.find()) {
                    byte[] der = Base64.getMimeDecoder().decode(m.group(1));
                    out.add(toX509(cf.generateCertificate(new ByteArrayInputStream(der))));
                }
            } else {
                out.add(toX509(cf.generateCertificate(new ByteArrayInputStream(content))));
            }
        } catch (CertificateException | RuntimeException e) {
            throw new KysoException(ErrorCode.CERTIFICATE_UNREADABLE, e, "X.509");
        }
        if (out.isEmpty()) {
            throw KysoException.localized(ErrorCode.CERTIFICATE_UNREADABLE, null, "không có chứng thư số nào", "no certificate");
        }
        return out;
    }

    private static X509Certificate toX509(java.security.cert.Certificate c) throws CertificateException {
        if (!(c instanceof X509Certificate)) {
            throw new CertificateException("not X.509");
        }
        X509Certificate x = (X509Certificate) c;
        // Force parsing of the parts a lazy provider might defer, so errors surface here.
        x.getSubjectX500Principal();
        x.getPublicKey();
        return x;
    }

    /**
     * {@return the SHA-256 fingerprint in upper-case hex, as published by the CAs}
     *
     * @param certificate the certificate
     */
    public static String sha256Fingerprint(X509Certificate certificate) {
        Args.notNull(certificate, "certificate");
        try {
            return hex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (java.security.GeneralSecurityException e) {
            throw new KysoException(ErrorCode.CERTIFICATE_UNREADABLE, e, "fingerprint");
        }
    }

    /**
     * {@return PEM encoding of a certificate}
     *
     * @param certificate the certificate
     */
    public static String toPem(X509Certificate certificate) {
        Args.notNull(certificate, "certificate");
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new KysoException(ErrorCode.CERTIFICATE_UNREADABLE, e, "encoding");
        }
    }

    static String hex(byte[] bytes) {
        StringBuilder sb = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            sb.append(String.format(Locale.ROOT, "%02X", b));
        }
        return sb.toString();
    }
}
