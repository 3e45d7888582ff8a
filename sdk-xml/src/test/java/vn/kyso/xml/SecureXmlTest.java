package vn.kyso.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;

class SecureXmlTest {

    private static Document parse(String xml) {
        return SecureXml.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void parsesAnInvoiceWithVietnameseText() {
        Document d = parse("<HDon><DLHDon Id=\"data\"><TTChung><THDon>Hóa đơn giá trị gia tăng</THDon></TTChung></DLHDon></HDon>");
        assertEquals("Hóa đơn giá trị gia tăng", d.getElementsByTagName("THDon").item(0).getTextContent());
    }

    @Test
    void refusesExternalEntityWithoutReadingTheFile(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.write(secret, "BI-MAT".getBytes(StandardCharsets.UTF_8));
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]><r>&x;</r>";
        KysoException e = assertThrows(KysoException.class, () -> parse(xxe));
        assertEquals(ErrorCode.MALFORMED_INPUT, e.errorCode());
        assertFalse(e.getMessage().contains("BI-MAT"));
        // the refusal reads in each language, not as the parser's English
        assertEquals("[KYSO-104] Dữ liệu đầu vào bị hỏng hoặc sai cấu trúc: XML có khai báo DOCTYPE (DTD), không được chấp nhận",
                e.message(vn.kyso.api.Language.VI));
        assertTrue(e.message(vn.kyso.api.Language.EN).endsWith("XML with a DOCTYPE (DTD), which is refused"), e.getMessage());
    }

    @Test
    void refusesEntityExpansionBombQuickly() {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        String prev = "lol";
        for (int i = 1; i <= 9; i++) {
            sb.append("<!ENTITY lol").append(i).append(" \"");
            for (int j = 0; j < 10; j++) {
                sb.append('&').append(prev).append(';');
            }
            sb.append("\">");
            prev = "lol" + i;
        }
        sb.append("]><lolz>&").append(prev).append(";</lolz>");
        KysoException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(KysoException.class, () -> parse(sb.toString())));
        assertEquals(ErrorCode.MALFORMED_INPUT, e.errorCode());
    }

    @Test
    void malformedXmlIsATypedError() {
        assertEquals(ErrorCode.MALFORMED_INPUT, assertThrows(KysoException.class, () -> parse("<a><b></a>")).errorCode());
    }

    @Test
    void pooledParsersKeepTheirHardeningAndServeManyThreads() throws Exception {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x \"y\">]><r>&x;</r>";
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.List<java.util.concurrent.Future<String>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 400; i++) {
                int n = i;
                results.add(pool.submit(() -> {
                    if (n % 3 == 0) {
                        // a reused (reset) parser still refuses DTDs
                        return assertThrows(KysoException.class, () -> parse(xxe)).errorCode().name();
                    }
                    return parse("<r><n>" + n + "</n></r>").getElementsByTagName("n").item(0).getTextContent();
                }));
            }
            for (int i = 0; i < results.size(); i++) {
                assertEquals(i % 3 == 0 ? "MALFORMED_INPUT" : String.valueOf(i), results.get(i).get());
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(ErrorCode.MALFORMED_INPUT, assertThrows(KysoException.class, () -> parse(xxe)).errorCode());
    }

    @Test
    void nestingDeeperThanTheLimitIsRefused() {
        int ok = SecureXml.MAX_DEPTH - 1;
        assertEquals("x", parse("<a>".repeat(ok) + "x" + "</a>".repeat(ok)).getDocumentElement().getTextContent());
        int deep = SecureXml.MAX_DEPTH + 1;
        assertEquals(ErrorCode.MALFORMED_INPUT, assertThrows(KysoException.class,
                () -> parse("<a>".repeat(deep) + "</a>".repeat(deep))).errorCode());
    }
}
