package vn.kyso.pkcs11;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import vn.kyso.pkcs11.internal.EcdsaSignatures;

class EcdsaSignaturesTest {

    @Property(tries = 300)
    void rawValuesBecomeDerWithTheSameIntegers(@ForAll @Size(64) byte[] raw) throws Exception {
        byte[] der = EcdsaSignatures.toDer(raw, 32);
        ASN1Sequence seq = ASN1Sequence.getInstance(der);
        assertEquals(2, seq.size());
        assertEquals(new BigInteger(1, Arrays.copyOfRange(raw, 0, 32)), ASN1Integer.getInstance(seq.getObjectAt(0)).getValue());
        assertEquals(new BigInteger(1, Arrays.copyOfRange(raw, 32, 64)), ASN1Integer.getInstance(seq.getObjectAt(1)).getValue());
        assertArrayEquals(der, EcdsaSignatures.toDer(der, 32)); // already DER: unchanged
    }
}
