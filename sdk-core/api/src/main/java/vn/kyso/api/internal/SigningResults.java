package vn.kyso.api.internal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import vn.kyso.api.SignatureAlgorithm;
import vn.kyso.api.SignatureLevel;
import vn.kyso.api.SigningResult;
import vn.kyso.api.twophase.PreparedSignature;

/**
 * How the SDK's signing engines (in other modules) create {@link SigningResult} and
 * {@link PreparedSignature}, which have no public constructor: each of the two classes registers its
 * factory here from its static initialiser (the JDK's "shared secrets" pattern), once. Serves only these
 * two types. Not meant for vendors; may change between releases.
 */
public final class SigningResults {
    /** Creates signing results; registered by {@link SigningResult}. */
    public interface ResultFactory {
        SigningResult create(byte @Nullable [] signed, @Nullable SignatureAlgorithm algorithm, SignatureLevel level,
                             Instant signingTime);
    }

    /** Creates prepared signatures; registered by {@link PreparedSignature}. */
    public interface PreparedFactory {
        PreparedSignature create(byte[] dataToSign, byte[] digest, SignatureAlgorithm algorithm, byte[] state,
                                 byte @Nullable [] documentDigest);
    }

    private static volatile @Nullable ResultFactory results;
    private static volatile @Nullable PreparedFactory prepared;

    private SigningResults() {
    }

    /** Called once, by {@link SigningResult}'s static initialiser; a second registration is refused. */
    public static synchronized void register(ResultFactory factory) {
        if (results != null) {
            throw new IllegalStateException("SigningResult factory already registered");
        }
        results = factory;
    }

    /** Called once, by {@link PreparedSignature}'s static initialiser; a second registration is refused. */
    public static synchronized void register(PreparedFactory factory) {
        if (prepared != null) {
            throw new IllegalStateException("PreparedSignature factory already registered");
        }
        prepared = factory;
    }

    /**
     * A signing result.
     *
     * @param signed the output when it was asked in memory, else null
     * @param algorithm the algorithm used, or null for an extension (no new signature value)
     */
    public static SigningResult result(byte @Nullable [] signed, @Nullable SignatureAlgorithm algorithm,
                                       SignatureLevel level, Instant signingTime) {
        ResultFactory f = results;
        if (f == null) {
            initialise(SigningResult.class);
            f = results;
        }
        return f.create(signed, algorithm, level, signingTime);
    }

    /** A prepared signature (first half of a two-phase signature). */
    public static PreparedSignature prepared(byte[] dataToSign, byte[] digest, SignatureAlgorithm algorithm,
                                             byte[] state, byte @Nullable [] documentDigest) {
        PreparedFactory f = prepared;
        if (f == null) {
            initialise(PreparedSignature.class);
            f = prepared;
        }
        return f.create(dataToSign, digest, algorithm, state, documentDigest);
    }

    private static void initialise(Class<?> type) {
        try {
            Class.forName(type.getName(), true, type.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
