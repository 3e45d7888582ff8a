package vn.kyso.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.kyso.api.DigestAlgorithm;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.SignatureAlgorithm;
import vn.kyso.api.SignatureLevel;
import vn.kyso.api.SigningResult;
import vn.kyso.api.io.Document;
import vn.kyso.api.io.Output;
import vn.kyso.api.report.Verdict;
import vn.kyso.api.sign.DocumentSigner;
import vn.kyso.api.token.SigningKey;
import vn.kyso.core.tsp.TimestampClient;
import vn.kyso.testkit.Sandbox;

/** XAdES/XMLDSig through the one signer shape: streams, extend with EU DSS, what XML refuses. */
class XmlShapeTest {
    static Sandbox sb;
    static SigningKey key;
    static DocumentSigner<XmlSignatureOptions> signer;

    @BeforeAll
    static void start() {
        sb = Sandbox.start();
        key = XmlFixtures.key(sb.person1());
        signer = XmlSigner.builder().timestamps(TimestampClient.builder().urls(List.of(sb.tsaUrl())).build())
                .trust(XmlFixtures.trust(sb)).revocation(XmlFixtures.online()).build();
    }

    @AfterAll
    static void stop() {
        sb.close();
    }

    static byte[] doc() {
        return "<CongVan><NoiDung>Thông báo</NoiDung></CongVan>".getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void signsToAStreamAndExtendsXadesToBt() {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        SigningResult r = signer.sign(Document.of(doc(), "cong-van.xml"), Output.stream(stream), key, XmlSignatureOptions.defaults());
        assertNull(r.signed());
        assertEquals(SignatureLevel.B_B, r.level());
        byte[] bb = stream.toByteArray();
        assertEquals(Verdict.VALID, XmlFixtures.verifier(sb).verify(bb).verdict());

        SigningResult t = signer.extend(Document.of(bb), Output.memory(), SignatureLevel.B_T);
        assertNull(t.algorithm());
        var report = XmlFixtures.verifier(sb).verify(t.signed());
        assertEquals(Verdict.VALID, report.verdict(), XmlVerifyTest.describe(report));
        assertEquals(SignatureLevel.B_T, report.signatures().get(0).level());
    }

    @Test
    void whatXmlRefusesIsTyped() {
        byte[] dsig = signer.sign(doc(), key, XmlSignatureOptions.builder().format(XmlSignatureOptions.Format.XMLDSIG).build()).signed();
        assertEquals(ErrorCode.NO_SIGNATURE, assertThrows(KysoException.class,
                () -> signer.extend(Document.of(dsig), Output.memory(), SignatureLevel.B_T)).errorCode());
        assertEquals(ErrorCode.OPERATION_UNSUPPORTED, assertThrows(KysoException.class,
                () -> signer.completeWithCms(new byte[1], new byte[1], Document.of(doc()), Output.memory())).errorCode());
        assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(KysoException.class,
                () -> signer.prepare(doc(), key.chain(), SignatureAlgorithm.RSA_SHA256,
                        XmlSignatureOptions.builder().counterSignatureOf("sig-1").build())).errorCode());
        KysoException digest = assertThrows(KysoException.class, () -> XmlSignatureOptions.builder()
                .digest(DigestAlgorithm.SHA256).algorithm(SignatureAlgorithm.RSA_SHA512).build());
        assertEquals(ErrorCode.INVALID_ARGUMENT, digest.errorCode());
        KysoException level = assertThrows(KysoException.class, () -> XmlSignatureOptions.builder().level(null));
        assertTrue(level.getMessage().contains("level"), level.getMessage());
    }
}
