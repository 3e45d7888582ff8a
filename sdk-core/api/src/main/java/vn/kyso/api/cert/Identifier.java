package vn.kyso.api.cert;

import java.util.Objects;
import vn.kyso.api.internal.Args;

/** One identifier found in a certificate subject, e.g. {@code CCCD:001085012345}. Immutable. */
public final class Identifier {
    private final IdentifierType type;
    private final String value;

    /**
     * An identifier of a subject.
     *
     * @param type what the identifier is (MST, CCCD, ...)
     * @param value its value, without the prefix
     */
    public Identifier(IdentifierType type, String value) {
        this.type = Args.notNull(type, "type");
        this.value = Args.notNull(value, "value");
    }

    /**
     * {@return what the identifier is}
     */
    public IdentifierType type() {
        return type;
    }

    /** {@return the value without its prefix} */
    public String value() {
        return value;
    }

    /** The prefixed form, e.g. {@code MST:0101234567-001}. */
    @Override
    public String toString() {
        return type.name() + ":" + value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Identifier && ((Identifier) o).type == type && ((Identifier) o).value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, value);
    }
}
