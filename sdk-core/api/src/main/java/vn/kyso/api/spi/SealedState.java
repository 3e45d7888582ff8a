package vn.kyso.api.spi;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.internal.Args;
import vn.kyso.api.internal.StateKeyAccess;
import vn.kyso.api.twophase.StateKey;
import vn.kyso.api.twophase.StateKeyRing;

/**
 * The integrity-protected container of a two-phase signing state, for format implementers (CAdES,
 * PAdES, XAdES, ...). Binary layout, format 5: magic {@code KYSO}, the format number (one byte, 5), the
 * {@link StateKey#id() id} of the sealing key (16 ASCII hexadecimal digits), kind, expiry time, named
 * fields, then an HMAC-SHA256 over everything before it with the key of that id.
 *
 * <p>Guarantees: {@link #open} rejects, with {@code STATE_INVALID}, any state that was modified, made
 * for another kind, malformed, sealed with a key the ring does not hold (the message names the key's
 * id) or made by an earlier Kyso (formats up to 4, magic {@code KYS1}: the message says to prepare
 * again); with {@code STATE_EXPIRED} one older than its lifetime. It never throws anything else for
 * any bytes and never allocates more than the input's size. Fields are protected, not encrypted: a
 * state must not carry secrets.
 */
public final class SealedState {
    /** The format this version of Kyso writes and reads. */
    public static final int FORMAT = 5;
    private static final byte[] MAGIC = {'K', 'Y', 'S', 'O'};
    /** The magic of formats 1 to 4, which had no key id. */
    private static final byte[] OLD_MAGIC = {'K', 'Y', 'S', '1'};
    private static final int KEY_ID_LENGTH = 16;
    private static final int MAC_LENGTH = 32;
    private static final int MAX_FIELDS = 256;

    private final String kind;
    private final String keyId;
    private final Map<String, byte[]> fields;

    private SealedState(String kind, String keyId, Map<String, byte[]> fields) {
        this.kind = kind;
        this.keyId = keyId;
        this.fields = fields;
    }

    /**
     * Starts a state of the given kind (e.g. {@code cades}).
     *
     * @param kind what the state is for; {@link #open} refuses a state of another kind
     * @return an empty builder
     */
    public static Builder builder(String kind) {
        return new Builder(kind);
    }

    /**
     * Verifies and reads a state sealed with {@code key}.
     *
     * @param sealed the bytes {@link Builder#seal} made
     * @param key the key it was sealed with
     * @param expectedKind the kind it must be
     * @param clock the clock its expiry is read against
     * @return the verified state
     */
    public static SealedState open(byte[] sealed, StateKey key, String expectedKind, Clock clock) {
        return open(sealed, StateKeyRing.of(Args.notNull(key, "key")), expectedKind, clock);
    }

