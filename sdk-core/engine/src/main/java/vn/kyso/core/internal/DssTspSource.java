package vn.kyso.core.internal;

import eu.europa.esig.dss.model.DSSException;
import eu.europa.esig.dss.model.TimestampBinary;
import eu.europa.esig.dss.spi.x509.tsp.TSPSource;
import vn.kyso.api.DigestAlgorithm;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.core.tsp.TimestampClient;

/** Adapts a {@link TimestampClient} to DSS's {@link TSPSource}. Internal. */
public final class DssTspSource implements TSPSource {
    private static final long serialVersionUID = 1L;
    private final transient TimestampClient client;

    public DssTspSource(TimestampClient client) {
        this.client = client;
    }

    @Override
    public TimestampBinary getTimeStampResponse(eu.europa.esig.dss.enumerations.DigestAlgorithm alg, byte[] digest)
            throws DSSException {
        DigestAlgorithm d = Dss.digest(alg);
        if (d == null) {
            throw new KysoException(ErrorCode.UNSUPPORTED_ALGORITHM, String.valueOf(alg));
        }
        return new TimestampBinary(client.timestamp(digest, d));
    }
}
