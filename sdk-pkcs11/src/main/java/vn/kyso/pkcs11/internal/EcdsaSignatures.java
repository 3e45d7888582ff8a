package vn.kyso.pkcs11.internal;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.Arrays;

/** Converts PKCS#11 ECDSA values (r||s, each as long as the curve order) to DER. Internal. */
public final class EcdsaSignatures {
    private EcdsaSignatures() {
    }

    /**
     * The X9.62 Ecdsa-Sig-Value (DER SEQUENCE of two INTEGERs) for {@code raw} = r||s where each half is
     * {@code fieldLength} bytes. A value that is already DER (some drivers) is returned unchanged.
     *
     * @throws IllegalArgumentException if the value is neither
     */
    public static byte[] toDer(byte[] raw, int fieldLength) {
        if (raw.length == 2 * fieldLength) {
            BigInteger r = new BigInteger(1, Arrays.copyOfRange(raw, 0, fieldLength));
            BigInteger s = new BigInteger(1, Arrays.copyOfRange(raw, fieldLength, raw.length));
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            writeInteger(body, r);
            writeInteger(body, s);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(0x30);
            writeLength(out, body.size());
            out.writeBytes(body.toByteArray());
            return out.toByteArray();
        }
        if (isDer(raw)) {
            return raw.clone();
        }
        throw new IllegalArgumentException("ECDSA value of " + raw.length + " bytes for a " + fieldLength + "-byte curve");
    }

    private static boolean isDer(byte[] b) {
        if (b.length < 8 || b[0] != 0x30) {
            return false;
        }
        int len = b[1] & 0xff;
        int off = 2;
        if (len == 0x81) {
            len = b[2] & 0xff;
            off = 3;
        } else if (len > 0x80) {
            return false;
        }
        return off + len == b.length && b[off] == 0x02;
    }

    private static void writeInteger(ByteArrayOutputStream out, BigInteger v) {
        byte[] bytes = v.toByteArray(); // minimal two's complement, with a leading 0 when the top bit is set
        out.write(0x02);
        writeLength(out, bytes.length);
        out.writeBytes(bytes);
    }

    private static void writeLength(ByteArrayOutputStream out, int len) {
        if (len < 0x80) {
            out.write(len);
        } else if (len < 0x100) {
            out.write(0x81);
            out.write(len);
        } else {
            out.write(0x82);
            out.write(len >> 8);
            out.write(len & 0xff);
        }
    }
}
