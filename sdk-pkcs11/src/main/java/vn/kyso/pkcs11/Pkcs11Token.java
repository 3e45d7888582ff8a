package vn.kyso.pkcs11;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xipki.pkcs11.wrapper.PKCS11Exception;
import org.xipki.pkcs11.wrapper.Session;
import org.xipki.pkcs11.wrapper.Slot;
import org.xipki.pkcs11.wrapper.TokenException;
import org.xipki.pkcs11.wrapper.TokenInfo;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.internal.Args;
import vn.kyso.api.token.SigningKey;
import vn.kyso.api.token.Token;
import vn.kyso.pkcs11.internal.KeyHost;
import vn.kyso.pkcs11.internal.LoginSession;
import vn.kyso.pkcs11.internal.Pkcs11Errors;
import vn.kyso.pkcs11.internal.Step;
import vn.kyso.pkcs11.internal.TokenObjects;
import vn.kyso.pkcs11.internal.TokenKey;

/**
 * A USB token or HSM token reached through a {@link Pkcs11Module}. Obtain one with
 * {@link Pkcs11Module#openLabel(String)}, {@link Pkcs11Module#openSlot(long)},
 * {@link Pkcs11Module#openIndex(int)} or {@link Pkcs11Module#openFirst()}, then {@link #login(char[])}.
 *
 * <p>Guarantees:
 * <ul>
 *   <li>The PIN is copied, sent to the token once and the copy wiped; it is never kept, logged or put in an
 *       exception. A failed login is never retried: each wrong PIN costs the user exactly one try.</li>
 *   <li>A wrong PIN raises {@code PIN_INCORRECT} whose details give the PIN state read from the token right
 *       after the failure (count low, final try); a locked PIN raises {@code PIN_LOCKED} without trying.</li>
 *   <li>{@link #keys()} lists the private keys that have a certificate with the same CKA_ID; a key's
 *       {@link SigningKey#id() id} is its CKA_ID in lower-case hex; its chain goes as far as the token holds
 *       it, signer first. Private keys never leave the token.</li>
 *   <li>Thread-safe: several threads may sign at once; they share one login and a pool of up to 8 sessions.</li>
 *   <li>When the token is removed, re-initialised or logged out, the next call fails with a
 *       {@link KysoException} ({@code TOKEN_UNAVAILABLE}), nothing of the old login is kept, and a new
 *       {@link #login(char[])} (with the token back) works without restarting the JVM. Keys obtained before
 *       keep working after the new login if the token still holds the same certificate under their id.</li>
 *   <li>{@link #close()} logs out and closes the sessions. PKCS#11 keeps one login state per token per
 *       process: use one {@code Pkcs11Token} per physical token (a second one logging in while the first
 *       is logged in gets CKR_USER_ALREADY_LOGGED_IN, accepted without the PIN being checked again).</li>
 *   <li>Drivers that only see tokens present at initialisation (SoftHSM2, some USB drivers) are
 *       re-initialised ({@link Pkcs11Module#refresh()}) by {@link #login(char[])} when the token cannot be
 *       found or opened and no other token of the driver is logged in; the PIN is never sent twice.</li>
 * </ul>
 */
public final class Pkcs11Token implements Token {
    private static final Logger LOG = LoggerFactory.getLogger(Pkcs11Token.class);

    private final Pkcs11Module module;
    private final long slotId;
    private final String wantedLabel;
    private final Object lock = new Object();
    private volatile String label;
    private volatile LoginSession login;
    private volatile List<SigningKey> keys = List.of();
    private volatile boolean closed;
    private final KeyHost host = new KeyHost() {
        @Override
        public String label() {
            return label;
        }

        @Override
        public LoginSession login(Step what) {
            return current(what);
        }
    };

    Pkcs11Token(Pkcs11Module module, long slotId, String wantedLabel) {
        this.module = module;
        this.slotId = slotId;
        this.wantedLabel = wantedLabel;
        this.label = wantedLabel != null ? wantedLabel : "slot " + slotId;
    }

    /** The token label (or {@code "slot <id>"} before the first login of a token opened by slot). */
    @Override
    public String label() {
        return label;
    }

    /** {@return the module this token belongs to} */
    public Pkcs11Module module() {
        return module;
    }

