package vn.kyso.pdf.internal.sign;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import vn.kyso.api.DigestAlgorithm;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.io.AtomicFiles;

/**
 * The signed file: the input's bytes streamed once (hashed while they are copied), the revision
 * appended, the /ByteRange digest handed to the signer and its CMS patched, in hexadecimal, into the
 * reserved /Contents of the temporary file before it is renamed over the output. Memory use does not
 * depend on the input's size. Internal.
 */
final class SignedOutput {
    private static final int BUFFER = 1 << 16;
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private SignedOutput() {
    }

    /** Produces the /Contents value (a DER CMS) for the digest of the signed byte ranges. */
    @FunctionalInterface
    interface Signer {
        byte[] contents(byte[] byteRangeDigest);
    }

    /** The digest of the byte ranges the signature will cover, without writing anything. */
    static byte[] digest(Path in, long length, Increment.Bytes revision, DigestAlgorithm alg) {
        MessageDigest md = alg.newDigest();
        copy(in, length, md, null);
        hashRevision(md, revision);
        return md.digest();
    }

    /** Writes input + revision to {@code out} atomically, the signer's CMS in the placeholder. */
    static void write(Path in, long length, Increment.Bytes revision, DigestAlgorithm alg, Path out, Signer signer) {
        AtomicFiles.writeChannel(out, channel -> {
            MessageDigest md = alg.newDigest();
            copy(in, length, md, channel);
            writeFully(channel, ByteBuffer.wrap(revision.data), -1);
            hashRevision(md, revision);
            byte[] cms = signer.contents(md.digest());
            int reserved = (revision.contentsEnd - revision.contentsStart - 2) / 2;
            if (cms.length > reserved) {
                throw KysoException.localized(ErrorCode.SIGNING_FAILED, null, "chữ ký (" + cms.length
                        + " B) lớn hơn chỗ đã dành sẵn cho nó (" + reserved + " B)", "the signature (" + cms.length
                        + " bytes) is larger than the space reserved for it (" + reserved + " bytes)");
            }
            writeFully(channel, ByteBuffer.wrap(hex(cms)), length + revision.contentsStart + 1);
        });
    }

    /** Writes the input and an unsigned revision (e.g. an empty field) to {@code out} atomically. */
    static void write(Path in, long length, Increment.Bytes revision, Path out) {
        AtomicFiles.writeChannel(out, channel -> {
            copy(in, length, null, channel);
            writeFully(channel, ByteBuffer.wrap(revision.data), -1);
        });
    }

    private static void hashRevision(MessageDigest md, Increment.Bytes r) {
        md.update(r.data, 0, r.contentsStart);
        md.update(r.data, r.contentsEnd, r.data.length - r.contentsEnd);
    }

    /** Reads exactly {@code length} bytes of the input, hashing them (if {@code md}) and copying them (if {@code out}). */
    private static void copy(Path in, long length, MessageDigest md, FileChannel out) {
        ByteBuffer buf = ByteBuffer.allocate((int) Math.min(BUFFER, Math.max(length, 1)));
        try (FileChannel src = FileChannel.open(in, StandardOpenOption.READ)) {
            if (src.size() != length) {
                throw changed(in);
            }
            long done = 0;
            while (done < length) {
                buf.clear();
                buf.limit((int) Math.min(buf.capacity(), length - done));
                int n = src.read(buf, done);
                if (n < 0) {
                    throw changed(in);
                }
                if (md != null) {
                    md.update(buf.array(), 0, n);
                }
                done += n;
                if (out != null) {
                    buf.flip();
                    writeFully(out, buf, -1);
                }
            }
        } catch (IOException e) {
            throw new KysoException(ErrorCode.INPUT_UNREADABLE, e, String.valueOf(in));
        }
    }

    /** Writes all of {@code b} at the channel's position, or at {@code at} when not negative. */
    private static void writeFully(FileChannel out, ByteBuffer b, long at) {
        try {
            long p = at;
            while (b.hasRemaining()) {
                if (p < 0) {
                    out.write(b);
                } else {
                    p += out.write(b, p);
                }
            }
        } catch (IOException e) {
            throw new KysoException(ErrorCode.OUTPUT_FAILED, e, "output");
        }
    }

    private static byte[] hex(byte[] b) {
        byte[] h = new byte[2 * b.length];
        for (int i = 0; i < b.length; i++) {
            h[2 * i] = HEX[(b[i] >> 4) & 0xF];
            h[2 * i + 1] = HEX[b[i] & 0xF];
        }
        return h;
    }

    private static KysoException changed(Path in) {
        return KysoException.localized(ErrorCode.INPUT_UNREADABLE, null, in + " đã thay đổi trong lúc ký",
                in + " changed while it was being signed");
    }
}
