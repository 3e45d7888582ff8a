package vn.kyso.api.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;

/** The attributes of an X.500 name, decoded as Unicode text (UTF8String, BMPString, ...). Internal. */
public final class DistinguishedName {
    public static final String CN = "2.5.4.3";
    public static final String C = "2.5.4.6";
    public static final String L = "2.5.4.7";
    public static final String ST = "2.5.4.8";
    public static final String O = "2.5.4.10";
    public static final String OU = "2.5.4.11";
    public static final String TELEPHONE = "2.5.4.20";
    public static final String SERIAL_NUMBER = "2.5.4.5";
    public static final String UID = "0.9.2342.19200300.100.1.1";
    public static final String EMAIL = "1.2.840.113549.1.9.1";

    private final Map<String, List<String>> values;

    private DistinguishedName(Map<String, List<String>> values) {
        this.values = values;
    }

    public static DistinguishedName of(X500Principal principal) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        X500Name name = X500Name.getInstance(principal.getEncoded());
        for (RDN rdn : name.getRDNs()) {
            for (AttributeTypeAndValue atv : rdn.getTypesAndValues()) {
                ASN1ObjectIdentifier type = atv.getType();
                ASN1Encodable v = atv.getValue();
                String text = v instanceof ASN1String ? ((ASN1String) v).getString() : String.valueOf(v);
                map.computeIfAbsent(type.getId(), k -> new ArrayList<>()).add(text.trim());
            }
        }
        return new DistinguishedName(map);
    }

    /** The first value of an attribute, or null. */
    public String first(String oid) {
        List<String> v = values.get(oid);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /** All values of an attribute, in the order they appear (the encoded order). */
    public List<String> all(String oid) {
        List<String> v = values.get(oid);
        return v == null ? Collections.<String>emptyList() : Collections.unmodifiableList(v);
    }
}
