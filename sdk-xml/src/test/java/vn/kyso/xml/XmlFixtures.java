package vn.kyso.xml;

import vn.kyso.core.verify.Verifier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import vn.kyso.api.cert.Certificates;
import vn.kyso.api.token.SigningKey;
import vn.kyso.api.token.Token;
import vn.kyso.api.token.Tokens;
import vn.kyso.core.revocation.RevocationOptions;
import vn.kyso.core.trust.TrustAnchors;
import vn.kyso.testkit.Identity;
import vn.kyso.testkit.Sandbox;

/** Test helpers: keys, sample documents written at test time, xmlsec1. */
final class XmlFixtures {
    private XmlFixtures() {
    }

    static SigningKey key(Identity id) {
        char[] pw = Sandbox.PASSWORD.toCharArray();
        Token t = Tokens.pkcs12(id.pkcs12(pw), pw, id.name());
        return t.firstKey();
    }

    static TrustAnchors trust(Sandbox sb) {
        return TrustAnchors.of(List.of(sb.root()));
    }

    static XmlCheck verifier(Sandbox sb) {
        return new XmlCheck(core(sb));
    }

    static Verifier core(Sandbox sb) {
        return Verifier.builder().trust(trust(sb)).revocation(online()).build();
    }

    static RevocationOptions online() {
        return RevocationOptions.builder().connectTimeout(java.time.Duration.ofSeconds(5)).readTimeout(java.time.Duration.ofSeconds(10)).build();
    }

    static String invoice(String id, String buyer) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><HDon><DLHDon Id=\"" + id + "\"><TTChung><PBan>2.1.0</PBan>"
                + "<THDon>Hóa đơn giá trị gia tăng</THDon><KHMSHDon>1</KHMSHDon><KHHDon>C25TAA</KHHDon><SHDon>123</SHDon>"
                + "<NLap>2025-08-20</NLap><DVTTe>VND</DVTTe></TTChung><NDHDon><NBan><Ten>Công ty TNHH Kỳ Số</Ten>"
                + "<MST>0101234567</MST></NBan><NMua><Ten>" + buyer + "</Ten><MST>0109876543</MST></NMua><DSHHDVu><HHDVu>"
                + "<STT>1</STT><THHDVu>Dịch vụ ký số</THHDVu><SLuong>1</SLuong><DGia>1000000</DGia><ThTien>1000000</ThTien>"
                + "</HHDVu></DSHHDVu><TToan><TgTTTBSo>1100000</TgTTTBSo></TToan></NDHDon></DLHDon><DSCKS><NBan/></DSCKS></HDon>";
    }

    /** The seller's XMLDSig signature over DLHDon (Id "data"), in DSCKS/NBan, with a SigningTime property. */
    static String xmldsigInvoice(SigningKey key) {
        byte[] signed = XmlSigner.builder().build().sign(invoice("data", "A").getBytes(StandardCharsets.UTF_8), key,
                XmlSignatureOptions.builder().format(XmlSignatureOptions.Format.XMLDSIG).elementId("data")
                        .signatureParent("/HDon/DSCKS/NBan").signingTimeProperty(true).build()).signed();
        return new String(signed, StandardCharsets.UTF_8);
    }

    /** An entity-expansion bomb: {@code levels} entities, each ten references to the one before. */
    static String billionLaughs(int levels) {
        StringBuilder lol = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY l0 \"lol\">");
        for (int i = 1; i <= levels; i++) {
            lol.append("<!ENTITY l").append(i).append(" \"");
            for (int j = 0; j < 10; j++) {
                lol.append("&l").append(i - 1).append(';');
            }
            lol.append("\">");
        }
        return lol.append("]><l>&l").append(levels).append(";</l>").toString();
    }

    static String declaration() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><HSoThueDTu xmlns=\"http://kekhaithue.gdt.gov.vn/TKhaiThue\">"
                + "<HSoKhaiThue id=\"_NODE_TO_SIGN\"><TTinChung><TTinDVu><maDVu>HTKK</maDVu></TTinDVu><TTinTKhaiThue>"
                + "<TKhaiThue><maTKhai>842</maTKhai><tenTKhai>Tờ khai thuế GTGT (01/GTGT)</tenTKhai><kyKKhai>08/2025</kyKKhai>"
                + "</TKhaiThue><NNT><mst>0101234567</mst><tenNNT>Công ty TNHH Kỳ Số</tenNNT></NNT></TTinTKhaiThue></TTinChung>"
                + "<CTieuTKhaiChinh><ct21>1000000</ct21><!-- ghi chú --></CTieuTKhaiChinh></HSoKhaiThue><CKyDTu/></HSoThueDTu>";
    }

    /** The Id attributes of the document's ds:Signature elements, in document order. */
    static List<String> signatureIds(byte[] xml) {
        org.w3c.dom.NodeList sigs = SecureXml.parse(new java.io.ByteArrayInputStream(xml))
                .getElementsByTagNameNS("http://www.w3.org/2000/09/xmldsig#", "Signature");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < sigs.getLength(); i++) {
            ids.add(((org.w3c.dom.Element) sigs.item(i)).getAttribute("Id"));
        }
        return ids;
    }

    static Path writePem(Path file, List<X509Certificate> certs) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (X509Certificate c : certs) {
            sb.append(Certificates.toPem(c));
        }
        Files.writeString(file, sb.toString(), StandardCharsets.US_ASCII);
        return file;
    }

    static Path writeKeyPem(Path file, PrivateKey key) throws IOException {
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        Files.writeString(file, pem, StandardCharsets.US_ASCII);
        return file;
    }

    static boolean hasXmlsec1() {
        try {
            return run(List.of("xmlsec1", "--version")).exit == 0;
        } catch (IOException e) {
            return false;
        }
    }

    static final class Result {
        final int exit;
        final String output;

        Result(int exit, String output) {
            this.exit = exit;
            this.output = output;
        }
    }

    static Result run(List<String> cmd) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(cmd)).redirectErrorStream(true);
        Process p = pb.start();
        try {
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, "timeout");
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** xmlsec1 --verify with the sandbox root trusted and the chain as untrusted certificates. */
    static Result xmlsecVerify(Sandbox sb, Path signed, Path dir, String... idAttrs) throws IOException {
        Path root = writePem(dir.resolve("root.pem"), List.of(sb.root()));
        Path chain = writePem(dir.resolve("chain.pem"), sb.intermediates());
        List<String> cmd = new ArrayList<>(List.of("xmlsec1", "--verify", "--trusted-pem", root.toString(),
                "--untrusted-pem", chain.toString(), "--enabled-reference-uris", "empty,same-doc"));
        for (String a : idAttrs) {
            cmd.add(a);
        }
        cmd.add(signed.toString());
        return run(cmd);
    }
}
