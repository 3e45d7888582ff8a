package vn.kyso.core.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.report.Verdict;
import vn.kyso.api.token.SigningKey;
import vn.kyso.core.Fixtures;
import vn.kyso.core.cades.CadesSignatureOptions;
import vn.kyso.core.cades.CadesSigner;
import vn.kyso.core.verify.Verifier;
import vn.kyso.testkit.Sandbox;

/** BatchSigner with real CAdES signatures from PKCS#12 sandbox keys, checked by the verifier. */
class BatchSignerTest {
    static Sandbox sandbox;
    static SigningKey key;
    static Verifier verifier;
    static final CadesSigner CADES = CadesSigner.builder().build();

    @BeforeAll
    static void start() {
        sandbox = Sandbox.start();
        key = Fixtures.key(sandbox.person1());
        verifier = Verifier.builder().trust(Fixtures.trust(sandbox)).revocation(Fixtures.online()).build();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static Path inputs(Path dir, int n) throws IOException {
        Files.createDirectories(dir);
        for (int i = 0; i < n; i++) {
            Files.writeString(dir.resolve(String.format("cong-van-%03d.txt", i)), "Công văn số " + i + "/UBND-VP",
                    StandardCharsets.UTF_8);
        }
        return dir;
    }

    private static Set<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static BatchSigner.Builder p7s() {
        return BatchSigner.builder().glob("*.txt").outputName(n -> n + ".p7s");
    }

    /** Records every listener call as a line. */
    static final class Recorder implements BatchListener {
        final List<String> calls = new ArrayList<>();
        final List<Integer> done = new ArrayList<>();

        @Override
        public void started(BatchProgress p) {
            calls.add("started " + p.total());
        }

        @Override
        public void fileDone(BatchItem item, BatchProgress p) {
            calls.add(item.input().getFileName() + " " + item.status());
            done.add(p.done());
        }

        @Override
        public void finished(BatchSummary s) {
            calls.add("finished " + s.signed() + "/" + s.skipped() + "/" + s.failed());
        }
    }

    @Test
    void signsEveryMatchingFileThenSkipsThemWhenRunAgain(@TempDir Path dir) throws Exception {
        Path in = inputs(dir.resolve("in"), 5);
        Files.writeString(in.resolve("ghi-chu.md"), "not matched by the glob");
        Files.writeString(in.resolve(".an.txt"), "hidden");
        Files.createDirectories(in.resolve("thu-muc-con.txt"));
        Path out = dir.resolve("out");
        Recorder rec = new Recorder();
        BatchSummary first = p7s().listener(rec).build().sign(in, out, key, CADES, CadesSignatureOptions.defaults());

        assertEquals(5, first.signed(), first::toString);
        assertTrue(first.complete());
        assertTrue(first.stoppedBy().isEmpty());
        for (BatchItem item : first.items()) {
            assertEquals(BatchItem.Status.SIGNED, item.status());
            assertEquals(item.input().getFileName() + ".p7s", item.output().getFileName().toString());
            assertEquals(Verdict.VALID, verifier.verify(item.output(), item.input()).verdict(), item::toString);
            assertEquals("B-B", item.result().level().label());
        }
        assertEquals("started 5", rec.calls.get(0));
        assertEquals("cong-van-000.txt SIGNED", rec.calls.get(1));
        assertEquals("finished 5/0/0", rec.calls.get(6));
        assertEquals(List.of(1, 2, 3, 4, 5), rec.done);
        Set<String> expected = new TreeSet<>();
        for (int i = 0; i < 5; i++) {
            expected.add(String.format("cong-van-%03d.txt.p7s", i));
        }
        assertEquals(expected, names(out), "outputs only: no work directory, no temporary file");

        byte[] before = Files.readAllBytes(out.resolve("cong-van-002.txt.p7s"));
        BatchSummary again = p7s().build().sign(in, out, key, CADES, CadesSignatureOptions.defaults());
        assertEquals(5, again.skipped(), again::toString);
        assertEquals(0, again.signed());
        assertTrue(again.complete());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(out.resolve("cong-van-002.txt.p7s"))));
        assertEquals(expected, names(out));
    }

    @Test
    void leftoversOfAKilledRunAreRemovedAndTheRestIsSigned(@TempDir Path dir) throws Exception {
        Path in = inputs(dir.resolve("in"), 4);
        Path out = dir.resolve("out");
        // what a run killed during its third file leaves: two outputs in place, partial files in the work directory
        p7s().build().sign(List.of(in.resolve("cong-van-000.txt"), in.resolve("cong-van-001.txt")), out, key, CADES, CadesSignatureOptions.defaults());
        Path work = Files.createDirectories(out.resolve(BatchSigner.WORK_DIRECTORY));
        Files.write(work.resolve("cong-van-002.txt.p7s"), new byte[] {0x30, (byte) 0x80, 1});
        Files.write(work.resolve(".cong-van-002.txt.p7s4711.part"), new byte[] {0x30});
        Files.writeString(work.resolve("lock"), "");

        BatchSummary s = p7s().build().sign(in, out, key, CADES, CadesSignatureOptions.defaults());
        assertEquals(2, s.skipped(), s::toString);
        assertEquals(2, s.signed());
        assertEquals(Set.of("cong-van-000.txt.p7s", "cong-van-001.txt.p7s", "cong-van-002.txt.p7s", "cong-van-003.txt.p7s"),
                names(out));
        for (BatchItem item : s.items()) {
            assertEquals(Verdict.VALID, verifier.verify(item.output(), item.input()).verdict(), item::toString);
        }
    }

    @Test
    void aFileThatCannotBeSignedIsRecordedAndTheBatchGoesOn(@TempDir Path dir) throws Exception {
        Path in = inputs(dir.resolve("in"), 3);
        Path missing = in.resolve("da-xoa.txt");
        Path out = dir.resolve("out");
        List<Path> files = List.of(in.resolve("cong-van-000.txt"), missing, in.resolve("cong-van-001.txt"));
        BatchSummary s = p7s().build().sign(files, out, key, CADES, CadesSignatureOptions.defaults());
        assertEquals(2, s.signed(), s::toString);
        assertEquals(1, s.failed());
        assertFalse(s.complete());
        assertTrue(s.stoppedBy().isEmpty());
        BatchItem bad = s.items().get(1);
        assertEquals(BatchItem.Status.FAILED, bad.status());
        assertEquals(ErrorCode.INPUT_UNREADABLE, bad.error().errorCode());
        assertTrue(bad.error().message(vn.kyso.api.Language.VI).startsWith("[KYSO-101] Không đọc được"), bad.error()::getMessage);
        assertNull(bad.result());
        assertEquals(Set.of("cong-van-000.txt.p7s", "cong-van-001.txt.p7s"), names(out));
    }

    @Test
    void anErrorThatMakesGoingOnPointlessStopsTheBatch(@TempDir Path dir) throws Exception {
        Path in = inputs(dir.resolve("in"), 6);
        Path out = dir.resolve("out");
        Recorder rec = new Recorder();
        BatchSummary s = p7s().listener(rec).build().sign(in, out, Fixtures.key(sandbox.expiredPerson()), CADES, CadesSignatureOptions.defaults());
        assertEquals(1, s.failed(), s::toString);
        assertEquals(5, s.notAttempted());
        assertEquals(ErrorCode.CERTIFICATE_EXPIRED, s.stoppedBy().orElseThrow().errorCode());
        assertEquals(BatchItem.Status.NOT_ATTEMPTED, s.items().get(5).status());
        assertEquals(List.of("started 6", "cong-van-000.txt FAILED", "finished 0/0/1"), rec.calls);
        assertEquals(Set.of(), names(out));

        BatchSummary all = p7s().stopOn(Set.of()).build().sign(in, out, Fixtures.key(sandbox.expiredPerson()), CADES, CadesSignatureOptions.defaults());
        assertEquals(6, all.failed(), "with no stop codes every file is tried");
        assertTrue(all.stoppedBy().isEmpty());
    }

    @Test
    void threadsSignSeveralFilesAtOnceWithOneKey(@TempDir Path dir) throws Exception {
        Path in = inputs(dir.resolve("in"), 12);
        Path out = dir.resolve("out");
        Recorder rec = new Recorder();
        BatchSummary s = p7s().threads(3).listener(rec).build().sign(in, out, key, CADES, CadesSignatureOptions.defaults());
        assertEquals(12, s.signed(), s::toString);
        assertEquals(12, names(out).size());
        for (BatchItem item : s.items()) {
            assertEquals(Verdict.VALID, verifier.verify(item.output(), item.input()).verdict(), item::toString);
        }
        List<Integer> expected = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            expected.add(i);
        }
        assertEquals(expected, rec.done, "listener calls are serialised and counted once each");
    }

    @Test
    void anInterruptedBatchStopsBeforeTheNextFile(@TempDir Path dir) throws Exception {
        Path in = inputs(dir.resolve("in"), 3);
        Thread.currentThread().interrupt();
        BatchSummary s;
        try {
            s = p7s().build().sign(in, dir.resolve("out"), key, CADES, CadesSignatureOptions.defaults());
        } finally {
            assertTrue(Thread.interrupted(), "the interrupt stays set for the caller");
        }
        assertEquals(3, s.notAttempted(), s::toString);
        assertEquals(ErrorCode.SIGNING_FAILED, s.stoppedBy().orElseThrow().errorCode());
    }

    @Test
    void refusesWhatCannotWork(@TempDir Path dir) throws Exception {
        Path in = inputs(dir.resolve("in"), 2);
        BatchSigner batch = p7s().build();
        assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(KysoException.class,
                () -> batch.sign(in, in, key, CADES, CadesSignatureOptions.defaults())).errorCode());
        assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(KysoException.class,
                () -> BatchSigner.builder().outputName(n -> "x.p7s").build().sign(in, dir.resolve("o1"), key, CADES, CadesSignatureOptions.defaults())).errorCode());
        assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(KysoException.class,
                () -> BatchSigner.builder().outputName(n -> "../" + n).build().sign(in, dir.resolve("o2"), key, CADES, CadesSignatureOptions.defaults())).errorCode());
        assertEquals(ErrorCode.INPUT_UNREADABLE, assertThrows(KysoException.class,
                () -> batch.sign(dir.resolve("khong-co"), dir.resolve("o3"), key, CADES, CadesSignatureOptions.defaults())).errorCode());
        assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(KysoException.class, () -> BatchSigner.builder().glob("*.{pdf")).errorCode());
        assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(KysoException.class, () -> BatchSigner.builder().threads(0)).errorCode());
        assertFalse(Files.exists(dir.resolve("o1")), "nothing is created before the plan is checked");
        // The same checks without a key, before a PIN is asked for.
        assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(KysoException.class, () -> batch.inputs(in, in)).errorCode());
        assertEquals(ErrorCode.INPUT_UNREADABLE, assertThrows(KysoException.class,
                () -> batch.inputs(dir.resolve("khong-co"), dir.resolve("o4"))).errorCode());
        assertEquals(2, batch.inputs(in, dir.resolve("o5")).size());
        assertFalse(Files.exists(dir.resolve("o5")), "listing the inputs creates nothing");
    }

    @Test
    void aSecondBatchIntoTheSameDirectoryIsRefusedWhileTheFirstRuns(@TempDir Path dir) throws Exception {
        Path in = inputs(dir.resolve("in"), 2);
        Path out = dir.resolve("out");
        AtomicReference<KysoException> second = new AtomicReference<>();
        BatchSummary s = p7s().listener(new BatchListener() {
            @Override
            public void started(BatchProgress p) {
                try {
                    p7s().build().sign(in, out, key, CADES, CadesSignatureOptions.defaults());
                } catch (KysoException e) {
                    second.set(e);
                }
            }
        }).build().sign(in, out, key, CADES, CadesSignatureOptions.defaults());
        assertEquals(ErrorCode.OUTPUT_FAILED, second.get().errorCode());
        assertEquals(2, s.signed(), "the first batch is not disturbed");
        assertEquals(2, names(out).size());
    }

    @Test
    void rateAndTimeLeftFollowTheFilesWorkedOn() {
        BatchProgress p = new BatchProgress(10, 3, 2, 1, Duration.ofSeconds(2));
        assertEquals(6, p.done());
        assertEquals(2.0, p.rate(), 1e-9, "signed + failed per second; skipped files cost nothing");
        assertEquals(Duration.ofSeconds(2), p.eta().orElseThrow(), "4 left at 2 per second");
        BatchProgress start = new BatchProgress(10, 0, 4, 0, Duration.ofMillis(5));
        assertEquals(0, start.rate());
        assertTrue(start.eta().isEmpty());
        BatchProgress allSkipped = new BatchProgress(4, 0, 4, 0, Duration.ofMillis(5));
        assertEquals(Duration.ZERO, allSkipped.eta().orElseThrow(), "nothing left");
    }
}
