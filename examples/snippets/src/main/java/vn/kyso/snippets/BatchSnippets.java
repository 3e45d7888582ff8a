package vn.kyso.snippets;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import vn.kyso.api.Language;
import vn.kyso.api.SignatureLevel;
import vn.kyso.api.token.SigningKey;
import vn.kyso.core.batch.BatchItem;
import vn.kyso.core.batch.BatchListener;
import vn.kyso.core.batch.BatchProgress;
import vn.kyso.core.batch.BatchSigner;
import vn.kyso.core.batch.BatchSummary;
import vn.kyso.core.tsp.TimestampClient;
import vn.kyso.pdf.PdfSignatureOptions;
import vn.kyso.pdf.PdfSigner;

/** GETTING-STARTED, batch: every PDF of a directory with one key (one PIN entry). */
public final class BatchSnippets {

    private BatchSnippets() {
    }

    // tag::batch[]
    static List<String> signDirectory(TimestampClient tsa, SigningKey key, Path inDir, Path outDir,
            Consumer<BatchProgress> progressBar) {
        PdfSigner pdf = PdfSigner.builder().timestamps(tsa).build();
        PdfSignatureOptions options = PdfSignatureOptions.builder().level(SignatureLevel.B_T).build();
        BatchSigner batch = BatchSigner.builder().glob("*.pdf")          // CAdES: .outputName(n -> n + ".p7s")
                .listener(new BatchListener() {
                    @Override
                    public void fileDone(BatchItem item, BatchProgress p) {  // p.done(), p.total(), p.rate(), p.eta()
                        progressBar.accept(p);
                    }
                }).build();
        BatchSummary summary = batch.sign(inDir, outDir, key, pdf, options);
        List<String> problems = new ArrayList<>();
        for (BatchItem failed : summary.items(BatchItem.Status.FAILED)) {
            problems.add(failed.input().getFileName() + ": " + failed.error().message(Language.VI));
        }
        summary.stoppedBy().ifPresent(e -> problems.add(e.message(Language.VI)));   // e.g. token removed
        return problems;                                                 // empty: every file is signed
    }
    // end::batch[]
}
