package vn.kyso.xml.profile;

import org.jspecify.annotations.Nullable;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.internal.Args;

/**
 * The {@code MessageHeader} of an edXML message (QCVN 102:2016): sender ({@code From}), receivers
 * ({@code To}), and the document's fields, kept as text exactly as written, each under its edXML name: a
 * simple field by its element name ({@code DocumentId}, {@code Subject}, {@code Content}, {@code DueDate}),
 * a field inside a group as {@code Group/Name} ({@code Code/CodeNumber}, {@code Code/CodeNotation},
 * {@code PromulgationInfo/Place}, {@code PromulgationInfo/PromulgationDate}, {@code DocumentType/Type},
 * {@code DocumentType/TypeName}, {@code SignerInfo/Competence}, {@code SignerInfo/Position},
 * {@code SignerInfo/FullName}); plus {@code ToPlaces/Place} (a list) and {@code OtherInfo} (named values).
 *
 * <p>Immutable, with value equality: a header read back from a message equals the one it was built from.
 * Dates written by the convenience setters use dd/MM/yyyy; the document id defaults to
 * {@code senderCode,yyyy/MM/dd,number/notation}.
 */
public final class EdXmlHeader {
    /** The fields the message header lists, in the order they are written (QCVN 102:2016). */
    static final List<String> FIELD_ORDER = List.of("DocumentId", "Code/CodeNumber", "Code/CodeNotation",
            "PromulgationInfo/Place", "PromulgationInfo/PromulgationDate", "DocumentType/Type", "DocumentType/TypeName",
            "Subject", "Content", "SignerInfo/Competence", "SignerInfo/Position", "SignerInfo/FullName", "DueDate");
    /** Parts of MessageHeader that are not simple fields. */
    static final Set<String> STRUCTURED = Set.of("From", "To", "ToPlaces", "OtherInfo");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final Organization from;
    private final List<Organization> to;
    private final Map<String, String> fields;
    private final List<String> toPlaces;
    private final Map<String, String> otherInfo;

