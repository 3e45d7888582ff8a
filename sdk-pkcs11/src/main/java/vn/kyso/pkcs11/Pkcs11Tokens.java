package vn.kyso.pkcs11;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.internal.Args;

/**
 * Where a desktop application starts with USB tokens and HSMs: the tokens of every PKCS#11 driver
 * installed on the machine ({@link #discover()}, {@link #first()}), or the token of a driver the user
 * chose ({@link #open(Path, String)}, {@link #open(Path, int)}). Tokens come back not logged in:
 * {@code Pkcs11Tokens.first().login(pin)} gives a {@link vn.kyso.api.token.Token} whose keys sign like any
 * other. Stateless; every method is safe to call from several threads.
 */
public final class Pkcs11Tokens {
    private static final Logger LOG = LoggerFactory.getLogger(Pkcs11Tokens.class);

    private Pkcs11Tokens() {
    }

    /**
     * {@return the initialised tokens present in the slots of the drivers {@link DriverDiscovery#find()}
     * finds, driver
     * after driver, each in slot order} Unlike {@code DriverDiscovery}, this loads and initialises each
     * driver (once per process, see {@link Pkcs11Module}); a driver that does not load or cannot list its
     * slots is left out and logged. Not logged in.
     */
    public static List<Pkcs11Token> discover() {
        List<Pkcs11Token> tokens = new ArrayList<>();
        for (DriverDiscovery.Driver driver : DriverDiscovery.find()) {
            try {
                Pkcs11Module module = Pkcs11Module.load(driver.path());
                for (TokenSlot slot : module.slots()) {
                    if (slot.initialized()) {
                        tokens.add(module.open(slot));
                    }
                }
            } catch (KysoException e) {
                LOG.info("Skipping PKCS#11 driver {}: {}", driver.path(), e.getMessage());
            }
        }
        return Collections.unmodifiableList(tokens);
    }

    /**
     * {@return the first token {@link #discover()} finds}
     *
     * @throws KysoException {@code TOKEN_UNAVAILABLE} if no driver sees an initialised token
     */
    public static Pkcs11Token first() {
        List<Pkcs11Token> tokens = discover();
        if (tokens.isEmpty()) {
            int drivers = DriverDiscovery.find().size();
            throw KysoException.localized(ErrorCode.TOKEN_UNAVAILABLE, null,
                    "không tìm thấy thiết bị ký số USB hay HSM nào (số trình điều khiển: " + drivers + ")",
                    "no USB token or HSM found (drivers: " + drivers + ")");
        }
        return tokens.get(0);
    }

    /**
     * {@return the token with this label on this driver; it is looked up again at each login (see
     * {@link Pkcs11Module#openLabel(String)})} Not logged in.
     *
     * @param driver the PKCS#11 driver file
     * @param label the token label
     * @throws KysoException {@code TOKEN_UNAVAILABLE} if the driver does not load or no token has the label
     */
    public static Pkcs11Token open(Path driver, String label) {
        Args.notNull(driver, "driver");
        Args.notNull(label, "label");
        return Pkcs11Module.load(driver).openLabel(label);
    }

    /**
     * {@return the token in the {@code slotIndex}-th slot (0, 1, ...) of this driver} Not logged in.
     *
     * @param driver the PKCS#11 driver file
     * @param slotIndex 0-based position among the slots with a token
     * @throws KysoException {@code TOKEN_UNAVAILABLE} if the driver does not load or there is no such slot
     */
    public static Pkcs11Token open(Path driver, int slotIndex) {
        Args.notNull(driver, "driver");
        return Pkcs11Module.load(driver).openIndex(slotIndex);
    }
}
