package vn.kyso.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import vn.kyso.api.report.VerificationReport;
import vn.kyso.api.io.Document;
import vn.kyso.core.verify.Verifier;
import vn.kyso.api.SignatureAlgorithm;
import vn.kyso.api.SigningResult;
import vn.kyso.core.revocation.RevocationOptions;
import vn.kyso.core.trust.TrustAnchors;
import vn.kyso.xml.XmlSignatureOptions;
import vn.kyso.xml.XmlSigner;

/**
 * E-invoice throughput: a 1 KB invoice (Decree 123/2020 shape) signed as the seller does it, an enveloped
 * XMLDSig over {@code DLHDon} by Id with the signature in {@code DSCKS/NBan} and a SigningTime property,
 * RSA-2048 (PKCS#1 v1.5, SHA-256) from a PKCS#12 file; the same invoice as XAdES B-B through EU DSS for
 * comparison; the RSA signature alone (the floor of any signature with this key); and the full verification of the signed invoice (chain, OCSP on loopback, profile rules).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class XmlInvoiceBenchmark {
    BenchmarkFixture fixture;
    XmlSigner signer;
    Verifier verifier;
    XmlSignatureOptions seller;
    XmlSignatureOptions xades;
    byte[] invoice;
    byte[] signedInvoice;
    byte[] digest;

    /** A one-kilobyte invoice: DLHDon (Id "data") with the usual header, seller, buyer, one line, totals. */
    static byte[] invoice() {
        String s = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><HDon><DLHDon Id=\"data\"><TTChung><PBan>2.1.0</PBan>"
                + "<THDon>Hóa đơn giá trị gia tăng</THDon><KHMSHDon>1</KHMSHDon><KHHDon>C25TAA</KHHDon><SHDon>123</SHDon>"
                + "<NLap>2025-08-20</NLap><DVTTe>VND</DVTTe><TGia>1</TGia><HTTToan>TM/CK</HTTToan></TTChung><NDHDon><NBan>"
                + "<Ten>Công ty TNHH Kỳ Số</Ten><MST>0101234567</MST><DChi>Số 1 Phố Huế, Hai Bà Trưng, Hà Nội</DChi></NBan>"
                + "<NMua><Ten>Công ty Cổ phần Mua Hàng</Ten><MST>0109876543</MST><DChi>Số 2 Lê Lợi, Quận 1, TP Hồ Chí Minh</DChi>"
                + "</NMua><DSHHDVu><HHDVu><TChat>1</TChat><STT>1</STT><THHDVu>Dịch vụ ký số hóa đơn điện tử</THHDVu><DVTinh>Gói"
                + "</DVTinh><SLuong>1</SLuong><DGia>1000000</DGia><ThTien>1000000</ThTien><TSuat>10%</TSuat></HHDVu></DSHHDVu>"
                + "<TToan><THTTLTSuat><LTSuat><TSuat>10%</TSuat><ThTien>1000000</ThTien><TThue>100000</TThue></LTSuat>"
                + "</THTTLTSuat><TgTCThue>1000000</TgTCThue><TgTThue>100000</TgTThue><TgTTTBSo>1100000</TgTTTBSo>"
                + "<TgTTTBChu>Một triệu một trăm nghìn đồng chẵn</TgTTTBChu></TToan></NDHDon></DLHDon><DSCKS><NBan/></DSCKS></HDon>";
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        fixture = new BenchmarkFixture("kyso-xml-bench");
        TrustAnchors trust = TrustAnchors.of(List.of(fixture.sandbox.root()));
        signer = XmlSigner.builder().trust(trust).build();
        verifier = Verifier.builder().trust(trust).revocation(RevocationOptions.online()).build();
        seller = XmlSignatureOptions.builder().format(XmlSignatureOptions.Format.XMLDSIG).algorithm(SignatureAlgorithm.RSA_SHA256)
                .elementId("data").signatureParent("/HDon/DSCKS/NBan").signingTimeProperty(true).build();
        xades = XmlSignatureOptions.builder().algorithm(SignatureAlgorithm.RSA_SHA256)
                .elementId("data").signatureParent("/HDon/DSCKS/NBan").build();
        invoice = invoice();
        signedInvoice = signInvoice().signed();
        digest = vn.kyso.api.DigestAlgorithm.SHA256.digest(invoice);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        fixture.close();
    }

    /** The seller's enveloped XMLDSig signature of one invoice, returned in memory (the lean path). */
    @Benchmark
    public SigningResult signInvoice() {
        return signer.sign(invoice, fixture.key, seller);
    }

    /** The floor: one RSA-2048 PKCS#1 v1.5 signature of a SHA-256 digest by the same PKCS#12 key. */
    @Benchmark
    public byte[] rsaSignatureOnly() {
        return fixture.key.signDigest(digest, SignatureAlgorithm.RSA_SHA256);
    }

    /** The same invoice as XAdES B-B made by EU DSS, for comparison. */
    @Benchmark
    public SigningResult signInvoiceXades() {
        return signer.sign(invoice, fixture.key, xades);
    }

    /** Full verification of the seller-signed invoice. */
    @Benchmark
    public VerificationReport verifyInvoice() {
        return verifier.verify(Document.of(signedInvoice, "hoa-don.xml"));
    }
}