    private EdXmlHeader(Builder b) {
        from = b.from;
        to = List.copyOf(b.to);
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(b.fields));
        toPlaces = List.copyOf(b.toPlaces);
        otherInfo = Collections.unmodifiableMap(new LinkedHashMap<>(b.otherInfo));
    }

    /** {@return a builder for a new header} */
    public static Builder builder() {
        return new Builder();
    }

    static boolean isName(String s) {
        return s != null && vn.kyso.xml.internal.Dom.isNcName(s);
    }

    /**
     * The sending organisation.
     *
     * @return the sender
     */
    public Organization from() {
        return from;
    }

    /**
     * The receiving organisations, in order.
     *
     * @return the receivers, unmodifiable
     */
    public List<Organization> to() {
        return to;
    }

    /**
     * Every simple field, by its edXML name (see the class comment), in the order written.
     *
     * @return every field by edXML name, in the order written, unmodifiable
     */
    public Map<String, String> fields() {
        return fields;
    }

    /**
     * One field by its edXML name, or null.
     *
     * @param name the field's edXML name, e.g. {@code Subject} or {@code Code/CodeNumber}
     * @return the value, or null when the field is absent
     */
    public String field(String name) {
        return fields.get(name);
    }

    /** {@return the {@code DocumentId} field, or null} */
    public String documentId() {
        return fields.get("DocumentId");
    }

    /** {@return the {@code Subject} field (trích yếu), or null} */
    public String subject() {
        return fields.get("Subject");
    }

    /**
     * {@code ToPlaces/Place}: where the document is sent, as text.
     *
     * @return the receivers named by text, unmodifiable
     */
    public List<String> toPlaces() {
        return toPlaces;
    }

    /**
     * {@code OtherInfo}: element name to text, in order.
     *
     * @return the {@code OtherInfo} values by name, unmodifiable
     */
    public Map<String, String> otherInfo() {
        return otherInfo;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof EdXmlHeader)) {
            return false;
        }
        EdXmlHeader h = (EdXmlHeader) o;
        return Objects.equals(from, h.from) && to.equals(h.to) && fields.equals(h.fields) && toPlaces.equals(h.toPlaces)
                && otherInfo.equals(h.otherInfo);
    }

    @Override
    public int hashCode() {
        return Objects.hash(from, to, fields, toPlaces, otherInfo);
    }

    @Override
    public String toString() {
        return "EdXmlHeader[from=" + from + ", to=" + to + ", " + fields + ", toPlaces=" + toPlaces + ", otherInfo=" + otherInfo + "]";
    }

    /** Builder for {@link EdXmlHeader}; {@code from}, at least one {@code to} and {@code Subject} are required. */
    public static final class Builder {
        private Organization from;
        private final List<Organization> to = new ArrayList<>();
        private final Map<String, String> fields = new LinkedHashMap<>();
        private final List<String> toPlaces = new ArrayList<>();
        private final Map<String, String> otherInfo = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * The sender ({@code From}).
         *
         * @param sender the sending organisation
         * @return this builder
         */
        public Builder from(Organization sender) {
            from = Args.notNull(sender, "sender");
            return this;
        }

        /**
         * Adds a receiver ({@code To}).
         *
         * @param receiver a receiving organisation
         * @return this builder
         */
        public Builder to(Organization receiver) {
            to.add(Args.notNull(receiver, "receiver"));
            return this;
        }

        /**
         * Sets a field by its edXML name ({@code Subject}, {@code Code/CodeNumber}, ...; a name not in the
         * standard list is kept too, written after the standard ones); null removes it.
         *
         * @param name the field's edXML name, e.g. {@code Subject} or {@code Code/CodeNumber}
         * @param value the value
         * @throws KysoException {@code INVALID_ARGUMENT} for a name that is not one or two XML names, or that
         *     names {@code From}, {@code To}, {@code ToPlaces} or {@code OtherInfo}
         * @return this builder
         */
        public Builder field(String name, @Nullable String value) {
            Args.notNull(name, "name");
            String[] parts = name.split("/", -1);
            boolean ok = parts.length == 1 || parts.length == 2;
            for (String p : parts) {
                ok &= isName(p);
            }
            if (!ok || STRUCTURED.contains(parts[0])) {
                throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null,
                        "tên trường tiêu đề edXML không hợp lệ: '" + name + "'",
                        "invalid edXML header field name: '" + name + "'");
            }
            if (value == null) {
                fields.remove(name);
            } else {
                fields.put(name, value);
            }
            return this;
        }

        /**
         * {@code DocumentId}; null: derived from sender, date, number and notation when they are known.
         *
         * @param documentId the document id, or null
         * @return this builder
         */
        public Builder documentId(@Nullable String documentId) {
            return field("DocumentId", documentId);
        }

        /**
         * {@code Code}: the document number (e.g. {@code 45}) and notation (e.g. {@code QĐ-UBND}); null
         * removes a part.
         *
         * @param number the number, or null
         * @param notation the notation, or null
         * @return this builder
         */
        public Builder code(@Nullable String number, @Nullable String notation) {
            return field("Code/CodeNumber", number).field("Code/CodeNotation", notation);
        }

        /**
         * {@code PromulgationInfo}: place and date of issue; null removes a part.
         *
         * @param place the place
         * @param date the date of issue, or null
         * @return this builder
         */
        public Builder promulgation(@Nullable String place, @Nullable LocalDate date) {
            return field("PromulgationInfo/Place", place).field("PromulgationInfo/PromulgationDate", date == null ? null : DATE.format(date));
        }

        /**
         * {@code DocumentType}: the type code and its name (e.g. {@code 1}, {@code Công văn}); null removes a part.
         *
         * @param type the type code, or null
         * @param typeName the type's name, or null
         * @return this builder
         */
        public Builder documentType(@Nullable String type, @Nullable String typeName) {
            return field("DocumentType/Type", type).field("DocumentType/TypeName", typeName);
        }

        /**
         * {@code Subject} (trích yếu), required by {@link #build()}; null removes it.
         *
         * @param subject the subject, or null
         * @return this builder
         */
        public Builder subject(@Nullable String subject) {
            return field("Subject", subject);
        }

        /**
         * {@code Content}; null removes it.
         *
         * @param content the content, or null
         * @return this builder
         */
        public Builder content(@Nullable String content) {
            return field("Content", content);
        }

        /**
         * {@code SignerInfo}: competence (e.g. {@code TM.}), position and full name of the signer; null
         * removes a part.
         *
         * @param competence the competence, or null
         * @param position the position, or null
         * @param fullName the full name, or null
         * @return this builder
         */
        public Builder signer(@Nullable String competence, @Nullable String position, @Nullable String fullName) {
            return field("SignerInfo/Competence", competence).field("SignerInfo/Position", position)
                    .field("SignerInfo/FullName", fullName);
        }

        /**
         * {@code DueDate}; null removes it.
         *
         * @param dueDate the due date, or null
         * @return this builder
         */
        public Builder dueDate(@Nullable LocalDate dueDate) {
            return field("DueDate", dueDate == null ? null : DATE.format(dueDate));
        }

        /**
         * Adds a {@code ToPlaces/Place}: a receiver named by text.
         *
         * @param place the place
         * @return this builder
         */
        public Builder toPlace(String place) {
            toPlaces.add(Args.notNull(place, "place"));
            return this;
        }

        /**
         * An {@code OtherInfo} value (such as {@code Priority}, {@code PageAmount}).
         *
         * @param name the field's edXML name, e.g. {@code Subject} or {@code Code/CodeNumber}
         * @param value the value
         * @return this builder
         */
        public Builder otherInfo(String name, String value) {
            Args.notNull(name, "name");
            Args.notNull(value, "value");
            if (!isName(name)) {
                throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null,
                        "tên OtherInfo của edXML không hợp lệ: '" + name + "'",
                        "invalid edXML OtherInfo name: '" + name + "'");
            }
            otherInfo.put(name, value);
            return this;
        }

        /**
         * @return the header
         * @throws KysoException {@code INVALID_ARGUMENT} without a sender, a receiver or a subject
         */
        public EdXmlHeader build() {
            if (from == null || to.isEmpty() || fields.get("Subject") == null) {
                throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null,
                        "tiêu đề edXML phải có 'From', 'To' và 'Subject'",
                        "edXML header: From, To and Subject are required");
            }
            if (!fields.containsKey("DocumentId")) {
                String id = defaultDocumentId();
                if (id != null) {
                    fields.put("DocumentId", id);
                }
            }
            return read();
        }

        /** The header as read from a message: nothing required, nothing added. */
        EdXmlHeader read() {
            Map<String, String> ordered = new LinkedHashMap<>();
            for (String f : FIELD_ORDER) {
                if (fields.containsKey(f)) {
                    ordered.put(f, fields.get(f));
                }
            }
            ordered.putAll(fields);
            fields.clear();
            fields.putAll(ordered);
            return new EdXmlHeader(this);
        }

        /** senderCode,yyyy/MM/dd,number/notation when the parts are known. */
        private String defaultDocumentId() {
            String date = fields.get("PromulgationInfo/PromulgationDate");
            String number = fields.get("Code/CodeNumber");
            String notation = fields.get("Code/CodeNotation");
            if (date == null || number == null || notation == null) {
                return null;
            }
            try {
                LocalDate d = LocalDate.parse(date, DATE);
                return from.organId() + "," + d.format(DateTimeFormatter.ofPattern("yyyy/MM/dd")) + "," + number + "/" + notation;
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }

    /**
     * An organisation in the header ({@code From} or {@code To}): {@code OrganId} (the exchange code, e.g.
     * {@code 000.00.00.G22}), {@code OrganName} and optional {@code OrganizationInCharge}, {@code OrganAdd},
     * {@code Email}, {@code Telephone}, {@code Fax}, {@code Website}. Immutable, with value equality.
     */
    public static final class Organization {
        static final List<String> FIELDS = List.of("OrganId", "OrganizationInCharge", "OrganName", "OrganAdd",
                "Email", "Telephone", "Fax", "Website");
        private final Map<String, String> values;

        private Organization(Map<String, String> values) {
            Map<String, String> ordered = new LinkedHashMap<>();
            for (String f : FIELDS) {
                if (values.containsKey(f)) {
                    ordered.put(f, values.get(f));
                }
            }
            ordered.putAll(values);
            this.values = Collections.unmodifiableMap(ordered);
        }

        /**
         * {@return an organisation with its exchange code and name}
         *
         * @param organId the exchange code, e.g. {@code 000.00.00.G22}
         * @param organName the name, or null
         */
        public static Organization of(String organId, @Nullable String organName) {
            Args.notNull(organId, "organId");
            Map<String, String> m = new LinkedHashMap<>();
            m.put("OrganId", organId);
            if (organName != null) {
                m.put("OrganName", organName);
            }
            return new Organization(m);
        }

        /** Read back from a message: every child element's text, by name. */
        static Organization read(Map<String, String> values) {
            return new Organization(values);
        }

        /**
         * A copy with one more field (one of the names listed above, or another XML name).
         *
         * @param name the field's element name
         * @param value its text
         * @return the copy
         * @throws KysoException {@code INVALID_ARGUMENT} for a name that is not an XML name
         */
        public Organization with(String name, String value) {
            Args.notNull(name, "name");
            Args.notNull(value, "value");
            if (!isName(name)) {
                throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null,
                        "tên trường tổ chức của edXML không hợp lệ: '" + name + "'",
                        "invalid edXML organisation field name: '" + name + "'");
            }
            Map<String, String> m = new LinkedHashMap<>(values);
            m.put(name, value);
            return new Organization(m);
        }

        /** {@return the exchange code ({@code OrganId})} */
        public String organId() {
            return values.get("OrganId");
        }

        /** {@return the name ({@code OrganName}), or null} */
        public String organName() {
            return values.get("OrganName");
        }

        /**
         * Every field, by edXML name, in the order written.
         *
         * @return every field by edXML name, in the order written, unmodifiable
         */
        public Map<String, String> values() {
            return values;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Organization && values.equals(((Organization) o).values);
        }

        @Override
        public int hashCode() {
            return values.hashCode();
        }

        @Override
        public String toString() {
            return values.toString();
        }
    }
}
