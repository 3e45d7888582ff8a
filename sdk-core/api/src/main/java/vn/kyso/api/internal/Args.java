package vn.kyso.api.internal;

import org.jspecify.annotations.Nullable;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;

/**
 * The argument checks of every public entry point of the SDK, so that a bad argument is always a
 * {@link KysoException} with {@link ErrorCode#INVALID_ARGUMENT} naming the argument, never a
 * {@code NullPointerException}. Not meant for vendors; may change between releases.
 */
public final class Args {
    private Args() {
    }

    /**
     * Returns {@code value}, or throws {@code INVALID_ARGUMENT} naming {@code name} when it is null.
     *
     * @param name the parameter's name as the Javadoc and the caller's code know it
     */
    public static <T> T notNull(@Nullable T value, String name) {
        if (value == null) {
            throw missing(name);
        }
        return value;
    }

    /** The error for a required argument that is null: names the argument in both languages. */
    public static KysoException missing(String name) {
        return KysoException.localized(ErrorCode.INVALID_ARGUMENT, null,
                name + " bị thiếu (null)", name + " is missing (null)");
    }
}
