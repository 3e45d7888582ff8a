package vn.kyso.pkcs11.internal;

import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKR_USER_ALREADY_LOGGED_IN;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKR_USER_NOT_LOGGED_IN;
import static org.xipki.pkcs11.wrapper.PKCS11Constants.CKU_USER;

import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xipki.pkcs11.wrapper.PKCS11Exception;
import org.xipki.pkcs11.wrapper.Session;
import org.xipki.pkcs11.wrapper.Token;
import org.xipki.pkcs11.wrapper.TokenException;
import org.xipki.pkcs11.wrapper.TokenInfo;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.Language;

/**
 * One login on one token: the pool of sessions opened after it and the token's keys as read then.
 * Thread-safe. Once a call reports that the token is gone (removed, re-initialised, logged out), the
 * whole login is dropped: its sessions are closed and every later call fails with
 * {@code TOKEN_UNAVAILABLE} until the user logs in again (a new instance). Internal.
 */
public final class LoginSession {
    private static final Logger LOG = LoggerFactory.getLogger(LoginSession.class);
    /** At most this many sessions per token: USB tokens sign one at a time and allow few sessions. */
    static final int MAX_SESSIONS = 8;
    /** How long a caller waits for a free session (a PIN-pad token may keep one busy a while). */
    private static final long WAIT_SECONDS = 120;

    /** A call made with a session of the pool. */
    @FunctionalInterface
    public interface SessionCall<T> {
        T apply(Session session) throws TokenException;
    }

    private final Token token;
    private final String label;
    private final Semaphore permits;
    private final LinkedBlockingDeque<Session> idle = new LinkedBlockingDeque<>();
    private final Set<Session> open = ConcurrentHashMap.newKeySet();
    private final Set<Long> mechanisms;
    private volatile boolean dead;
    private volatile List<TokenObjects.KeyEntry> entries = List.of();
    private volatile Map<String, TokenObjects.KeyEntry> byId = Map.of();

    private LoginSession(Token token, String label, int maxSessions, Session first) {
        this.token = token;
        this.label = label;
        this.permits = new Semaphore(maxSessions, true);
        this.open.add(first);
        this.idle.add(first);
        Set<Long> m = new HashSet<>();
        long[] list = token.getMechanismList();
        if (list != null) {
            for (long l : list) {
                m.add(l);
            }
        }
        this.mechanisms = Collections.unmodifiableSet(m);
    }

    /**
     * Logs in (C_Login as user) and reads the keys. {@code pin} null means the protected authentication
     * path (PIN pad). The PIN array is used as given and not kept; the caller wipes it.
     *
     * @throws KysoException {@code PIN_INCORRECT} with the PIN state after the failure, {@code PIN_LOCKED},
     *     {@code TOKEN_UNAVAILABLE}, or another mapped code
     */
    public static LoginSession login(Token token, String label, char[] pin) {
        TokenInfo before = tokenInfo(token, label);
        if ((before.getFlags() & PinFlags.CKF_USER_PIN_LOCKED) != 0) {
            throw KysoException.localized(ErrorCode.PIN_LOCKED, null,
                    "'" + label + "': tình trạng PIN " + PinFlags.describe(before.getFlags(), Language.VI),
                    "'" + label + "': PIN state " + PinFlags.describe(before.getFlags()));
        }
        int max = maxSessions(before.getMaxSessionCount());
        Session session;
        try {
            session = token.openSession(false);
        } catch (PKCS11Exception e) {
            throw Pkcs11Errors.toKyso(e, label, Step.OPENING_SESSION);
        }
        try {
            session.login(CKU_USER, pin);
        } catch (PKCS11Exception e) {
            if (e.getErrorCode() != CKR_USER_ALREADY_LOGGED_IN) {
                closeQuietly(session);
                throw loginFailure(token, label, e);
            }
            LOG.debug("Token '{}' was already logged in by this process", label);
        }
        LoginSession login = new LoginSession(token, label, max, session);
        try {
            List<TokenObjects.KeyEntry> keys = login.call(Step.READING_KEYS, TokenObjects::read);
            login.entries = Collections.unmodifiableList(keys);
            Map<String, TokenObjects.KeyEntry> map = new ConcurrentHashMap<>();
            for (TokenObjects.KeyEntry k : keys) {
                map.putIfAbsent(k.idHex(), k);
            }
            login.byId = map;
        } catch (RuntimeException e) {
            login.close(true);
            throw e;
        }
        LOG.info("Logged in to token '{}': {} key(s) with a certificate, up to {} sessions", label,
                login.entries.size(), max);
        return login;
    }

    private static KysoException loginFailure(Token token, String label, PKCS11Exception e) {
        ErrorCode code = Pkcs11Errors.errorCode(e.getErrorCode());
        String name = Pkcs11Errors.name(e);
        if (code == ErrorCode.PIN_INCORRECT || code == ErrorCode.PIN_LOCKED) {
            String state;
            String stateVi;
            long flags = -1;
            try {
                flags = token.getTokenInfo().getFlags();
                state = PinFlags.describe(flags);
                stateVi = PinFlags.describe(flags, Language.VI);
            } catch (TokenException | RuntimeException ex) {
                state = "unknown";
                stateVi = "không rõ";
            }
            if (flags >= 0 && (flags & PinFlags.CKF_USER_PIN_LOCKED) != 0) {
                code = ErrorCode.PIN_LOCKED;
            }
            LOG.warn("Login to token '{}' failed: {}; PIN state now: {}", label, name, state);
            return KysoException.localized(code, e, "'" + label + "' (" + name + "); tình trạng PIN hiện nay: " + stateVi,
                    "'" + label + "' (" + name + "); PIN state now: " + state);
        }
        return Pkcs11Errors.toKyso(e, label, Step.LOGIN);
    }

