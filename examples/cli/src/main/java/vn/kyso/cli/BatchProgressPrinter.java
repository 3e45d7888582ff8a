package vn.kyso.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import vn.kyso.api.Language;
import vn.kyso.core.batch.BatchItem;
import vn.kyso.core.batch.BatchListener;
import vn.kyso.core.batch.BatchProgress;
import vn.kyso.core.batch.BatchSummary;

/**
 * Shows a batch's progress on standard error: a bar redrawn in place (count, files per second, time left)
 * on a terminal, otherwise a plain line at most once a second and one line per failed file.
 */
final class BatchProgressPrinter implements BatchListener {
    private static final long BAR_EVERY = 100_000_000L;  // ns
    private static final long LINE_EVERY = 1_000_000_000L;
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final Language lang;
    private final boolean bar;
    private long last = System.nanoTime();

    BatchProgressPrinter(PrintWriter err, Language lang, boolean bar) {
        this.err = err;
        this.lang = lang;
        this.bar = bar;
    }

    @Override
    public void started(BatchProgress p) {
        err.println(t("Ký " + p.total() + " tệp", "Signing " + p.total() + " files"));
        err.flush();
    }

    @Override
    public void fileDone(BatchItem item, BatchProgress p) {
        if (item.status() == BatchItem.Status.FAILED) {
            err.println((bar ? "\r\033[K" : "") + "✗ " + item.input().getFileName() + ": " + item.error().message(lang));
        }
        long now = System.nanoTime();
        boolean end = p.done() == p.total();
        if (bar && (end || now - last >= BAR_EVERY || item.status() == BatchItem.Status.FAILED)) {
            err.print("\r" + bar(p) + " " + line(p) + "\033[K");
            last = now;
        } else if (!bar && (end || now - last >= LINE_EVERY)) {
            err.println(line(p));
            last = now;
        }
        err.flush();
    }

    @Override
    public void finished(BatchSummary summary) {
        if (bar) {
            err.println();
        }
        err.flush();
    }

    private static String bar(BatchProgress p) {
        int filled = p.total() == 0 ? WIDTH : (int) ((long) p.done() * WIDTH / p.total());
        return "[" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "]";
    }

    /** e.g. "37/200 (signed 35, skipped 2, failed 0), 12.3 files/s, ETA 0:13". */
    String line(BatchProgress p) {
        String eta = p.eta().map(BatchProgressPrinter::clock).orElse("?");
        return String.format(Locale.ROOT, t("%d/%d (ký %d, bỏ qua %d, lỗi %d), %.1f tệp/giây, còn %s",
                        "%d/%d (signed %d, skipped %d, failed %d), %.1f files/s, ETA %s"),
                p.done(), p.total(), p.signed(), p.skipped(), p.failed(), p.rate(), eta);
    }

    private static String clock(Duration d) {
        long s = d.getSeconds();
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    private String t(String vi, String en) {
        return lang == Language.EN ? en : vi;
    }
}
