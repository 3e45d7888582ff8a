package vn.kyso.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KysoExceptionTest {

    @Test
    void everyCodeIsUniqueAndWellFormed() {
        Set<String> codes = new HashSet<>();
        for (ErrorCode c : ErrorCode.values()) {
            assertTrue(c.code().matches("KYSO-\\d{3}"), c.code());
            assertTrue(codes.add(c.code()), "duplicate " + c.code());
        }
    }

    @Test
    void aDetailInWordsReadsInEachLanguage() {
        IOException cause = new IOException("driver said no");
        KysoException e = KysoException.localized(ErrorCode.PIN_INCORRECT, cause, "còn ít lần thử", "count low");
        assertEquals("[KYSO-210] Mã PIN không đúng: còn ít lần thử", e.message(Language.VI));
        assertEquals("[KYSO-210] Wrong PIN: count low", e.message(Language.EN));
        assertEquals(e.message(Language.EN), e.getMessage());
        assertSame(cause, e.getCause());
    }

    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void messagesExistInBothLanguagesAndDiffer(ErrorCode c) {
        String vi = c.template(Language.VI);
        String en = c.template(Language.EN);
        assertFalse(vi.trim().isEmpty());
        assertFalse(en.trim().isEmpty());
        assertNotEquals(vi, en);
        assertTrue(vi.chars().anyMatch(ch -> ch > 127), "Vietnamese text has diacritics: " + vi);
        assertTrue(en.chars().allMatch(ch -> ch < 128), "English text is ASCII: " + en);
        // the same details fill both languages: same number of placeholders, and nothing but %s
        assertEquals(vi.split("%s", -1).length, en.split("%s", -1).length, vi + " / " + en);
        assertFalse(vi.replace("%s", "").contains("%"), vi);
        assertFalse(en.replace("%s", "").contains("%"), en);
    }

    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void messageContainsCodeAndDetails(ErrorCode c) {
        KysoException e = new KysoException(c, "tệp-ký.pdf");
        for (Language l : Language.values()) {
            String m = e.message(l);
            assertTrue(m.startsWith("[" + c.code() + "] "), m);
            assertTrue(m.contains("tệp-ký.pdf"), m);
            assertFalse(m.contains("\n"), "one line: " + m);
        }
        assertEquals(e.message(Language.EN), e.getMessage());
        assertEquals(c, e.errorCode());
        assertEquals(c.code(), e.code());
    }

    @Test
    void exactFormats() {
        KysoException e = new KysoException(ErrorCode.INPUT_UNREADABLE, "hợp-đồng.pdf");
        assertEquals("[KYSO-101] Không đọc được tệp đầu vào: hợp-đồng.pdf", e.message(Language.VI));
        assertEquals("[KYSO-101] Cannot read the input: hợp-đồng.pdf", e.message(Language.EN));
        KysoException none = new KysoException(ErrorCode.PIN_INCORRECT);
        assertEquals("[KYSO-210] Mã PIN không đúng", none.message(Language.VI));
        assertEquals("[KYSO-210] Wrong PIN", none.message(Language.EN));
        KysoException nullArray = new KysoException(ErrorCode.INTERNAL, (String[]) null);
        assertEquals("[KYSO-900] Internal error", nullArray.getMessage());
    }

    @Test
    void extraDetailsAreJoinedIntoTheLastPlaceholder() {
        KysoException e = new KysoException(ErrorCode.UNSUPPORTED_ALGORITHM, "RSA-PSS", "SHA-1", "khóa EC");
        assertEquals("[KYSO-203] Unsupported algorithm: RSA-PSS, SHA-1, khóa EC", e.getMessage());
        assertEquals("[KYSO-203] Thuật toán không được hỗ trợ: RSA-PSS, SHA-1, khóa EC", e.message(Language.VI));
    }

    @Test
    void detailsArrayIsCopiedSoLaterChangesDoNotLeakIn() {
        String[] details = {"token.p12"};
        KysoException e = new KysoException(ErrorCode.KEYSTORE_PASSWORD, details);
        details[0] = "mật khẩu bí mật 123456";
        assertEquals("[KYSO-200] Wrong key store password: token.p12", e.getMessage());
        assertEquals("[KYSO-200] Mật khẩu kho khóa không đúng: token.p12", e.message(Language.VI));
        assertFalse(e.message(Language.VI).contains("123456"));
    }

    @Test
    void formatCharactersInDetailsAreTakenLiterally() {
        KysoException e = new KysoException(ErrorCode.INVALID_ARGUMENT, "100%s %n %d");
        assertEquals("[KYSO-100] Invalid argument: 100%s %n %d", e.getMessage());
    }

    @Test
    void causeIsKeptButItsMessageIsNotPartOfTheMessage() {
        IOException cause = new IOException("secret PIN 1234 rejected by driver");
        KysoException e = new KysoException(ErrorCode.PIN_INCORRECT, cause, "token");
        assertSame(cause, e.getCause());
        assertFalse(e.getMessage().contains("1234"));
        assertFalse(e.message(Language.VI).contains("1234"));
        assertEquals("[KYSO-210] Wrong PIN: token", e.getMessage());
    }

    static void invalidNaming(String name, org.junit.jupiter.api.function.Executable call) {
        KysoException e = assertThrows(KysoException.class, call);
        assertEquals(ErrorCode.INVALID_ARGUMENT, e.errorCode());
        assertEquals("[KYSO-100] Invalid argument: " + name + " is missing (null)", e.message(Language.EN));
        assertEquals("[KYSO-100] Tham số không hợp lệ: " + name + " bị thiếu (null)", e.message(Language.VI));
    }

    @Test
    void nullCodeIsInvalidArgumentNamingIt() {
        invalidNaming("code", () -> new KysoException(null, "x"));
        invalidNaming("code", () -> new KysoException(null, new IOException(), "x"));
        invalidNaming("code", () -> KysoException.localized(null, null, "vi", "en"));
        invalidNaming("language", () -> new KysoException(ErrorCode.INTERNAL).message(null));
        invalidNaming("language", () -> ErrorCode.INTERNAL.template(null));
    }

    @Test
    void nullDetailsAndCausesLeaveTheSlotEmpty() {
        assertEquals("[KYSO-900] Internal error", new KysoException(ErrorCode.INTERNAL, (String[]) null).getMessage());
        assertEquals("[KYSO-900] Internal error", new KysoException(ErrorCode.INTERNAL, (Throwable) null, (String) null).getMessage());
        KysoException k = KysoException.localized(ErrorCode.INTERNAL, null, null, null);
        assertEquals("[KYSO-900] Lỗi nội bộ", k.message(Language.VI));
        assertEquals("[KYSO-900] Internal error", k.message(Language.EN));
        assertEquals("[KYSO-101] Cannot read the input: a, , c",
                new KysoException(ErrorCode.INPUT_UNREADABLE, "a", null, "c").getMessage());
    }

    @Test
    void languageParse() {
        assertEquals(Language.VI, Language.parse("vi"));
        assertEquals(Language.VI, Language.parse(" VI "));
        assertEquals(Language.EN, Language.parse("En"));
        invalidNaming("tag", () -> Language.parse(null));
        for (String bad : new String[] {"", "fr", "vi-VN", "tiếng việt"}) {
            KysoException e = assertThrows(KysoException.class, () -> Language.parse(bad));
            assertEquals(ErrorCode.INVALID_ARGUMENT, e.errorCode());
            assertTrue(e.getMessage().contains("lang=" + bad), e.getMessage());
        }
    }

    @Test
    void signatureLevelParse() {
        assertEquals(SignatureLevel.B_T, SignatureLevel.parse("B-T"));
        assertEquals(SignatureLevel.B_LTA, SignatureLevel.parse("b_lta"));
        assertEquals(SignatureLevel.B_B, SignatureLevel.parse("BB"));
        assertEquals(SignatureLevel.B_LT, SignatureLevel.parse(" b-lt "));
        for (SignatureLevel l : SignatureLevel.values()) {
            if (l != SignatureLevel.NONE) {
                assertEquals(l, SignatureLevel.parse(l.label()));
                assertEquals(l, SignatureLevel.parse(l.name()));
            }
        }
        invalidNaming("text", () -> SignatureLevel.parse(null));
        for (String bad : new String[] {"", "NONE", "none", "B", "B-X", "LTA", "PAdES-B-T"}) {
            KysoException e = assertThrows(KysoException.class, () -> SignatureLevel.parse(bad));
            assertEquals(ErrorCode.INVALID_ARGUMENT, e.errorCode(), String.valueOf(bad));
        }
        assertFalse(SignatureLevel.B_B.needsTimestamp());
        assertTrue(SignatureLevel.B_T.needsTimestamp());
        assertTrue(SignatureLevel.B_LT.needsTimestamp());
        assertTrue(SignatureLevel.B_LTA.needsTimestamp());
        assertFalse(SignatureLevel.NONE.needsTimestamp());
    }

    @Test
    void digestAlgorithmParseAndProperties() throws Exception {
        assertEquals(DigestAlgorithm.SHA256, DigestAlgorithm.parse("SHA-256"));
        assertEquals(DigestAlgorithm.SHA256, DigestAlgorithm.parse("sha256"));
        assertEquals(DigestAlgorithm.SHA384, DigestAlgorithm.parse(" sha-384 "));
        assertEquals(DigestAlgorithm.SHA512, DigestAlgorithm.parse("SHA512"));
        assertEquals(DigestAlgorithm.SHA256, DigestAlgorithm.DEFAULT);
        invalidNaming("name", () -> DigestAlgorithm.parse(null));
        invalidNaming("data", () -> DigestAlgorithm.SHA256.digest(null));
        for (String bad : new String[] {"", "SHA-1", "MD5", "SHA3-256", "SHA-512/256"}) {
            KysoException e = assertThrows(KysoException.class, () -> DigestAlgorithm.parse(bad));
            assertEquals(ErrorCode.UNSUPPORTED_ALGORITHM, e.errorCode(), String.valueOf(bad));
        }
        byte[] data = "chữ ký số".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (DigestAlgorithm d : DigestAlgorithm.values()) {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance(d.jcaName());
            assertEquals(d.length(), md.getDigestLength());
            org.junit.jupiter.api.Assertions.assertArrayEquals(md.digest(data), d.digest(data));
            assertEquals(d, DigestAlgorithm.parse(d.jcaName()));
        }
        assertEquals("2.16.840.1.101.3.4.2.1", DigestAlgorithm.SHA256.oid());
        assertEquals("2.16.840.1.101.3.4.2.2", DigestAlgorithm.SHA384.oid());
        assertEquals("2.16.840.1.101.3.4.2.3", DigestAlgorithm.SHA512.oid());
    }

    @Test
    void signatureAlgorithmOf() {
        for (SignatureScheme s : SignatureScheme.values()) {
            for (DigestAlgorithm d : DigestAlgorithm.values()) {
                SignatureAlgorithm a = SignatureAlgorithm.of(s, d);
                assertEquals(s, a.scheme());
                assertEquals(d, a.digest());
            }
        }
        assertEquals(SignatureAlgorithm.RSA_PSS_SHA384, SignatureAlgorithm.of(SignatureScheme.RSA_PSS, DigestAlgorithm.SHA384));
        assertEquals(SignatureAlgorithm.ECDSA_SHA512, SignatureAlgorithm.of(SignatureScheme.ECDSA, DigestAlgorithm.SHA512));
        assertEquals(SignatureAlgorithm.values().length,
                SignatureScheme.values().length * DigestAlgorithm.values().length, "one algorithm per pair");
        invalidNaming("scheme", () -> SignatureAlgorithm.of(null, DigestAlgorithm.SHA256));
        invalidNaming("digest", () -> SignatureAlgorithm.of(SignatureScheme.ECDSA, null));
    }

    @Test
    void signatureAlgorithmOidsAndNames() {
        assertEquals("1.2.840.113549.1.1.11", SignatureAlgorithm.RSA_SHA256.oid());
        assertEquals("1.2.840.113549.1.1.12", SignatureAlgorithm.RSA_SHA384.oid());
        assertEquals("1.2.840.113549.1.1.13", SignatureAlgorithm.RSA_SHA512.oid());
        assertEquals("1.2.840.10045.4.3.2", SignatureAlgorithm.ECDSA_SHA256.oid());
        assertEquals("1.2.840.10045.4.3.3", SignatureAlgorithm.ECDSA_SHA384.oid());
        assertEquals("1.2.840.10045.4.3.4", SignatureAlgorithm.ECDSA_SHA512.oid());
        for (SignatureAlgorithm a : SignatureAlgorithm.values()) {
            if (a.scheme() == SignatureScheme.RSA_PSS) {
                assertEquals("1.2.840.113549.1.1.10", a.oid());
            }
            String digest = a.digest().jcaName();
            assertTrue(a.displayName().contains(digest), a.displayName());
        }
        assertEquals("RSASSA-PSS with SHA-256", SignatureAlgorithm.RSA_PSS_SHA256.displayName());
    }

    @Test
    void signatureFormatLabels() {
        assertEquals("CAdES", SignatureFormat.CADES.label());
        assertEquals("PAdES", SignatureFormat.PADES.label());
        assertEquals("XAdES", SignatureFormat.XADES.label());
        assertEquals("XMLDSig", SignatureFormat.XMLDSIG.label());
    }
}
