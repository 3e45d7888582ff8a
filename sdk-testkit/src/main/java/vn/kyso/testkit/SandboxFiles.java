package vn.kyso.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.DERBMPString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.Attribute;
import org.bouncycastle.asn1.pkcs.ContentInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.operator.InputDecryptorProvider;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.operator.bc.BcDefaultDigestProvider;
import org.bouncycastle.pkcs.PKCS12PfxPdu;
import org.bouncycastle.pkcs.PKCS12PfxPduBuilder;
import org.bouncycastle.pkcs.PKCS12SafeBag;
import org.bouncycastle.pkcs.PKCS12SafeBagBuilder;
import org.bouncycastle.pkcs.PKCS12SafeBagFactory;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.bc.BcPKCS12MacCalculatorBuilder;
import org.bouncycastle.pkcs.bc.BcPKCS12MacCalculatorBuilderProvider;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEInputDecryptorProviderBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEOutputEncryptorBuilder;
import vn.kyso.api.cert.Certificates;

/**
 * Writes a sandbox to a directory and reads it back.
 *
 * <p>{@code sandbox-ca.p12} holds every key of the sandbox (friendly names {@code root}, {@code issuing}
 * and the leaf names) with its certificate, plus the current CRL of each CA (friendly names
 * {@code root.crl}, {@code issuing.crl}) in standard PKCS#12 crlBags: those CRLs carry the revocations and
 * the last CRL number. Keys are encrypted with PBES2 (PBKDF2-HMAC-SHA256, AES-256-CBC), the whole file
 * is protected by an HMAC-SHA256 PKCS#12 MAC, both with {@link Sandbox#PASSWORD}.
 */
final class SandboxFiles {
    static final String ROOT_PEM = "root.pem";
    static final String CHAIN_PEM = "chain.pem";
    static final String CA_STORE = "sandbox-ca.p12";
    static final String JSON = "sandbox.json";
    private static final String ROOT_CRL = "root.crl";
    private static final String ISSUING_CRL = "issuing.crl";
    private static final int PBKDF2_ITERATIONS = 10_000;
    /** A private instance for PBES2: the JDK providers lack what BC's JCE PBE builders ask for. Never registered. */
    private static final Provider BC = new BouncyCastleProvider();

    private SandboxFiles() {
    }

    static void write(Pki pki, Path dir) {
        char[] password = Sandbox.PASSWORD.toCharArray();
        FileIo.writeAtomically(dir.resolve(ROOT_PEM), pem(List.of(pki.root().certificate())));
        FileIo.writeAtomically(dir.resolve(CHAIN_PEM), pem(List.of(pki.issuing().certificate())));
        for (String name : Pki.FILE_LEAVES) {
            pki.identity(name).writePkcs12(dir.resolve(name + ".p12"), password);
        }
        FileIo.writeAtomically(dir.resolve(CA_STORE), caStore(pki, password));
        FileIo.writeAtomically(dir.resolve(JSON), json(pki));
    }

