package vn.kyso.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.token.SigningKey;
import vn.kyso.testkit.Sandbox;

/**
 * Damaged PDFs (a byte changed, the file cut short or garbage inserted, mostly in the structure at the
 * end) either sign as an incremental update of exactly those bytes or fail with a stable error code and
 * leave nothing behind: never another exception, a partial output or a temporary file.
 */
class PdfSignerRobustnessTest {
    private static final Set<ErrorCode> REFUSALS = Set.of(ErrorCode.MALFORMED_INPUT, ErrorCode.INPUT_UNREADABLE,
            ErrorCode.DOCUMENT_PASSWORD, ErrorCode.DOCUMENT_LOCKED, ErrorCode.INVALID_ARGUMENT);
    static Sandbox sandbox;
    static Path dir;
    static byte[] original;
    static SigningKey key;
    static PdfSigner signer;

    @BeforeContainer
    static void start() throws Exception {
        sandbox = Sandbox.start();
        dir = Files.createTempDirectory("kyso-pdf-robust");
        original = Files.readAllBytes(PdfTestDocuments.decision(dir.resolve("original.pdf")));
        Files.delete(dir.resolve("original.pdf"));
        key = PdfTestDocuments.key(sandbox.person1());
        signer = PdfSigner.builder().build();
    }

    @AfterContainer
    static void stop() throws IOException {
        if (sandbox != null) {
            sandbox.close();
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(dir);
    }

    /** A damage: kind (0 change a byte, 1 cut, 2 insert), position counted from the end, byte value. */
    @Provide
    Arbitrary<int[]> damages() {
        Arbitrary<Integer> fromEnd = Arbitraries.oneOf(Arbitraries.integers().between(1, 1500),
                Arbitraries.integers().between(1, original.length));
        return Combinators.combine(Arbitraries.integers().between(0, 2), fromEnd, Arbitraries.integers().between(0, 255))
                .as((kind, pos, value) -> new int[] {kind, pos, value});
    }

    @Property(tries = 60)
    void damagedInputSignsOrFailsCleanly(@ForAll("damages") int[] damage) throws Exception {
        int at = original.length - damage[1];
        byte[] bad;
        switch (damage[0]) {
            case 0:
                bad = original.clone();
                bad[at] = (byte) damage[2];
                break;
            case 1:
                bad = Arrays.copyOf(original, at);
                break;
            default:
                bad = new byte[original.length + 7];
                System.arraycopy(original, 0, bad, 0, at);
                Arrays.fill(bad, at, at + 7, (byte) damage[2]);
                System.arraycopy(original, at, bad, at + 7, original.length - at);
        }
        Path in = Files.write(dir.resolve("in.pdf"), bad);
        Path out = dir.resolve("out.pdf");
        Files.deleteIfExists(out);
        try {
            signer.sign(in, out, key, PdfSignatureOptions.defaults());
            byte[] signed = Files.readAllBytes(out);
            assertTrue(signed.length > bad.length);
            assertEquals(0, Arrays.compare(bad, 0, bad.length, signed, 0, bad.length), "an incremental update");
            Statistics.collect("signed");
        } catch (KysoException e) {
            Statistics.collect(e.errorCode());
            assertTrue(REFUSALS.contains(e.errorCode()), e.errorCode() + " " + e.getMessage());
            assertFalse(Files.exists(out));
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertTrue(files.allMatch(p -> p.getFileName().toString().matches("in\\.pdf|out\\.pdf")), "no temporary file left");
        }
    }
}