    private static TokenInfo tokenInfo(Token token, String label) {
        try {
            return token.getTokenInfo();
        } catch (PKCS11Exception e) {
            throw Pkcs11Errors.toKyso(e, label, Step.READING_TOKEN_INFO);
        }
    }

    private static int maxSessions(long reported) {
        // 0 = CK_EFFECTIVELY_INFINITE; ~0 = CK_UNAVAILABLE_INFORMATION
        if (reported <= 0 || reported >= MAX_SESSIONS) {
            return MAX_SESSIONS;
        }
        return (int) reported;
    }

    /** Whether this login still works as far as we know (no call has reported the token gone). */
    public boolean alive() {
        return !dead;
    }

    /** Whether the token lists this mechanism (CKM_*). */
    public boolean hasMechanism(long ckm) {
        return mechanisms.contains(ckm);
    }

    /** The keys with a certificate, in the token's order. */
    public List<TokenObjects.KeyEntry> entries() {
        return entries;
    }

    /** The key with this CKA_ID (hex), or null. */
    public TokenObjects.KeyEntry entry(String idHex) {
        return byId.get(idHex);
    }

    /**
     * Runs {@code call} with a session of the pool, opening one if none is idle (up to the limit) or waiting
     * for one.
     *
     * @throws KysoException the mapped token error; {@code TOKEN_UNAVAILABLE} once the login is dropped
     */
    public <T> T call(Step what, SessionCall<T> call) {
        Session s = borrow(what);
        boolean keep = true;
        try {
            return call.apply(s);
        } catch (TokenException e) {
            long ckr = Pkcs11Errors.code(e);
            if (Pkcs11Errors.isTokenGone(ckr)) {
                LOG.warn("Token '{}' is gone or logged out ({}): dropping its sessions; log in again", label,
                        Pkcs11Errors.name(e));
                keep = false;
                invalidate();
            } else if (ckr < 0) {
                keep = false; // not a PKCS#11 error: do not trust the session's state
            }
            if (ckr == CKR_USER_NOT_LOGGED_IN) {
                throw KysoException.localized(ErrorCode.TOKEN_UNAVAILABLE, e, "'" + label + "': " + what.vi()
                        + " (CKR_USER_NOT_LOGGED_IN); thiết bị ký số đã đăng xuất: hãy đăng nhập lại", "'" + label + "': "
                        + what.en() + " (CKR_USER_NOT_LOGGED_IN); the token logged out: log in again");
            }
            throw Pkcs11Errors.toKyso(e, label, what);
        } catch (RuntimeException | Error e) {
            keep = false;
            throw e;
        } finally {
            giveBack(s, keep);
        }
    }

    private Session borrow(Step what) {
        checkAlive(what);
        try {
            if (!permits.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw KysoException.localized(ErrorCode.SIGNING_FAILED, null, "'" + label + "': " + what.vi()
                        + ": không có phiên làm việc nào rảnh sau " + WAIT_SECONDS + " giây",
                        "'" + label + "': " + what.en() + ": no free session after " + WAIT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw KysoException.localized(ErrorCode.SIGNING_FAILED, e, "'" + label + "': " + what.vi() + ": bị ngắt",
                    "'" + label + "': " + what.en() + ": interrupted");
        }
        try {
            checkAlive(what);
            Session s = idle.pollFirst();
            if (s != null) {
                return s;
            }
            s = token.openSession(false);
            open.add(s);
            LOG.debug("Token '{}': opened session {} of {}", label, open.size(), MAX_SESSIONS);
            return s;
        } catch (PKCS11Exception e) {
            permits.release();
            if (Pkcs11Errors.isTokenGone(e.getErrorCode())) {
                invalidate();
            }
            throw Pkcs11Errors.toKyso(e, label, what);
        } catch (RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    private void giveBack(Session s, boolean keep) {
        try {
            if (keep && !dead) {
                idle.addFirst(s);
                if (dead && idle.remove(s)) { // closed meanwhile
                    open.remove(s);
                    closeQuietly(s);
                }
            } else {
                open.remove(s);
                closeQuietly(s);
            }
        } finally {
            permits.release();
        }
    }

    private void checkAlive(Step what) {
        if (dead) {
            throw gone(label, what);
        }
    }

    /** TOKEN_UNAVAILABLE for a login that no longer holds: the token was removed, re-initialised or logged out. */
    public static KysoException gone(String label, Step what) {
        return KysoException.localized(ErrorCode.TOKEN_UNAVAILABLE, null, "'" + label + "': " + what.vi()
                + ": thiết bị ký số đã bị rút ra, khởi tạo lại hoặc đăng xuất: hãy đăng nhập lại", "'" + label + "': "
                + what.en() + ": the token was removed, re-initialised or logged out: log in again");
    }

    private void invalidate() {
        dead = true;
        for (Session s; (s = idle.pollFirst()) != null; ) {
            open.remove(s);
            closeQuietly(s);
        }
    }

    /**
     * Ends this login: logs out (when {@code logout}) and closes every idle session; sessions in use by calls in
     * progress to end (their sessions are closed when they return). Never throws.
     */
    public void close(boolean logout) {
        if (logout && !dead) {
            Session s = idle.peekFirst();
            if (s != null) {
                try {
                    s.logout();
                } catch (PKCS11Exception e) {
                    LOG.debug("C_Logout on '{}': {}", label, Pkcs11Errors.name(e));
                }
            }
        }
        invalidate(); // sessions in use by other threads are closed when they come back
    }

    private static void closeQuietly(Session s) {
        try {
            s.closeSession();
        } catch (PKCS11Exception | RuntimeException e) {
            LOG.debug("C_CloseSession: {}", e.toString());
        }
    }
}
