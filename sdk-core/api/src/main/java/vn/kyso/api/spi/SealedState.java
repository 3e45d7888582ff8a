package vn.kyso.api.spi;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.twophase.StateKey;

/**
 * The integrity-protected container of a two-phase signing state, for format implementers (CAdES,
 * PAdES, XAdES, ...). Binary layout: magic {@code KYS1}, kind, issue and expiry times, named fields,
 * then an HMAC-SHA256 over everything before it.
 *
 * <p>Guarantees: {@link #open} rejects, with {@code STATE_INVALID}, any state that was modified, made
 * with another key or for another kind, or is malformed (it never throws anything else and never
 * allocates more than the input's size); with {@code STATE_EXPIRED} one older than its lifetime.
 */
public final class SealedState {
    private static final byte[] MAGIC = {'K', 'Y', 'S', '1'};
    private static final int MAC_LENGTH = 32;
    private static final int MAX_FIELDS = 256;

    private final String kind;
    private final Map<String, byte[]> fields;

    private SealedState(String kind, Map<String, byte[]> fields) {
        this.kind = kind;
        this.fields = fields;
    }

    /** Starts a state of the given kind (e.g. {@code cades}). */
    public static Builder builder(String kind) {
        return new Builder(kind);
    }

    /** Verifies and reads a sealed state. */
    public static SealedState open(byte[] sealed, StateKey key, String expectedKind, Clock clock) {
        Objects.requireNonNull(key, "key");
        if (sealed == null || sealed.length < MAGIC.length + MAC_LENGTH + 2) {
            throw new KysoException(ErrorCode.STATE_INVALID, "too short");
        }
        int body = sealed.length - MAC_LENGTH;
        byte[] expected = key.mac(sealed, 0, body);
        if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(sealed, body, sealed.length))) {
            throw new KysoException(ErrorCode.STATE_INVALID, "integrity check failed");
        }
        ByteBuffer in = ByteBuffer.wrap(sealed, 0, body);
        try {
            byte[] magic = new byte[MAGIC.length];
            in.get(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new KysoException(ErrorCode.STATE_INVALID, "unknown version");
            }
            String kind = new String(readBlock(in), StandardCharsets.UTF_8);
            if (!kind.equals(expectedKind)) {
                throw new KysoException(ErrorCode.STATE_INVALID, "state for " + kind + ", expected " + expectedKind);
            }
            long expiresAt = in.getLong();
            int count = in.getShort() & 0xFFFF;
            if (count > MAX_FIELDS) {
                throw new KysoException(ErrorCode.STATE_INVALID, "too many fields");
            }
            Map<String, byte[]> fields = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                String name = new String(readBlock(in), StandardCharsets.UTF_8);
                fields.put(name, readBlock(in));
            }
            if (in.hasRemaining()) {
                throw new KysoException(ErrorCode.STATE_INVALID, "trailing bytes");
            }
            if (clock.millis() > expiresAt) {
                throw new KysoException(ErrorCode.STATE_EXPIRED, kind);
            }
            return new SealedState(kind, Collections.unmodifiableMap(fields));
        } catch (java.nio.BufferUnderflowException e) {
            throw new KysoException(ErrorCode.STATE_INVALID, "truncated");
        }
    }

    private static byte[] readBlock(ByteBuffer in) {
        int len = in.getInt();
        if (len < 0 || len > in.remaining()) {
            throw new KysoException(ErrorCode.STATE_INVALID, "bad length");
        }
        byte[] b = new byte[len];
        in.get(b);
        return b;
    }

    public String kind() {
        return kind;
    }

    /** Whether a field is present. */
    public boolean has(String name) {
        return fields.containsKey(name);
    }

    /** A required field. */
    public byte[] bytes(String name) {
        byte[] v = fields.get(name);
        if (v == null) {
            throw new KysoException(ErrorCode.STATE_INVALID, "missing " + name);
        }
        return v.clone();
    }

    /** A required text field. */
    public String string(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    /** A required number field. */
    public long number(String name) {
        byte[] v = bytes(name);
        if (v.length != Long.BYTES) {
            throw new KysoException(ErrorCode.STATE_INVALID, "bad " + name);
        }
        return ByteBuffer.wrap(v).getLong();
    }

    /** Collects fields, then seals them with a key. */
    public static final class Builder {
        private final String kind;
        private final Map<String, byte[]> fields = new LinkedHashMap<>();

        private Builder(String kind) {
            this.kind = Objects.requireNonNull(kind, "kind");
        }

        public Builder put(String name, byte[] value) {
            if (fields.size() >= MAX_FIELDS) {
                throw new KysoException(ErrorCode.INTERNAL, "too many state fields");
            }
            fields.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, name).clone());
            return this;
        }

        public Builder put(String name, String value) {
            return put(name, value.getBytes(StandardCharsets.UTF_8));
        }

        public Builder put(String name, long value) {
            return put(name, ByteBuffer.allocate(Long.BYTES).putLong(value).array());
        }

        /** Seals the state; it can be opened until {@code clock.millis() + lifetime}. */
        public byte[] seal(StateKey key, Duration lifetime, Clock clock) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.write(MAGIC);
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
            byte[] mac = key.mac(body, 0, body.length);
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
