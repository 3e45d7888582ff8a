package vn.kyso.xml.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.SignatureAlgorithm;
import vn.kyso.xml.XmlSignatureOptions;
import vn.kyso.xml.XmlSignatureOptions.Format;
import vn.kyso.xml.XmlSignatureOptions.Packaging;

/**
 * Reading what an XML signer signs: the document in memory (bounded by size and heap), or nothing when
 * it is streamed or detached, and the digest of the input that both halves of a signature compare. Internal.
 */
final class XmlDocuments {
    private static final long MAX_DOM_INPUT = 256L << 20;

    private XmlDocuments() {
    }

    /** The XML document (null for detached signatures, whose data is streamed). */
    static byte[] documentBytes(XmlEngine.Input input, XmlSignatureOptions o) {
        if (o.packaging() == Packaging.DETACHED) {
            if (input.path == null) {
                return input.bytes;
            }
            requireReadable(input.path);
            return null;
        }
        if (input.bytes != null) {
            requireHeapFor(input.bytes.length, o);
            return input.bytes;
        }
        requireReadable(input.path);
        if (StreamingXml.eligible(input.path, o)) {
            return null; // streamed: see StreamingXml
        }
        try {
            long size = Files.size(input.path);
            if (size > MAX_DOM_INPUT) {
                throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null,
                        "tài liệu XML lớn hơn 256 MiB: hãy ký tách rời", "XML larger than 256 MiB: sign it detached");
            }
            requireHeapFor(size, o);
            return Files.readAllBytes(input.path);
        } catch (IOException e) {
            throw new KysoException(ErrorCode.INPUT_UNREADABLE, e, input.name());
        }
    }
    /**
     * A typed error instead of an OutOfMemoryError: signing on a DOM takes about 10 bytes of heap per byte
     * of XML (XMLDSig) and about 24 (XAdES, where DSS parses and copies the document again), as measured
     * with -Xmx512m (docs/PERFORMANCE.md).
     */
    private static void requireHeapFor(long size, XmlSignatureOptions o) {
        long perByte = o.format() == Format.XADES ? 24 : 10;
        long heap = Runtime.getRuntime().maxMemory();
        if (size > heap / perByte) {
            throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null, (size >> 20) + " MB XML cần khoảng "
                    + (size * perByte >> 20) + " MB bộ nhớ để ký " + o.format() + " " + o.packaging()
                    + ", máy ảo này có " + (heap >> 20) + " MB: hãy ký tách rời, hoặc ký XMLDSig trên"
                    + " toàn bộ tài liệu (xử lý dạng luồng)",
                    (size >> 20) + " MB of XML needs about " + (size * perByte >> 20)
                    + " MB of heap to sign " + o.format() + " " + o.packaging() + ", this JVM has " + (heap >> 20)
                    + " MB: sign it detached, or as XMLDSig over the whole document (streamed)");
        }
    }
    private static void requireReadable(Path p) {
        if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
            throw new KysoException(ErrorCode.INPUT_UNREADABLE, String.valueOf(p.getFileName()));
        }
    }
    static byte[] inputDigest(XmlEngine.Input input, byte[] doc, XmlSignatureOptions o, SignatureAlgorithm alg) {
        if (doc != null) {
            return alg.digest().digest(doc);
        }
        return Dsig.fileDigest(input.path, alg.digest());
    }
    static byte[] readAll(Path path) {
        try {
            return java.nio.file.Files.readAllBytes(path);
        } catch (java.io.IOException e) {
            throw new KysoException(ErrorCode.INPUT_UNREADABLE, e, String.valueOf(path));
        }
    }
}
