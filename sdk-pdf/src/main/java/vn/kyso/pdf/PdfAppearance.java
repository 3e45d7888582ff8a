package vn.kyso.pdf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.internal.Args;
import vn.kyso.pdf.internal.appearance.SignatureImages;

/**
 * What a visible signature shows, as Decree 30/2020/NĐ-CP (Appendix I) prescribes, written in one line:
 * <pre>{@code
 * PdfAppearance.leader(signaturePng).title("KT. BỘ TRƯỞNG").name("Nguyễn Văn An") // approval
 * PdfAppearance.seal(sealPng)                                   // issuance: over the leader's image
 * PdfAppearance.text()                                          // signer, organisation, ISO time
 * PdfAppearance.appendix("45/QĐ-UBND")                          // separate appendix file
 * PdfAppearance.copy(CopyType.SAO_Y, "Văn phòng UBND", "05/SY-VP") // electronic copy
 * PdfAppearance.income("Sở Tư pháp").incomingNumber("123")      // incoming document
 * }</pre>
 * Text is drawn in Liberation Serif (metric-compatible with Times New Roman, covers Vietnamese), embedded,
 * black; times are ISO 8601 in Vietnam time (+07:00). Appendix, copy and income signatures have no image
 * and put their lines, size 10, top-right of the first page unless a {@link PdfPlacement} says otherwise.
 * A seal without placement is drawn at its real size over the left third of the leader's signature image,
 * found in the leader's signature widget ({@link #over(String)}, or the most recent signature showing an image).
 *
 * <p>Images are PNG (transparency kept), at most 1 MiB and 4096 pixels a side; a broken or non-PNG image is {@code MALFORMED_INPUT},
 * one too large {@code INVALID_ARGUMENT}. Immutable and thread-safe: every {@code with}-style method
 * returns a new value.
 */
public final class PdfAppearance {

    /** What kind of appearance. */
    public enum Kind {
        /** Text block: signer, organisation, signing time. */
        TEXT,
        /** The competent person's signature image, optionally between a title and a full name. */
        LEADER,
        /** The organisation's seal image at real size, over the leader's signature image. */
        SEAL,
        /** An appendix in a separate file: document number and code, signing time. */
        APPENDIX,
        /** An electronic copy: copy type, copying organisation, copy number, signing time. */
        COPY,
        /** An incoming document signed by the receiving organisation. */
        INCOME
    }

    /** The three kinds of electronic copy of Decree 30/2020. */
    public enum CopyType {
        /** Sao y: a copy of the whole original, in the original's form. */
        SAO_Y("SAO Y"),
        /** Sao lục: a copy of the whole of a copy made by sao y, in the original's form. */
        SAO_LUC("SAO LỤC"),
        /** Trích sao: a copy of part of the original. */
        TRICH_SAO("TRÍCH SAO");

        private final String label;

        CopyType(String label) {
            this.label = label;
        }

        /** {@return the words printed on the copy, e.g. "SAO Y"} */
        public String label() {
            return label;
        }
    }

    /** The size a seal is drawn at when its PNG carries no resolution (pHYs) and none is given: 40 mm wide. */
    public static final double DEFAULT_SEAL_MM = 40.0;

    private final Kind kind;
    private final byte[] image;
    private final String title;
    private final String name;
    private final String documentNumber;
    private final CopyType copyType;
    private final String organisation;
    private final String number;
    private final OffsetDateTime date;
    private final double sealWidthMm;
    private final String overField;

    private PdfAppearance(Values v) {
        kind = v.kind;
        image = v.image;
        title = v.title;
        name = v.name;
        documentNumber = v.documentNumber;
        copyType = v.copyType;
        organisation = v.organisation;
        number = v.number;
        date = v.date;
        sealWidthMm = v.sealWidthMm;
        overField = v.overField;
    }

    private static final class Values {
        Kind kind;
        byte[] image;
        String title;
        String name;
        String documentNumber;
        CopyType copyType;
        String organisation;
        String number;
        OffsetDateTime date;
        double sealWidthMm;
        String overField;
    }

    private Values values() {
        Values v = new Values();
        v.kind = kind;
        v.image = image;
        v.title = title;
        v.name = name;
        v.documentNumber = documentNumber;
        v.copyType = copyType;
        v.organisation = organisation;
        v.number = number;
        v.date = date;
        v.sealWidthMm = sealWidthMm;
        v.overField = overField;
        return v;
    }

    private static PdfAppearance create(Kind kind, Consumer<Values> values) {
        Values v = new Values();
        v.kind = kind;
        values.accept(v);
        return new PdfAppearance(v);
    }