    /**
     * Verifies and reads a state sealed with any key of {@code keys}.
     *
     * @param sealed the bytes {@link Builder#seal} made
     * @param keys the keys it may have been sealed with
     * @param expectedKind the kind it must be
     * @param clock the clock its expiry is read against
     * @return the verified state
     */
    public static SealedState open(byte[] sealed, StateKeyRing keys, String expectedKind, Clock clock) {
        Args.notNull(sealed, "sealed");
        Args.notNull(keys, "keys");
        Args.notNull(expectedKind, "expectedKind");
        Args.notNull(clock, "clock");
        if (startsWith(sealed, OLD_MAGIC)) {
            throw invalid("trạng thái do một phiên bản Kyso cũ tạo (định dạng 4 trở về trước, không có mã khóa),"
                            + " không còn được chấp nhận; hãy chuẩn bị (prepare) lại chữ ký",
                    "the state was made by an earlier Kyso (format 4 or older, without a key id) and is no longer"
                            + " accepted; prepare the signature again");
        }
        int header = MAGIC.length + 1 + KEY_ID_LENGTH;
        if (sealed.length < header + Integer.BYTES + MAC_LENGTH) {
            throw invalid("quá ngắn", "too short");
        }
        if (!startsWith(sealed, MAGIC)) {
            throw invalid("không phải trạng thái ký hai bước của Kyso", "not a Kyso two-phase state");
        }
        int format = sealed[MAGIC.length] & 0xFF;
        if (format != FORMAT) {
            throw invalid("định dạng " + format + " không được hỗ trợ (phiên bản này đọc định dạng " + FORMAT + ")",
                    "format " + format + " is not supported (this version reads format " + FORMAT + ")");
        }
        String keyId = new String(sealed, MAGIC.length + 1, KEY_ID_LENGTH, StandardCharsets.ISO_8859_1);
        if (!keyId.matches("[0-9a-f]{16}")) {
            throw invalid("mã khóa bị hỏng", "malformed key id");
        }
        StateKey key = keys.find(keyId).orElseThrow(() -> invalid(
                "trạng thái được niêm phong bằng khóa trạng thái " + keyId + ", khóa này không có trong bộ khóa"
                        + " của bộ ký (có các khóa: " + String.join(", ", keys.ids()) + ")",
                "the state was sealed with state key " + keyId + ", which the signer's key ring does not hold"
                        + " (it holds: " + String.join(", ", keys.ids()) + ")"));
        int body = sealed.length - MAC_LENGTH;
        byte[] expected = StateKeyAccess.mac(key, sealed, 0, body);
        if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(sealed, body, sealed.length))) {
            throw invalid("kiểm tra toàn vẹn không đạt", "integrity check failed");
        }
        ByteBuffer in = ByteBuffer.wrap(sealed, header, body - header);
        try {
            String kind = new String(readBlock(in), StandardCharsets.UTF_8);
            if (!kind.equals(expectedKind)) {
                throw invalid("trạng thái dành cho loại " + kind + ", không phải " + expectedKind,
                        "state for " + kind + ", expected " + expectedKind);
            }
            long expiresAt = in.getLong();
            int count = in.getShort() & 0xFFFF;
            if (count > MAX_FIELDS) {
                throw invalid("quá nhiều trường", "too many fields");
            }
            Map<String, byte[]> fields = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                String name = new String(readBlock(in), StandardCharsets.UTF_8);
                fields.put(name, readBlock(in));
            }
            if (in.hasRemaining()) {
                throw invalid("thừa dữ liệu ở cuối", "trailing bytes");
            }
            if (clock.millis() > expiresAt) {
                throw new KysoException(ErrorCode.STATE_EXPIRED, kind);
            }
            return new SealedState(kind, keyId, Collections.unmodifiableMap(fields));
        } catch (BufferUnderflowException e) {
            throw invalid("bị cắt cụt", "truncated");
        }
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static KysoException invalid(String vi, String en) {
        return KysoException.localized(ErrorCode.STATE_INVALID, null, vi, en);
    }

    private static byte[] readBlock(ByteBuffer in) {
        int len = in.getInt();
        if (len < 0 || len > in.remaining()) {
            throw invalid("độ dài sai", "bad length");
        }
        byte[] b = new byte[len];
        in.get(b);
        return b;
    }

    /**
     * {@return what the state is for, as given to {@link #builder}}
     */
    public String kind() {
        return kind;
    }

    /** {@return the {@link StateKey#id() id} of the key that sealed this state} */
    public String keyId() {
        return keyId;
    }

    /**
     * Whether a field is present.
     *
     * @param name the field's name
     * @return true when the state carries the field
     */
    public boolean has(String name) {
        return fields.containsKey(Args.notNull(name, "name"));
    }

    /**
     * A required field.
     *
     * @param name the field's name
     * @return a copy of the field's bytes
     * @throws KysoException {@code STATE_INVALID} when the state has no such field
     */
    public byte[] bytes(String name) {
        byte[] v = fields.get(Args.notNull(name, "name"));
        if (v == null) {
            throw invalid("thiếu trường " + name, "missing " + name);
        }
        return v.clone();
    }

    /**
     * A required text field.
     *
     * @param name the field's name
     * @return the field, decoded as UTF-8
     * @throws KysoException {@code STATE_INVALID} when the state has no such field
     */
    public String string(String name) {
        return new String(bytes(Args.notNull(name, "name")), StandardCharsets.UTF_8);
    }

    /**
     * A required number field.
     *
     * @param name the field's name
     * @return the field, as written by {@link Builder#put(String, long)}
     * @throws KysoException {@code STATE_INVALID} when the state has no such field or it is not a number
     */
    public long number(String name) {
        byte[] v = bytes(Args.notNull(name, "name"));
        if (v.length != Long.BYTES) {
            throw invalid("trường " + name + " sai", "bad " + name);
        }
        return ByteBuffer.wrap(v).getLong();
    }

    /** Collects fields, then seals them with a key. */
    public static final class Builder {
        private final String kind;
        private final Map<String, byte[]> fields = new LinkedHashMap<>();

        private Builder(String kind) {
            this.kind = Args.notNull(kind, "kind");
        }

        /**
         * Adds a field, or replaces the field of that name.
         *
         * @param name the field's name
         * @param value the field's bytes (copied)
         * @return this builder
         */
        public Builder put(String name, byte[] value) {
            Args.notNull(name, "name");
            Args.notNull(value, "value");
            if (fields.size() >= MAX_FIELDS && !fields.containsKey(name)) {
                throw KysoException.localized(ErrorCode.INTERNAL, null,
                        "trạng thái có quá nhiều trường", "too many state fields");
            }
            fields.put(name, value.clone());
            return this;
        }

        /**
         * Adds a text field.
         *
         * @param name the field's name
         * @param value the text, stored as UTF-8
         * @return this builder
         */
        public Builder put(String name, String value) {
            return put(name, Args.notNull(value, "value").getBytes(StandardCharsets.UTF_8));
        }

        /**
         * Adds a number field.
         *
         * @param name the field's name
         * @param value the number, read back by {@link SealedState#number}
         * @return this builder
         */
        public Builder put(String name, long value) {
            return put(name, ByteBuffer.allocate(Long.BYTES).putLong(value).array());
        }

        /**
         * Seals the state with {@code key}; it can be opened until {@code clock.millis() + lifetime}.
         *
         * @param key the key that seals
         * @param lifetime how long the state may be opened
         * @param clock the clock the expiry is counted from
         * @return the sealed state
         */
        public byte[] seal(StateKey key, Duration lifetime, Clock clock) {
            return seal(StateKeyRing.of(Args.notNull(key, "key")), lifetime, clock);
        }

        /**
         * Seals the state with the newest key of {@code keys}; it can be opened, by a ring holding that
         * key, until {@code clock.millis() + lifetime}.
         *
         * @param keys the ring whose newest key seals
         * @param lifetime how long the state may be opened
         * @param clock the clock the expiry is counted from
         * @return the sealed state
         */
        public byte[] seal(StateKeyRing keys, Duration lifetime, Clock clock) {
            Args.notNull(keys, "keys");
            Args.notNull(lifetime, "lifetime");
            Args.notNull(clock, "clock");
            StateKey key = keys.newest();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.write(MAGIC);
                out.write(FORMAT);
                out.write(key.id().getBytes(StandardCharsets.US_ASCII));
                writeBlock(out, kind.getBytes(StandardCharsets.UTF_8));
                out.writeLong(clock.millis() + lifetime.toMillis());
                out.writeShort(fields.size());
                for (Map.Entry<String, byte[]> e : fields.entrySet()) {
                    writeBlock(out, e.getKey().getBytes(StandardCharsets.UTF_8));
                    writeBlock(out, e.getValue());
                }
            } catch (IOException e) {
                throw new KysoException(ErrorCode.INTERNAL, e, "state");
            }
            byte[] body = bytes.toByteArray();
            byte[] mac = StateKeyAccess.mac(key, body, 0, body.length);
            byte[] sealed = Arrays.copyOf(body, body.length + mac.length);
            System.arraycopy(mac, 0, sealed, body.length, mac.length);
            return sealed;
        }

        private static void writeBlock(DataOutputStream out, byte[] b) throws IOException {
            out.writeInt(b.length);
            out.write(b);
        }
    }
}
