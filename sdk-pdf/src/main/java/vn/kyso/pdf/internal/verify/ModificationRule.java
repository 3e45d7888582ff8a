package vn.kyso.pdf.internal.verify;

import java.io.IOException;

/**
 * One concern of the analysis of what changed after a signature (the catalog, the form, the pages...).
 * A rule explains in {@link Changes} the changed objects whose change it can prove harmless, with the kind
 * of change they show, and records a {@link Finding} for each change it refuses; it never explains what it
 * cannot prove, so that stays OTHER. Rules are stateless; {@link ModificationPolicy} runs them in order.
 */
interface ModificationRule {
    void judge(Changes changes) throws IOException;
}