    /** A copy with one value changed, for a method that applies to {@code expected} appearances only. */
    private PdfAppearance with(Kind expected, String method, Consumer<Values> change) {
        requireKind(expected, method);
        Values x = values();
        change.accept(x);
        return new PdfAppearance(x);
    }

    /**
     * The text block (signer, organisation, time ISO 8601 +07:00) shown when there is no image.
     *
     * @return the appearance
     */
    public static PdfAppearance text() {
        return create(Kind.TEXT, x -> { });
    }

    /**
     * The leader's (competent person's) signature image, a transparent PNG.
     *
     * @param signaturePng the signature image, a PNG (transparent background)
     * @return the appearance
     */
    public static PdfAppearance leader(byte[] signaturePng) {
        Args.notNull(signaturePng, "signaturePng");
        return create(Kind.LEADER, x -> x.image = SignatureImages.check(signaturePng, "ảnh chữ ký", "signature image").clone());
    }

    /**
     * {@link #leader(byte[])} from a file.
     *
     * @param signaturePng the signature image, a PNG (transparent background)
     * @return the appearance
     */
    public static PdfAppearance leader(Path signaturePng) {
        Args.notNull(signaturePng, "signaturePng");
        return leader(read(signaturePng));
    }

    /**
     * The organisation's seal, a red transparent PNG drawn at its real size (see {@link #sealWidthMm(double)}).
     *
     * @param sealPng the seal image, a PNG (transparent background)
     * @return the appearance
     */
    public static PdfAppearance seal(byte[] sealPng) {
        Args.notNull(sealPng, "sealPng");
        return create(Kind.SEAL, x -> x.image = SignatureImages.check(sealPng, "ảnh con dấu", "seal image").clone());
    }

    /**
     * {@link #seal(byte[])} from a file.
     *
     * @param sealPng the seal image, a PNG (transparent background)
     * @return the appearance
     */
    public static PdfAppearance seal(Path sealPng) {
        Args.notNull(sealPng, "sealPng");
        return seal(read(sealPng));
    }

    /**
     * An appendix signed in a separate file: the main document's number and code, then the signing time.
     *
     * @param documentNumber the main document's number and code, e.g. {@code 45/QĐ-UBND}
     * @return the appearance
     */
    public static PdfAppearance appendix(String documentNumber) {
        String number = required(documentNumber, "documentNumber", "số và ký hiệu văn bản", "document number");
        return create(Kind.APPENDIX, x -> x.documentNumber = number);
    }

    /**
     * An electronic copy: its type, the copying organisation (null: the certificate's organisation), the
     * copy's number and code, then the signing time.
     *
     * @param type the kind of copy
     * @param organisation the copying organisation, or null for the certificate's
     * @param copyNumber the copy's number and code, e.g. {@code 05/SY-VP}
     * @return the appearance
     */
    public static PdfAppearance copy(CopyType type, @Nullable String organisation, String copyNumber) {
        Args.notNull(type, "type");
        String number = required(copyNumber, "copyNumber", "số và ký hiệu bản sao", "copy number");
        return create(Kind.COPY, x -> {
            x.copyType = type;
            x.organisation = blankToNull(organisation);
            x.number = number;
        });
    }

    /**
     * An incoming document (văn bản đến) signed by the receiving organisation (null: the certificate's
     * organisation); add {@link #incomingNumber} and {@link #incomingDate} when known.
     *
     * @param receivingOrganisation the receiving organisation, or null for the certificate's
     * @return the appearance
     */
    public static PdfAppearance income(@Nullable String receivingOrganisation) {
        return create(Kind.INCOME, x -> x.organisation = blankToNull(receivingOrganisation));
    }

    /**
     * The title line above a leader's signature image, e.g. "KT. BỘ TRƯỞNG" (may contain line breaks);
     * null or blank: no title line. {@code INVALID_ARGUMENT} on another kind than {@link Kind#LEADER}.
     *
     * @param title the title line, or null for none
     * @return a copy of this appearance with the value set
     */
    public PdfAppearance title(@Nullable String title) {
        return with(Kind.LEADER, "title", x -> x.title = blankToNull(title));
    }

    /**
     * The full name under a leader's signature image; null or blank: no name line.
     * {@code INVALID_ARGUMENT} on another kind than {@link Kind#LEADER}.
     *
     * @param fullName the full name, or null for none
     * @return a copy of this appearance with the value set
     */
    public PdfAppearance name(@Nullable String fullName) {
        return with(Kind.LEADER, "name", x -> x.name = blankToNull(fullName));
    }

