package vn.kyso.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.kyso.api.Language;
import vn.kyso.api.report.ReportMessage;

/** Kyso's Vietnamese wording of DSS's answers stays in step with the DSS version in use. */
class DssMessagesVietnameseTest {
    /** The answers DSS gives in AdES validation; trust-list and EU qualification answers do not apply here. */
    private static final Pattern ANSWER = Pattern.compile("(?!(QUAL|QWAC|QWAC2|TLS|XCV_TSL|TL)_)[A-Z0-9_]+_ANS\\d*");

    private static Properties vietnamese() throws Exception {
        Properties p = new Properties();
        try (InputStream in = VerificationMessages.class.getResourceAsStream("dss-messages-vi.properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void everyAnswerDssGivesHasAVietnameseWordingAndEveryWordingAnAnswer() throws Exception {
        ResourceBundle dss = ResourceBundle.getBundle("dss-messages");
        Properties vi = vietnamese();
        List<String> missing = new ArrayList<>();
        for (String key : dss.keySet()) {
            if (ANSWER.matcher(key).matches() && !dss.getString(key).contains("{") && !vi.containsKey(key)) {
                missing.add(key);
            }
        }
        assertEquals(List.of(), missing, "DSS answers without a Vietnamese wording");
        for (String key : vi.stringPropertyNames()) {
            assertTrue(dss.containsKey(key), key + " is no DSS message key");
            String text = vi.getProperty(key);
            assertFalse(text.isBlank() || text.contains("{") || text.equals(dss.getString(key)), key + "=" + text);
        }
    }

    @Test
    void aDssAnswerReadsInVietnameseAndKeepsDssTextInEnglish() {
        ResourceBundle dss = ResourceBundle.getBundle("dss-messages");
        String english = dss.getString("BBB_XCV_IRDPFC_ANS");
        ReportMessage m = VerificationMessages.dss(false, "BBB_XCV_IRDPFC_ANS", english);
        assertEquals("KYSO-V-DSS_WARNING", m.code());
        assertTrue(m.message(Language.EN).contains(english), m.message(Language.EN));
        assertFalse(m.message(Language.VI).contains(english), m.message(Language.VI));
        // an answer Kyso has no wording for is shown as DSS wrote it
        ReportMessage unknown = VerificationMessages.dss(true, "NO_SUCH_KEY", "Something DSS said");
        assertTrue(unknown.message(Language.VI).contains("Something DSS said"), unknown.message(Language.VI));
    }
}
