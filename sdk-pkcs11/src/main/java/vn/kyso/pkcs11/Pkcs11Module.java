package vn.kyso.pkcs11;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xipki.pkcs11.wrapper.ModuleInfo;
import org.xipki.pkcs11.wrapper.PKCS11Constants;
import org.xipki.pkcs11.wrapper.PKCS11Exception;
import org.xipki.pkcs11.wrapper.PKCS11Module;
import org.xipki.pkcs11.wrapper.Slot;
import org.xipki.pkcs11.wrapper.SlotInfo;
import org.xipki.pkcs11.wrapper.TokenException;
import org.xipki.pkcs11.wrapper.TokenInfo;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.internal.Args;
import vn.kyso.pkcs11.internal.Pkcs11Errors;
import vn.kyso.pkcs11.internal.Step;
import vn.kyso.pkcs11.internal.WrapperLogging;

/**
 * A PKCS#11 driver (a {@code .dll}, {@code .so} or {@code .dylib}) loaded into this process.
 *
 * <p>Guarantees: a driver file is loaded and initialised (C_Initialize) at most once per process,
 * whatever the number of callers and threads: {@link #load(Path)} returns the same shared instance for
 * the same file, which stays loaded until the JVM exits (PKCS#11 allows one initialisation per process,
 * and other users of the driver may still hold sessions). Instances are thread-safe. Listing slots needs
 * no PIN. Opening a token does not log in: see {@link Pkcs11Token#login(char[])}.
 */
public final class Pkcs11Module {
    private static final Logger LOG = LoggerFactory.getLogger(Pkcs11Module.class);
    /** One loaded driver per real path: PKCS#11 is initialised once per process. */
    private static final Map<Path, Pkcs11Module> LOADED = new ConcurrentHashMap<>();

    private final Path library;
    private final PKCS11Module module;
    private final String description;
    /** Tokens of this driver currently logged in through this class (refresh only when none is alive). */
    private final java.util.Set<Pkcs11Token> loggedIn = ConcurrentHashMap.newKeySet();
    private final Object refreshLock = new Object();

    private Pkcs11Module(Path library, PKCS11Module module, String description) {
        this.library = library;
        this.module = module;
        this.description = description;
    }

    /**
     * {@return the driver at {@code library}, loaded and initialised on first use, shared afterwards}
     *
     * @param library the PKCS#11 driver (.dll, .so, .dylib)
     * @throws KysoException {@code TOKEN_UNAVAILABLE} if the file is missing or is not a PKCS#11 driver
     * that initialises
     */
    public static Pkcs11Module load(Path library) {
        Args.notNull(library, "library");
        Path real;
        try {
            real = library.toRealPath();
        } catch (IOException e) {
            throw KysoException.localized(ErrorCode.TOKEN_UNAVAILABLE, e, "không tìm thấy trình điều khiển PKCS#11 " + library,
                    "PKCS#11 driver not found: " + library);
        }
        if (!Files.isRegularFile(real)) {
            throw KysoException.localized(ErrorCode.TOKEN_UNAVAILABLE, null, "trình điều khiển PKCS#11 không phải là tệp: " + library,
                    "PKCS#11 driver is not a file: " + library);
        }
        return LOADED.computeIfAbsent(real, Pkcs11Module::initialise);
    }

    private static Pkcs11Module initialise(Path real) {
        WrapperLogging.install();
        PKCS11Module m;
        try {
            m = PKCS11Module.getInstance(real.toString());
        } catch (IOException | RuntimeException | UnsatisfiedLinkError e) {
            throw KysoException.localized(ErrorCode.TOKEN_UNAVAILABLE, e, "không nạp được trình điều khiển PKCS#11 " + real,
                    "cannot load the PKCS#11 driver " + real);
        }
        try {
            m.initialize();
        } catch (PKCS11Exception e) {
            if (e.getErrorCode() != PKCS11Constants.CKR_CRYPTOKI_ALREADY_INITIALIZED) {
                throw KysoException.localized(ErrorCode.TOKEN_UNAVAILABLE, e,
                        "không khởi động được trình điều khiển PKCS#11 " + real + " (" + Pkcs11Errors.name(e) + ")",
                        "cannot initialise the PKCS#11 driver " + real + " (" + Pkcs11Errors.name(e) + ")");
            }
            LOG.debug("PKCS#11 driver {} was already initialised in this process", real);
        }
        String description = "";
        try {
            ModuleInfo info = m.getInfo();
            description = (info.getManufacturerID().trim() + " " + info.getLibraryDescription().trim() + " "
                    + info.getLibraryVersion()).trim();
        } catch (TokenException | RuntimeException e) {
            LOG.debug("C_GetInfo failed on {}", real, e);
        }
        LOG.info("Loaded PKCS#11 driver {} ({})", real, description);
        return new Pkcs11Module(real, m, description);
    }