    /**
     * {@return a fresh snapshot of the slot and token information (PIN flags included), read without logging
     * in}
     *
     * @throws KysoException {@code TOKEN_UNAVAILABLE} if the token is not present
     */
    public TokenSlot info() {
        Slot slot = module.findSlot(slotId, wantedLabel);
        try {
            TokenInfo ti = slot.getToken().getTokenInfo();
            return new TokenSlot(slot.getSlotID(), -1, slot.getSlotInfo().getSlotDescription(), ti.getLabel(),
                    ti.getSerialNumber(), ti.getManufacturerID(), ti.getModel(), ti.getFlags());
        } catch (PKCS11Exception e) {
            throw Pkcs11Errors.toKyso(e, label, Step.READING_TOKEN_INFO);
        }
    }

    /**
     * {@return the X.509 certificates on the token (the signers' and the CAs' the token holds), read without
     * logging in: certificates are public objects, so an application can show whose keys the token holds
     * before it asks for the PIN} To sign, log in and pick from {@link #keys()}.
     *
     * @throws KysoException {@code TOKEN_UNAVAILABLE} if the token is absent or not initialised
     */
    public List<X509Certificate> certificates() {
        synchronized (lock) {
            requireOpen();
            Session session;
            try {
                session = findToken().openSession(false);
            } catch (PKCS11Exception e) {
                throw Pkcs11Errors.toKyso(e, label, Step.OPENING_SESSION);
            }
            try {
                return Collections.unmodifiableList(TokenObjects.certificates(session));
            } catch (TokenException e) {
                throw Pkcs11Errors.toKyso(e, label, Step.READING_CERTIFICATES);
            } finally {
                try {
                    session.closeSession();
                } catch (TokenException | RuntimeException e) {
                    LOG.debug("Closing a session of '{}': {}", label, e.toString());
                }
            }
        }
    }

