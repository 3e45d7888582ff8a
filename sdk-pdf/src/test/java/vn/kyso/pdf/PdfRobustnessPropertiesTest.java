package vn.kyso.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import vn.kyso.api.KysoException;
import vn.kyso.api.Language;
import vn.kyso.api.report.Verdict;
import vn.kyso.api.report.VerificationReport;
import vn.kyso.core.report.ReportWriter;
import vn.kyso.core.trust.TrustAnchors;
import vn.kyso.core.verify.Verifier;
import vn.kyso.testkit.Sandbox;

/**
 * Bad PDF input gives a typed error or a verdict other than VALID, never a crash or a wrong VALID: any
 * byte of the signed ranges changed, and the file cut anywhere.
 */
class PdfRobustnessPropertiesTest {
    static Sandbox sandbox;
    static Path dir;
    static byte[] signed;
    static long[] byteRange;
    static Verifier verifier;

    @BeforeContainer
    static void start() throws Exception {
        sandbox = Sandbox.start();
        dir = Files.createTempDirectory("kyso-pdf-props");
        Path in = PdfTestDocuments.decision(dir.resolve("in.pdf"));
        Path out = dir.resolve("signed.pdf");
        PdfSigner.builder().build().sign(in, out, PdfTestDocuments.key(sandbox.person1()),
                PdfSignatureOptions.builder().visible(1, 320, 600, 220, 70).build());
        signed = Files.readAllBytes(out);
        verifier = Verifier.builder().trust(TrustAnchors.of(List.of(sandbox.root()))).build();
        assertEquals(Verdict.VALID, verifier.verify(out).verdict(), "the unmutated file must be VALID for the property to mean anything");
        Matcher m = Pattern.compile("/ByteRange\\s*\\[\\s*(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s*\\]")
                .matcher(new String(signed, StandardCharsets.ISO_8859_1));
        assertTrue(m.find());
        byteRange = new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)),
                Long.parseLong(m.group(4))};
        assertEquals(signed.length, byteRange[2] + byteRange[3]);
    }

    @AfterContainer
    static void stop() throws IOException {
        if (sandbox != null) {
            sandbox.close();
        }
        try (var files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(dir);
    }

    private static void assertNotValid(byte[] bytes) throws IOException {
        Path f = Files.write(Files.createTempFile(dir, "m", ".pdf"), bytes);
        try {
            VerificationReport r = verifier.verify(f);
            assertNotEquals(Verdict.VALID, r.verdict(), () -> ReportWriter.text(r, Language.EN));
        } catch (KysoException e) {
            assertTrue(e.code().startsWith("KYSO-"), e.getMessage());
        } finally {
            Files.delete(f);
        }
    }

    @Property(tries = 60)
    void aChangedSignedByteIsNeverValid(@ForAll @IntRange(min = 0, max = Integer.MAX_VALUE - 1) int where,
                                        @ForAll @IntRange(min = 1, max = 255) int mask) throws IOException {
        long signedLength = byteRange[1] + byteRange[3];
        long k = where % signedLength;
        int at = (int) (k < byteRange[1] ? k : byteRange[2] + (k - byteRange[1]));
        byte[] mutated = signed.clone();
        mutated[at] ^= (byte) mask;
        assertNotValid(mutated);
    }

    @Property(tries = 40)
    void aTruncatedFileIsNeverValid(@ForAll @IntRange(min = 0, max = Integer.MAX_VALUE - 1) int where) throws IOException {
        assertNotValid(Arrays.copyOf(signed, where % signed.length));
    }
}