    /** {@return the driver file (real path)} */
    public Path library() {
        return library;
    }

    /**
     * Manufacturer, description and version of the driver as it reports them (C_GetInfo); may be empty.
     *
     * @return the description, or an empty string
     */
    public String description() {
        return description;
    }

    /**
     * {@return the slots that hold a token, in the driver's order, each with a fresh snapshot of its token's
     * information and PIN flags} Slots whose token cannot be read at this moment are left out (and logged).
     *
     * @throws KysoException {@code TOKEN_UNAVAILABLE} if the driver cannot list its slots
     */
    public List<TokenSlot> slots() {
        Slot[] slots;
        try {
            slots = module.getSlotList(true);
        } catch (PKCS11Exception e) {
            throw Pkcs11Errors.toKyso(e, library.getFileName().toString(), Step.LISTING_SLOTS);
        }
        List<TokenSlot> out = new ArrayList<>();
        for (Slot slot : slots) {
            try {
                SlotInfo si = slot.getSlotInfo();
                TokenInfo ti = slot.getToken().getTokenInfo();
                out.add(new TokenSlot(slot.getSlotID(), out.size(), si.getSlotDescription(), ti.getLabel(),
                        ti.getSerialNumber(), ti.getManufacturerID(), ti.getModel(), ti.getFlags()));
            } catch (TokenException | RuntimeException e) {
                LOG.debug("Skipping slot {} of {}: {}", slot.getSlotID(), library, e.toString());
            }
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * {@return the token in the slot with this PKCS#11 slot id} Not logged in.
     *
     * @param slotId the PKCS#11 slot id
     */
    public Pkcs11Token openSlot(long slotId) {
        return new Pkcs11Token(this, slotId, null);
    }

    /**
     * {@return the token in the given slot (by its slot id)} Not logged in.
     *
     * @param slot a slot {@link #slots()} listed
     */
    public Pkcs11Token open(TokenSlot slot) {
        return openSlot(Args.notNull(slot, "slot").slotId());
    }

    /**
     * {@return the token in the {@code index}-th slot of {@link #slots()} (0-based)} Not logged in.
     *
     * @param index 0-based position in {@link #slots()}
     * @throws KysoException {@code TOKEN_UNAVAILABLE} if there is no such slot
     */
    public Pkcs11Token openIndex(int index) {
        List<TokenSlot> slots = slots();
        if (index < 0 || index >= slots.size()) {
            throw KysoException.localized(ErrorCode.TOKEN_UNAVAILABLE, null, "không có thiết bị ký số ở khe số " + index
                    + " của " + library + " (có " + slots.size() + " khe)",
                    "no token in slot " + index + " of " + library + " (" + slots.size() + " present)");
        }
        return open(slots.get(index));
    }

    /**
     * {@return the token with this label (trailing blanks ignored)} The label is looked up again at each
     * login, so a
     * token unplugged and plugged in elsewhere, or re-initialised with the same label, is found again. When
     * no token has the label and no token of this driver is logged in, the driver is {@link #refresh()
     * re-initialised} once and searched again. Not logged in.
     *
     * @param label the token label
     * @throws KysoException {@code TOKEN_UNAVAILABLE} if no present token has this label
     */
    public Pkcs11Token openLabel(String label) {
        Args.notNull(label, "label");
        try {
            findSlot(-1, label.trim()); // fail early when absent
        } catch (KysoException e) {
            if (!noOtherLogin(null)) {
                throw e;
            }
            refresh(); // the driver may scan its tokens only at initialisation
            findSlot(-1, label.trim());
        }
        return new Pkcs11Token(this, -1, label.trim());
    }

    /**
     * {@return the first initialised token} Not logged in.
     *
     * @throws KysoException {@code TOKEN_UNAVAILABLE} if no initialised token is present
     */
    public Pkcs11Token openFirst() {
        for (TokenSlot s : slots()) {
            if (s.initialized()) {
                return open(s);
            }
        }
        throw KysoException.localized(ErrorCode.TOKEN_UNAVAILABLE, null,
                "không có thiết bị ký số nào đã được khởi tạo trong " + library, "no initialised token in " + library);
    }

    /** The slot of a token chosen by slot id ({@code slotId >= 0}) or by label. Internal. */
    Slot findSlot(long slotId, String label) {
        Slot[] slots;
        try {
            slots = module.getSlotList(true);
        } catch (PKCS11Exception e) {
            throw Pkcs11Errors.toKyso(e, library.getFileName().toString(), Step.LISTING_SLOTS);
        }
        for (Slot slot : slots) {
            if (label == null) {
                if (slot.getSlotID() == slotId) {
                    return slot;
                }
                continue;
            }
            try {
                TokenInfo ti = slot.getToken().getTokenInfo();
                if (ti.isTokenInitialized() && label.equals(ti.getLabel().trim())) {
                    return slot;
                }
            } catch (TokenException | RuntimeException e) {
                LOG.debug("Slot {} of {} unreadable: {}", slot.getSlotID(), library, e.toString());
            }
        }
        if (label == null) {
            throw KysoException.localized(ErrorCode.TOKEN_UNAVAILABLE, null,
                    "không có thiết bị ký số ở khe slotId=" + slotId + " của " + library,
                    "no token in slot id " + slotId + " in " + library);
        }
        throw KysoException.localized(ErrorCode.TOKEN_UNAVAILABLE, null,
                "không có thiết bị ký số mang nhãn '" + label + "' trong " + library,
                "no token labelled '" + label + "' in " + library);
    }

    /**
     * Re-initialises the driver (C_Finalize then C_Initialize) so that it sees tokens added, removed or
     * re-initialised since it was loaded; some drivers (SoftHSM2, and several USB token drivers) only scan
     * their tokens at initialisation. Every session of every token of this driver in this process is lost:
     * tokens logged in must log in again (their next call fails with {@code TOKEN_UNAVAILABLE}).
     * {@link Pkcs11Token#login(char[])} calls this by itself when its token cannot be found and no other token
     * of this driver is logged in.
     *
     * @throws KysoException {@code TOKEN_UNAVAILABLE} if the driver does not initialise again
     */
    public void refresh() {
        synchronized (refreshLock) {
            LOG.info("Re-initialising PKCS#11 driver {}", library);
            try {
                module.finalize(null);
            } catch (PKCS11Exception e) {
                LOG.debug("C_Finalize on {}: {}", library, Pkcs11Errors.name(e));
            }
            try {
                module.initialize();
            } catch (PKCS11Exception e) {
                if (e.getErrorCode() != PKCS11Constants.CKR_CRYPTOKI_ALREADY_INITIALIZED) {
                    throw KysoException.localized(ErrorCode.TOKEN_UNAVAILABLE, e,
                            "không khởi động lại được trình điều khiển PKCS#11 " + library + " (" + Pkcs11Errors.name(e) + ")",
                            "cannot re-initialise the PKCS#11 driver " + library + " (" + Pkcs11Errors.name(e) + ")");
                }
            }
        }
    }

    /** Whether no token of this driver is logged in (and alive) through this class, other than {@code except}. */
    boolean noOtherLogin(Pkcs11Token except) {
        boolean none = true;
        for (Pkcs11Token t : loggedIn) {
            if (!t.loggedIn()) {
                loggedIn.remove(t); // login lost: nothing to protect any more
            } else if (t != except) {
                none = false;
            }
        }
        return none;
    }

    void loggedIn(Pkcs11Token token, boolean in) {
        if (in) {
            loggedIn.add(token);
        } else {
            loggedIn.remove(token);
        }
    }

    @Override
    public String toString() {
        return "Pkcs11Module[" + library + ", " + description + "]";
    }
}