    static Pki load(Path dir) {
        JsonNode json;
        try {
            json = new ObjectMapper().readTree(dir.resolve(JSON).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir.resolve(JSON), e);
        }
        JsonNode port = json.get("port");
        if (port == null || !port.canConvertToInt()) {
            throw new IllegalStateException(dir.resolve(JSON) + " has no port");
        }
        byte[] store;
        try {
            store = Files.readAllBytes(dir.resolve(CA_STORE));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir.resolve(CA_STORE), e);
        }
        return readCaStore(new Endpoints(port.asInt()), store, Sandbox.PASSWORD.toCharArray());
    }

    private static byte[] pem(List<X509Certificate> certs) {
        StringBuilder sb = new StringBuilder();
        for (X509Certificate c : certs) {
            sb.append(Certificates.toPem(c));
        }
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] json(Pki pki) {
        Endpoints ep = pki.endpoints();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("port", ep.port());
        root.put("baseUrl", ep.base());
        root.put("tsaUrl", ep.tsa());
        root.put("ocspUrl", ep.ocsp());
        root.put("crlUrl", ep.crl());
        root.put("rootCrlUrl", ep.rootCrl());
        root.put("rootCertificate", describe(ROOT_PEM, pki.root().certificate()));
        root.put("issuingCertificate", describe(CHAIN_PEM, pki.issuing().certificate()));
        Map<String, Object> ids = new LinkedHashMap<>();
        for (String name : Pki.FILE_LEAVES) {
            ids.put(name, describe(name + ".p12", pki.identity(name).certificate()));
        }
        root.put("identities", ids);
        Map<String, Object> services = new LinkedHashMap<>();
        services.put("tsa", describe(CA_STORE, pki.identity("tsa").certificate()));
        services.put("ocsp", describe(CA_STORE, pki.identity("ocsp").certificate()));
        root.put("services", services);
        root.put("tsaPolicy", TsaService.POLICY.getId());
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> describe(String file, X509Certificate cert) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", file);
        m.put("subject", cert.getSubjectX500Principal().getName(javax.security.auth.x500.X500Principal.RFC2253));
        m.put("serial", cert.getSerialNumber().toString(16).toUpperCase(Locale.ROOT));
        m.put("notBefore", cert.getNotBefore().toInstant().toString());
        m.put("notAfter", cert.getNotAfter().toInstant().toString());
        return m;
    }

    private static byte[] caStore(Pki pki, char[] password) {
        try {
            Map<String, Object[]> entries = new LinkedHashMap<>();
            entries.put(Pki.ROOT, new Object[] {pki.root().key(), pki.root().certificate()});
            entries.put(Pki.ISSUING, new Object[] {pki.issuing().key(), pki.issuing().certificate()});
            for (Identity id : pki.identities().values()) {
                entries.put(id.name(), new Object[] {id.privateKey(), id.certificate()});
            }
            PKCS12PfxPduBuilder pfx = new PKCS12PfxPduBuilder();
            List<PKCS12SafeBag> publicBags = new ArrayList<>();
            for (Map.Entry<String, Object[]> e : entries.entrySet()) {
                PrivateKey key = (PrivateKey) e.getValue()[0];
                X509Certificate cert = (X509Certificate) e.getValue()[1];
                JcaX509CertificateHolder holder = new JcaX509CertificateHolder(cert);
                byte[] keyId = SubjectKeyIdentifier.fromExtensions(holder.getExtensions()).getKeyIdentifier();
                PKCS12SafeBagBuilder keyBag = new PKCS12SafeBagBuilder(PrivateKeyInfo.getInstance(key.getEncoded()), encryptor(password));
                named(keyBag, e.getKey(), keyId);
                pfx.addData(keyBag.build());
                PKCS12SafeBagBuilder certBag = new PKCS12SafeBagBuilder(holder);
                named(certBag, e.getKey(), keyId);
                publicBags.add(certBag.build());
            }
            Instant now = Instant.now();
            publicBags.add(named(new PKCS12SafeBagBuilder(new X509CRLHolder(pki.root().crl(now))), ROOT_CRL, null).build());
            publicBags.add(named(new PKCS12SafeBagBuilder(new X509CRLHolder(pki.issuing().crl(now))), ISSUING_CRL, null).build());
            pfx.addEncryptedData(encryptor(password), publicBags.toArray(new PKCS12SafeBag[0]));
            BcPKCS12MacCalculatorBuilder mac = new BcPKCS12MacCalculatorBuilder(new SHA256Digest(),
                    new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256, DERNull.INSTANCE));
            return pfx.build(mac, password).getEncoded(ASN1Encoding.DER);
        } catch (Exception e) {
            throw new IllegalStateException("cannot build " + CA_STORE, e);
        }
    }

    private static OutputEncryptor encryptor(char[] password) throws Exception {
        return new JcePKCSPBEOutputEncryptorBuilder(NISTObjectIdentifiers.id_aes256_CBC)
                .setPRF(new AlgorithmIdentifier(PKCSObjectIdentifiers.id_hmacWithSHA256, DERNull.INSTANCE))
                .setProvider(BC)
                .setIterationCount(PBKDF2_ITERATIONS)
                .build(password);
    }

    private static PKCS12SafeBagBuilder named(PKCS12SafeBagBuilder bag, String name, byte[] keyId) {
        bag.addBagAttribute(PKCS12SafeBag.friendlyNameAttribute, new DERBMPString(name));
        if (keyId != null) {
            bag.addBagAttribute(PKCS12SafeBag.localKeyIdAttribute, new DEROctetString(keyId));
        }
        return bag;
    }

    static Pki readCaStore(Endpoints endpoints, byte[] content, char[] password) {
        Map<String, PrivateKey> keys = new HashMap<>();
        Map<String, X509Certificate> certs = new HashMap<>();
        Map<String, X509CRLHolder> crls = new HashMap<>();
        try {
            PKCS12PfxPdu pfx = new PKCS12PfxPdu(content);
            if (!pfx.hasMac() || !pfx.isMacValid(new BcPKCS12MacCalculatorBuilderProvider(BcDefaultDigestProvider.INSTANCE), password)) {
                throw new IllegalStateException(CA_STORE + ": wrong password or damaged file");
            }
            InputDecryptorProvider decryptor = new JcePKCSPBEInputDecryptorProviderBuilder().setProvider(BC).build(password);
            JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
            JcaPEMKeyConverter keyConverter = new JcaPEMKeyConverter();
            for (ContentInfo info : pfx.getContentInfos()) {
                PKCS12SafeBagFactory factory = info.getContentType().equals(PKCSObjectIdentifiers.encryptedData)
                        ? new PKCS12SafeBagFactory(info, decryptor) : new PKCS12SafeBagFactory(info);
                for (PKCS12SafeBag bag : factory.getSafeBags()) {
                    String name = friendlyName(bag);
                    Object value = bag.getBagValue();
                    if (name == null) {
                        continue;
                    }
                    if (value instanceof PKCS8EncryptedPrivateKeyInfo) {
                        keys.put(name, keyConverter.getPrivateKey(((PKCS8EncryptedPrivateKeyInfo) value).decryptPrivateKeyInfo(decryptor)));
                    } else if (value instanceof X509CertificateHolder) {
                        certs.put(name, converter.getCertificate((X509CertificateHolder) value));
                    } else if (value instanceof X509CRLHolder) {
                        crls.put(name, (X509CRLHolder) value);
                    }
                }
            }
        } catch (IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + CA_STORE, e);
        }
        X509Certificate rootCert = require(certs, Pki.ROOT);
        X509Certificate issCert = require(certs, Pki.ISSUING);
        Map<String, Identity> ids = new LinkedHashMap<>();
        List<BigInteger> leafSerials = new ArrayList<>();
        for (String name : Pki.LEAVES) {
            X509Certificate cert = require(certs, name);
            ids.put(name, new Identity(name, require(keys, name), List.of(cert, issCert, rootCert)));
            leafSerials.add(cert.getSerialNumber());
        }
        Authority root = new Authority(Pki.ROOT, rootCert, require(keys, Pki.ROOT), List.of(issCert.getSerialNumber()), 0);
        Authority issuing = new Authority(Pki.ISSUING, issCert, require(keys, Pki.ISSUING), leafSerials, 0);
        if (crls.containsKey(ROOT_CRL)) {
            root.restoreFrom(crls.get(ROOT_CRL));
        }
        if (crls.containsKey(ISSUING_CRL)) {
            issuing.restoreFrom(crls.get(ISSUING_CRL));
        }
        return new Pki(endpoints, root, issuing, ids);
    }

    private static <T> T require(Map<String, T> map, String name) {
        T v = map.get(name);
        if (v == null) {
            throw new IllegalStateException(CA_STORE + " has no entry " + name);
        }
        return v;
    }

    private static String friendlyName(PKCS12SafeBag bag) {
        Attribute[] attributes = bag.getAttributes();
        if (attributes == null) {
            return null;
        }
        for (Attribute a : attributes) {
            if (a.getAttrType().equals(PKCS12SafeBag.friendlyNameAttribute)) {
                ASN1Encodable v = a.getAttrValues().getObjectAt(0);
                return v instanceof ASN1String ? ((ASN1String) v).getString() : null;
            }
        }
        return null;
    }
}
