package vn.kyso.pkcs11.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xipki.pkcs11.wrapper.StaticLogger;

/**
 * Sends the IAIK/xipki wrapper's log lines to SLF4J (logger {@code org.xipki.pkcs11.wrapper}); without this
 * the wrapper prints to standard output. Its chatty INFO lines (one per PKCS#11 call) go to DEBUG. The
 * wrapper logs function names and parameters, never PIN values. Internal.
 */
public final class WrapperLogging {
    private static final Logger LOG = LoggerFactory.getLogger("org.xipki.pkcs11.wrapper");
    private static volatile boolean installed;

    private WrapperLogging() {
    }

    /** Installs the bridge (idempotent). */
    public static void install() {
        if (installed) {
            return;
        }
        synchronized (WrapperLogging.class) {
            if (!installed) {
                StaticLogger.setLogger(new Bridge());
                installed = true;
            }
        }
    }

    private static final class Bridge implements org.xipki.pkcs11.wrapper.Logger {
        @Override
        public void info(String format, Object... args) {
            LOG.debug(format, args);
        }

        @Override
        public void warn(String format, Object... args) {
            LOG.warn(format, args);
        }

        @Override
        public void error(String format, Object... args) {
            LOG.error(format, args);
        }

        @Override
        public void debug(String format, Object... args) {
            LOG.trace(format, args);
        }

        @Override
        public void trace(String format, Object... args) {
            LOG.trace(format, args);
        }

        @Override
        public boolean isDebugEnabled() {
            return LOG.isTraceEnabled();
        }

        @Override
        public boolean isInfoEnabled() {
            return LOG.isDebugEnabled();
        }

        @Override
        public boolean isWarnEnabled() {
            return LOG.isWarnEnabled();
        }

        @Override
        public boolean isTraceEnabled() {
            return LOG.isTraceEnabled();
        }
    }
}