    /**
     * The seal's real width in millimetres (5 to 200), overriding the PNG's resolution (pHYs).
     * {@code INVALID_ARGUMENT} outside that range or on another kind than {@link Kind#SEAL}.
     *
     * @param mm the width in millimetres, 5 to 200
     * @return a copy of this appearance with the value set
     */
    public PdfAppearance sealWidthMm(double mm) {
        if (!(mm >= 5 && mm <= 200)) {
            throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null,
                    "chiều rộng con dấu " + mm + " mm nằm ngoài khoảng cho phép (từ 5 đến 200 mm)",
                    "seal width " + mm + " mm is outside 5..200 mm");
        }
        return with(Kind.SEAL, "sealWidthMm", x -> x.sealWidthMm = mm);
    }

    /**
     * The signature field whose signature image the seal covers (default: the most recent signature
     * showing an image). {@code INVALID_ARGUMENT} on another kind than {@link Kind#SEAL}.
     *
     * @param leaderField the name of the leader's signature field
     * @return a copy of this appearance with the value set
     */
    public PdfAppearance over(String leaderField) {
        String field = required(leaderField, "leaderField", "tên trường chữ ký", "field name");
        return with(Kind.SEAL, "over", x -> x.overField = field);
    }

    /**
     * The incoming document's number in the receiver's register (số đến); null or blank: none.
     * {@code INVALID_ARGUMENT} on another kind than {@link Kind#INCOME}.
     *
     * @param incomingNumber the incoming number, or null for none
     * @return a copy of this appearance with the value set
     */
    public PdfAppearance incomingNumber(@Nullable String incomingNumber) {
        return with(Kind.INCOME, "incomingNumber", x -> x.number = blankToNull(incomingNumber));
    }

    /**
     * The date the document arrived (ngày đến); null: none.
     * {@code INVALID_ARGUMENT} on another kind than {@link Kind#INCOME}.
     *
     * @param incomingDate the incoming date, or null for none
     * @return a copy of this appearance with the value set
     */
    public PdfAppearance incomingDate(@Nullable OffsetDateTime incomingDate) {
        return with(Kind.INCOME, "incomingDate", x -> x.date = incomingDate);
    }

    /** {@return what kind of appearance this is} */
    public Kind kind() { return kind; }
    /** {@return a copy of the PNG (signature or seal image), or null for the kinds without image} */
    public byte @Nullable [] image() { return image == null ? null : image.clone(); }
    /** {@return the title line above a leader's image, or null} */
    public @Nullable String title() { return title; }
    /** {@return the full name under a leader's image, or null} */
    public @Nullable String name() { return name; }
    /** {@return the document number and code of an appendix, or null} */
    public @Nullable String documentNumber() { return documentNumber; }
    /** {@return the type of an electronic copy, or null for the other kinds} */
    public @Nullable CopyType copyType() { return copyType; }
    /** {@return the copying or receiving organisation, or null for the certificate's} */
    public @Nullable String organisation() { return organisation; }
    /** {@return the copy number (copy) or incoming number (income), or null} */
    public @Nullable String number() { return number; }
    /** {@return the incoming date (income), or null} */
    public @Nullable OffsetDateTime date() { return date; }
    /** {@return the seal width given in mm, or 0 for the PNG's resolution (else {@value #DEFAULT_SEAL_MM} mm)} */
    public double sealWidthMm() { return sealWidthMm; }
    /** {@return the field whose image the seal covers, or null for the most recent signature with an image} */
    public @Nullable String overField() { return overField; }

    /** {@return whether this kind has no image and goes top-right of the first page by default} */
    public boolean infoText() {
        return kind == Kind.APPENDIX || kind == Kind.COPY || kind == Kind.INCOME;
    }

    private void requireKind(Kind expected, String method) {
        if (kind != expected) {
            throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null,
                    method + "() chỉ dùng cho hình thức hiển thị " + expected + ", không dùng cho " + kind,
                    method + "() is for a " + expected + " appearance, not " + kind);
        }
    }

    private static String required(@Nullable String value, String param, String whatVi, String whatEn) {
        Args.notNull(value, param);
        if (value.isBlank()) {
            throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null,
                    whatVi + " (" + param + ") để trống", whatEn + " (" + param + ") is blank");
        }
        return value.strip();
    }

    private static @Nullable String blankToNull(@Nullable String v) {
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static byte[] read(Path file) {
        try {
            if (Files.size(file) > SignatureImages.MAX_BYTES) {
                throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null,
                        "ảnh lớn hơn " + SignatureImages.MAX_BYTES + " B: " + file.getFileName(),
                        "image larger than " + SignatureImages.MAX_BYTES + " bytes: " + file.getFileName());
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new KysoException(ErrorCode.INPUT_UNREADABLE, e, String.valueOf(file));
        }
    }
}
