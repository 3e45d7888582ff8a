package vn.kyso.core.internal;

import eu.europa.esig.dss.service.crl.OnlineCRLSource;
import eu.europa.esig.dss.service.http.commons.CommonsDataLoader;
import eu.europa.esig.dss.service.http.commons.OCSPDataLoader;
import eu.europa.esig.dss.service.ocsp.OnlineOCSPSource;
import eu.europa.esig.dss.spi.x509.aia.DefaultAIASource;
import java.time.Clock;
import vn.kyso.core.internal.CachingDataLoader;
import vn.kyso.core.revocation.RevocationOptions;

/**
 * The DSS network sources (OCSP, CRL, AIA) built once from {@link RevocationOptions}, sharing one
 * response cache. Null sources when the corresponding access is disabled. Thread-safe. Internal.
 */
public final class NetworkSources {
    private final OnlineOCSPSource ocsp;
    private final OnlineCRLSource crl;
    private final DefaultAIASource aia;

    public NetworkSources(RevocationOptions options, Clock clock) {
        if (!options.networkAllowed()) {
            ocsp = null;
            crl = null;
            aia = null;
            return;
        }
        CommonsDataLoader plain = configure(new CommonsDataLoader(), options);
        CachingDataLoader cached = new CachingDataLoader(plain, options.cacheTtl(), clock);
        crl = options.crl() ? new OnlineCRLSource(cached) : null;
        aia = new DefaultAIASource(cached);
        if (options.ocsp()) {
            CachingDataLoader ocspLoader = new CachingDataLoader(configure(new OCSPDataLoader(), options),
                    options.cacheTtl(), clock);
            ocsp = new OnlineOCSPSource(ocspLoader);
        } else {
            ocsp = null;
        }
    }

    private static <T extends CommonsDataLoader> T configure(T loader, RevocationOptions o) {
        int connect = (int) o.connectTimeout().toMillis();
        int read = (int) o.readTimeout().toMillis();
        loader.setTimeoutConnection(connect);
        loader.setTimeoutConnectionRequest(connect);
        loader.setTimeoutSocket(read);
        loader.setTimeoutResponse(read);
        return loader;
    }

    public OnlineOCSPSource ocsp() {
        return ocsp;
    }

    public OnlineCRLSource crl() {
        return crl;
    }

    public DefaultAIASource aia() {
        return aia;
    }
}
