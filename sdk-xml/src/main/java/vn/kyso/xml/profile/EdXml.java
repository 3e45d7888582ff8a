package vn.kyso.xml.profile;

import org.jspecify.annotations.Nullable;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.w3c.dom.Element;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.SignatureAlgorithm;
import vn.kyso.api.SignatureScheme;
import vn.kyso.api.internal.Args;
import vn.kyso.api.SigningResult;
import vn.kyso.api.token.SigningKey;
import vn.kyso.xml.XmlProfile;
import vn.kyso.xml.XmlSignatureOptions;
import vn.kyso.xml.XmlSigner;
import vn.kyso.api.internal.Args;
import vn.kyso.api.io.Document;
import vn.kyso.api.report.Profile;
import vn.kyso.api.report.VerificationReport;
import vn.kyso.core.verify.Verifier;
import vn.kyso.xml.internal.Profiles;

/**
 * edXML, the national document-exchange message (QCVN 102:2016, namespace {@value #NAMESPACE}): build a
 * message from a header and files, sign it, verify it, and extract the header and attachments of a
 * received one.
 *
 * <p>Layout written: {@code edXML > edXMLEnvelope > edXMLHeader > (MessageHeader, TraceHeaderList,
 * Signature)}, {@code edXMLEnvelope > edXMLBody > edXMLManifest > Reference(ContentId, ContentType,
 * AttachmentName)*} and {@code edXML > AttachmentEncoded > Attachment[@ContentId]*} (base64). The signature
 * is an enveloped XMLDSig over the whole message ({@code Reference URI=""}, SHA-256 by default) inside
 * {@code edXMLHeader}, so it covers the header, the manifest and every attachment.
 *
 * <p>Guarantees: a message built, signed, written, read and extracted gives back an equal header, equal
 * trace headers and byte-identical attachments; attachments given or extracted as files are streamed;
 * every read uses the hardened parser ({@link vn.kyso.xml.SecureXml}); extracted file names are reduced to a
 * plain name inside the target directory. Verification reports the signature as party {@code sender} and
 * is never VALID for a signature that is not enveloped over the whole message inside {@code edXMLHeader}.
 * Stateless and thread-safe.
 */
public final class EdXml {
    /** The edXML namespace. */
    public static final String NAMESPACE = EdXmlCodec.NS;
    /** The party of the sender's signature in reports. */
    public static final vn.kyso.api.report.Party SENDER = vn.kyso.api.report.Party.SENDER;

    private EdXml() {
    }

    /** {@return a builder for a new message} */
    public static EdXmlMessage.Builder builder() {
        return new EdXmlMessage.Builder();
    }