    /**
     * Logs in with the user PIN and reads the keys. On a token with a PIN pad
     * (CKF_PROTECTED_AUTHENTICATION_PATH) a null or empty {@code pin} means "enter it on the device", as
     * {@link #loginWithPinPad()}. A previous login of this object is ended first, so every call checks
     * the PIN afresh. The caller's array is not modified or kept.
     *
     * @param pin the user PIN, or null to use the PIN pad
     * @return this token, logged in
     * @throws KysoException {@code PIN_INCORRECT} (details: the PIN state after the failure),
     *     {@code PIN_LOCKED}, {@code TOKEN_UNAVAILABLE} (token absent, closed), {@code SIGNING_REJECTED}
     *     (cancelled on the PIN pad), {@code INVALID_ARGUMENT} (no PIN on a token without PIN pad)
     */
    public Pkcs11Token login(char @Nullable [] pin) {
        if (pin == null || pin.length == 0) {
            if (info().pinPad()) {
                return doLogin(null);
            }
            throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null, "cần mã PIN cho '" + label + "'",
                    "PIN required for '" + label + "'");
        }
        char[] copy = pin.clone();
        try {
            return doLogin(copy);
        } finally {
            Arrays.fill(copy, '\0');
        }
    }

    /**
     * Logs in through the token's protected authentication path: the user enters the PIN on the device
     * (or its driver's own dialog). Blocks until the user is done.
     *
     * @return this token, logged in
     * @throws KysoException as {@link #login(char[])}; {@code INVALID_ARGUMENT} if the token has no PIN pad
     */
    public Pkcs11Token loginWithPinPad() {
        if (!info().pinPad()) {
            throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null,
                    "'" + label + "' không có bàn phím nhập PIN trên thiết bị: cần truyền mã PIN",
                    "'" + label + "' has no PIN pad: a PIN is required");
        }
        return doLogin(null);
    }

    private Pkcs11Token doLogin(char[] pin) {
        synchronized (lock) {
            requireOpen();
            endLogin(true);
            org.xipki.pkcs11.wrapper.Token token;
            try {
                token = findToken();
            } catch (KysoException e) {
                // Drivers that scan tokens only at C_Initialize (SoftHSM2, some USB drivers) do not see a token
                // plugged in again or re-initialised: re-initialise the driver once, if nobody else uses it.
                if (e.errorCode() != ErrorCode.TOKEN_UNAVAILABLE || !module.noOtherLogin(this)) {
                    throw e;
                }
                LOG.info("Token '{}' not found or not usable ({}): re-initialising the driver", label, e.getMessage());
                module.refresh();
                token = findToken();
            }
            LoginSession fresh = LoginSession.login(token, label, pin);
            List<SigningKey> list = new ArrayList<>();
            for (TokenObjects.KeyEntry e : fresh.entries()) {
                list.add(new TokenKey(host, e, fresh));
            }
            keys = Collections.unmodifiableList(list);
            login = fresh;
            module.loggedIn(this, true);
            return this;
        }
    }

    /** The token, checked usable (its information readable and a session can be opened). */
    private org.xipki.pkcs11.wrapper.Token findToken() {
        Slot slot = module.findSlot(slotId, wantedLabel);
        org.xipki.pkcs11.wrapper.Token token = slot.getToken();
        try {
            TokenInfo ti = token.getTokenInfo();
            if (!ti.isTokenInitialized()) {
                throw KysoException.localized(ErrorCode.TOKEN_UNAVAILABLE, null, "'" + label + "' chưa được khởi tạo",
                        "'" + label + "' is not initialised");
            }
            label = ti.getLabel().trim();
            token.openSession(false).closeSession();
        } catch (PKCS11Exception e) {
            throw KysoException.localized(ErrorCode.TOKEN_UNAVAILABLE, e, "'" + label + "': mở thiết bị ký số ("
                    + Pkcs11Errors.name(e) + ")", "'" + label + "': opening the token (" + Pkcs11Errors.name(e) + ")");
        }
        return token;
    }

    /** {@return whether this token is logged in and no call has found it gone since} */
    public boolean loggedIn() {
        LoginSession l = login;
        return !closed && l != null && l.alive();
    }

    /**
     * The keys that have a certificate, in the token's order (read at login).
     *
     * @throws KysoException {@code TOKEN_UNAVAILABLE} if not logged in, closed, or the login was lost
     */
    @Override
    public List<SigningKey> keys() {
        current(Step.LISTING_KEYS);
        return keys;
    }

    /**
     * {@return the key whose certificate has this serial number (hex, case and leading zeros ignored,
     * optional
     * {@code 0x})}
     *
     * @param serialHex the certificate serial number in hex, any case
     * @throws KysoException {@code KEY_NOT_FOUND} if none has it; {@code INVALID_ARGUMENT} if not hex
     */
    public SigningKey keyByCertificateSerial(String serialHex) {
        Args.notNull(serialHex, "serialHex");
        String s = serialHex.trim().toLowerCase(Locale.ROOT);
        if (s.startsWith("0x")) {
            s = s.substring(2);
        }
        BigInteger serial;
        try {
            serial = new BigInteger(s.replace(":", ""), 16);
        } catch (NumberFormatException e) {
            throw new KysoException(ErrorCode.INVALID_ARGUMENT, "serialHex=" + serialHex);
        }
        for (SigningKey k : keys()) {
            if (k.certificate().getSerialNumber().equals(serial)) {
                return k;
            }
        }
        throw new KysoException(ErrorCode.KEY_NOT_FOUND, "serial=" + serialHex, "label='" + label + "'");
    }

    /** Same as {@link Token#key(String)}, with the id (CKA_ID hex) matched ignoring case. */
    @Override
    public SigningKey key(String id) {
        Args.notNull(id, "id");
        for (SigningKey k : keys()) {
            if (k.id().equalsIgnoreCase(id.trim())) {
                return k;
            }
        }
        throw new KysoException(ErrorCode.KEY_NOT_FOUND, "id=" + id, "label='" + label + "'");
    }

    private void requireOpen() {
        if (closed) {
            throw KysoException.localized(ErrorCode.TOKEN_UNAVAILABLE, null, "'" + label + "' đã bị đóng", "'" + label + "' (closed)");
        }
    }

    private LoginSession current(Step what) {
        requireOpen();
        LoginSession l = login;
        if (l == null) {
            throw KysoException.localized(ErrorCode.TOKEN_UNAVAILABLE, null, "'" + label + "': " + what.vi() + ": chưa đăng nhập",
                    "'" + label + "': " + what.en() + ": not logged in");
        }
        if (!l.alive()) {
            throw LoginSession.gone(label, what);
        }
        return l;
    }

    private void endLogin(boolean logout) {
        LoginSession l = login;
        login = null;
        keys = List.of();
        module.loggedIn(this, false);
        if (l != null) {
            l.close(logout);
        }
    }

    /** Logs out and closes the sessions; keys from this token can no longer sign. Never throws. */
    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            try {
                endLogin(true);
            } catch (RuntimeException e) {
                LOG.debug("Closing '{}': {}", label, e.toString());
            }
        }
    }

    @Override
    public String toString() {
        return "Pkcs11Token['" + label + "', " + module.library() + (loggedIn() ? ", logged in" : "") + "]";
    }
}
