package vn.kyso.xml;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.kyso.api.report.SignatureResult;
import vn.kyso.api.report.VerificationReport;

/**
 * The outcome of verifying an XML document: the common {@link VerificationReport}, the profile applied,
 * each signature's role in that profile ({@code seller}, {@code buyer}, {@code tax-authority},
 * {@code other}, {@code declarant}, {@code sender}) and the paths of the elements each signature covers
 * (such as {@code /HDon[1]/DLHDon[1]}; {@code /} for the whole document). Immutable.
 */
public final class XmlVerification {
    private final VerificationReport report;
    private final XmlProfile profile;
    private final Map<String, SignatureResult> parties;
    private final Map<String, List<String>> signedPaths;

    XmlVerification(VerificationReport report, XmlProfile profile, Map<String, SignatureResult> parties,
                    Map<String, List<String>> signedPaths) {
        this.report = report;
        this.profile = profile;
        this.parties = Collections.unmodifiableMap(new LinkedHashMap<>(parties));
        this.signedPaths = Collections.unmodifiableMap(new LinkedHashMap<>(signedPaths));
    }

    public VerificationReport report() {
        return report;
    }

    public XmlProfile profile() {
        return profile;
    }

    /** Role in the profile to that party's signature result (first signature of each role). */
    public Map<String, SignatureResult> parties() {
        return parties;
    }

    /** The result of one party, or null when that party did not sign. */
    public SignatureResult party(String role) {
        return parties.get(role);
    }

    /** Signature result id to the paths of the elements it covers. */
    public Map<String, List<String>> signedPaths() {
        return signedPaths;
    }
}