    /**
     * The options of the sender's signature on this message.
     *
     * @param algorithm a fixed algorithm (e.g. RSASSA-PSS on request), or null for the profile's default:
     *     RSA PKCS#1 v1.5 with SHA-256, which every receiver verifies (ECDSA for an EC key)
     * @param message the edXML message
     * @return the options the profile prescribes for this document
     * @throws KysoException {@code INVALID_ARGUMENT} when the document is not an unsigned edXML message
     */
    public static XmlSignatureOptions options(byte[] message, @Nullable SignatureAlgorithm algorithm) {
        Args.notNull(message, "message");
        Element root = ProfileSupport.root(message, XmlProfile.EDXML, "edXML");
        Element envelope = ProfileSupport.only(root, "edXMLEnvelope", XmlProfile.EDXML);
        ProfileSupport.only(envelope, "edXMLHeader", XmlProfile.EDXML);
        if (!vn.kyso.xml.internal.Dom.children(Profiles.onlyChild(envelope, "edXMLHeader"), "Signature").isEmpty()) {
            throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null,
                    "edXML: thông điệp đã được ký",
                    "edXML: the message is already signed");
        }
        return XmlSignatureOptions.builder().format(XmlSignatureOptions.Format.XMLDSIG)
                .signatureParent(Profiles.EDXML_SIGNATURE_PARENT).algorithm(algorithm)
                .scheme(algorithm == null ? SignatureScheme.RSA_PKCS1_V15 : null).build();
    }

    /**
     * Signs a message with the profile's default algorithm (RSA PKCS#1 v1.5, SHA-256); returns the signed message.
     *
     * @param signer the XML signer
     * @param key the sender's key
     * @param message the edXML message
     * @return what was signed
     */
    public static SigningResult sign(XmlSigner signer, SigningKey key, byte[] message) {
        Args.notNull(signer, "signer");
        Args.notNull(key, "key");
        return sign(signer, key, message, null);
    }

    /**
     * Signs a message with a fixed algorithm (null: the profile's default, RSA PKCS#1 v1.5).
     *
     * @param signer the XML signer
     * @param key the sender's key
     * @param message the edXML message
     * @param algorithm the signature algorithm, or null for RSA PKCS#1 v1.5 where the key allows it
     * @return what was signed
     */
    public static SigningResult sign(XmlSigner signer, SigningKey key, byte[] message,
                                     @Nullable SignatureAlgorithm algorithm) {
        Args.notNull(signer, "signer");
        Args.notNull(key, "key");
        Args.notNull(message, "message");
        return signer.sign(message, key, options(message, algorithm));
    }

    /**
     * Verifies a message under the edXML rules.
     *
     * @param verifier the verifier
     * @param message the edXML message
     * @return the report, with the party of each signature
     * @throws KysoException {@code NO_SIGNATURE} when edXMLHeader holds no signature
     */
    public static VerificationReport verify(Verifier verifier, byte[] message) {
        Args.notNull(verifier, "verifier");
        Args.notNull(message, "message");
        return ProfileSupport.requireParty(verifier.verify(Document.of(message, "edxml.xml"), null, Profile.EDXML),
                vn.kyso.api.report.Party.SENDER, "edXMLHeader");
    }

    /**
     * Reads a message held in memory: header, trace headers and attachments (in memory). It does not verify
     * the signature: call {@link #verify} first.
     *
     * @param message the edXML message
     * @return the message: its header, trace headers and attachments
     * @throws KysoException {@code MALFORMED_INPUT} for malformed or hostile XML, a message that is not
     *     edXML, or an attachment that is not base64 or has no content
     */
    public static EdXmlMessage extract(byte[] message) {
        Args.notNull(message, "message");
        List<ByteArrayOutputStream> outs = new ArrayList<>();
        EdXmlCodec.Read read = EdXmlCodec.read(new ByteArrayInputStream(message), i -> {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            outs.add(b);
            return b;
        });
        return assemble(read, (index, a) -> new EdXmlMessage.Attachment(a[0], a[2], a[1], outs.get(index).toByteArray(), null));
    }

    /**
     * Reads a message file and writes its attachments into {@code outDir}, streamed: each under its
     * {@code AttachmentName} reduced to a plain file name (a name already used in this message gets a
     * numbered suffix; an existing file of that name is replaced). The attachments returned are these files.
     * It does not verify the signature: call {@link #verify} first. On failure no attachment file is left.
     *
     * @param message the edXML message
     * @param outDir the directory the attachments are written into
     * @return the message: its header, trace headers and attachments
     * @throws KysoException as {@link #extract(byte[])}; {@code INPUT_UNREADABLE} for an unreadable message,
     *     {@code OUTPUT_FAILED} if a file cannot be written
     */
    public static EdXmlMessage extract(Path message, Path outDir) {
        Args.notNull(message, "message");
        Args.notNull(outDir, "outDir");
        if (!Files.isRegularFile(message)) {
            throw new KysoException(ErrorCode.INPUT_UNREADABLE, String.valueOf(message));
        }
        List<Path> temps = new ArrayList<>();
        List<Path> placed = new ArrayList<>();
        boolean done = false;
        try {
            Files.createDirectories(outDir);
            EdXmlCodec.Read read;
            try (InputStream in = Files.newInputStream(message)) {
                read = EdXmlCodec.read(in, i -> {
                    Path t = Files.createTempFile(outDir, ".edxml-", ".part");
                    temps.add(t);
                    return Files.newOutputStream(t);
                });
            }
            Set<String> used = new HashSet<>();
            EdXmlMessage m = assemble(read, (index, a) -> {
                Path target = outDir.resolve(unique(safeName(a[2], index), used));
                move(temps.get(index), target);
                placed.add(target);
                return new EdXmlMessage.Attachment(a[0], a[2], a[1], null, target);
            });
            done = true;
            return m;
        } catch (IOException e) {
            throw new KysoException(ErrorCode.OUTPUT_FAILED, e, String.valueOf(outDir));
        } finally {
            for (Path t : temps) {
                deleteQuietly(t);
            }
            if (!done) {
                placed.forEach(EdXml::deleteQuietly);
            }
        }
    }

    /** Makes one attachment from its manifest entry {ContentId, ContentType, AttachmentName} and its index. */
    private interface Content {
        EdXmlMessage.Attachment make(int index, String[] entry) throws IOException;
    }

    private static EdXmlMessage assemble(EdXmlCodec.Read read, Content content) throws KysoException {
        EdXmlMessage.Builder b = EdXmlCodec.interpret(read.root);
        List<EdXmlCodec.Encoded> unused = new ArrayList<>(read.encoded);
        try {
            for (String[] ref : EdXmlCodec.manifest(read.root)) {
                // By content id; an attachment without one takes the next reference without a match.
                EdXmlCodec.Encoded found = unused.stream().filter(e -> e.contentId != null && sameId(e.contentId, ref[0]))
                        .findFirst().orElse(unused.stream().filter(e -> e.contentId == null).findFirst().orElse(null));
                if (found == null) {
                    throw KysoException.localized(ErrorCode.MALFORMED_INPUT, null,
                            "edXML: tệp đính kèm " + ref[0] + " không có nội dung",
                            "edXML: attachment " + ref[0] + " has no content");
                }
                unused.remove(found);
                b.add(content.make(found.index, entry(ref, found.index)));
            }
            for (EdXmlCodec.Encoded e : unused) {
                b.add(content.make(e.index, entry(new String[] {e.contentId, null, null}, e.index)));
            }
        } catch (IOException e) {
            throw KysoException.localized(ErrorCode.OUTPUT_FAILED, e,
                    "không ghi được tệp đính kèm edXML",
                    "an edXML attachment could not be written");
        }
        return b.build();
    }

    private static String[] entry(String[] ref, int index) {
        return new String[] {ref[0] == null ? "cid:" + (index + 1) : ref[0],
            ref[1] == null ? "application/octet-stream" : ref[1], ref[2] == null ? "attachment-" + (index + 1) : ref[2]};
    }

    private static boolean sameId(String a, String b) {
        return b != null && strip(a).equals(strip(b));
    }

    private static String strip(String cid) {
        String c = cid.trim();
        return c.regionMatches(true, 0, "cid:", 0, 4) ? c.substring(4) : c;
    }

    /** A plain file name: no directories, no control or reserved characters, never "." or "..". */
    static String safeName(String name, int index) {
        String n = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        n = n.replaceAll("[\\p{Cntrl}:*?\"<>|]", "_").strip();
        while (n.startsWith(".")) {
            n = n.substring(1);
        }
        if (n.length() > 200) {
            n = n.substring(n.length() - 200);
        }
        return n.isEmpty() ? "attachment-" + (index + 1) : n;
    }

    private static String unique(String name, Set<String> used) {
        String candidate = name;
        int dot = name.lastIndexOf('.');
        for (int i = 2; !used.add(candidate.toLowerCase(java.util.Locale.ROOT)); i++) {
            candidate = dot > 0 ? name.substring(0, dot) + " (" + i + ")" + name.substring(dot) : name + " (" + i + ")";
        }
        return candidate;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort: nothing more can be done
        }
    }
}
