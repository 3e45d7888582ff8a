package vn.kyso.core.tsp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.kyso.api.DigestAlgorithm;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.Language;
import vn.kyso.api.internal.Args;

/**
 * An RFC 3161 time-stamp client over HTTP(S). The URLs are tried in order until one answers with a
 * good token (failover). Each request carries a fresh random nonce and asks for the TSA certificate.
 *
 * <p>Guarantees: a returned token has status granted, the requested message imprint and the request's
 * nonce; every network call is bounded by the connect and read time-outs (no hang); when every URL
 * fails the {@link KysoException} ({@code TIMESTAMP_FAILED}) names each URL and why it failed.
 * Immutable and thread-safe.
 */
public final class TimestampClient {
    private static final Logger LOG = LoggerFactory.getLogger(TimestampClient.class);
    private static final int MAX_RESPONSE = 1 << 20;

    private final List<String> urls;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final SecureRandom random = new SecureRandom();

    private TimestampClient(Builder b) {
        urls = Collections.unmodifiableList(new ArrayList<>(b.urls));
        connectTimeout = b.connectTimeout;
        readTimeout = b.readTimeout;
    }

    /**
     * {@return a builder: no URL yet, 10 s to connect, 20 s to read}
     */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the TSA URLs in the order they are tried} */
    public List<String> urls() {
        return urls;
    }

    /**
     * {@return the time allowed to connect to a TSA}
     */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /**
     * {@return the time allowed to read a TSA's answer}
     */
    public Duration readTimeout() {
        return readTimeout;
    }

    /**
     * Obtains a time-stamp token over a digest.
     *
     * @param digest the digest to time-stamp
     * @param alg the algorithm that made it
     * @return the DER-encoded TimeStampToken (a CMS SignedData)
     * @throws KysoException {@code INVALID_ARGUMENT} for a digest of the wrong length,
     *     {@code TIMESTAMP_FAILED} when no URL gives a good token
     */
    public byte[] timestamp(byte[] digest, DigestAlgorithm alg) {
        Args.notNull(digest, "digest");
        Args.notNull(alg, "alg");
        if (digest.length != alg.length()) {
            throw new KysoException(ErrorCode.INVALID_ARGUMENT, "digest.length=" + digest.length, alg.jcaName());
        }
        List<String> failuresVi = new ArrayList<>();
        List<String> failuresEn = new ArrayList<>();
        KysoException last = null;
        for (String url : urls) {
            try {
                return requestOne(url, digest, alg);
            } catch (KysoException e) {
                failuresVi.add(url + ": " + detail(e, Language.VI));
                failuresEn.add(url + ": " + detail(e, Language.EN));
                last = e;
                LOG.warn("Time-stamp authority {} failed: {}", url, e.getMessage());
            }
        }
        throw KysoException.localized(ErrorCode.TIMESTAMP_FAILED, last, String.join("; ", failuresVi),
                String.join("; ", failuresEn));
    }

    /** The message of a failure without its code and, when it is the same code, without its template. */
    private static String detail(KysoException e, Language language) {
        String m = e.message(language).replaceFirst("^\\[[^]]+] ", "");
        String prefix = ErrorCode.TIMESTAMP_FAILED.template(language).replace("%s", "");
        return e.errorCode() == ErrorCode.TIMESTAMP_FAILED && m.startsWith(prefix) ? m.substring(prefix.length()) : m;
    }

    private static KysoException failed(Throwable cause, String vi, String en) {
        return KysoException.localized(ErrorCode.TIMESTAMP_FAILED, cause, vi, en);
    }

    private byte[] requestOne(String url, byte[] digest, DigestAlgorithm alg) {
        TimeStampRequestGenerator gen = new TimeStampRequestGenerator();
        gen.setCertReq(true);
        BigInteger nonce = new BigInteger(63, random);
        TimeStampRequest request = gen.generate(new ASN1ObjectIdentifier(alg.oid()), digest, nonce);
        byte[] body;
        try {
            body = request.getEncoded();
        } catch (IOException e) {
            throw KysoException.localized(ErrorCode.INTERNAL, e, "mã hóa yêu cầu dấu thời gian", "encoding the time-stamp request");
        }
        byte[] answer = post(url, body);
        TimeStampResponse response;
        try {
            response = new TimeStampResponse(answer);
        } catch (TSPException | IOException | RuntimeException e) {
            throw failed(e, "câu trả lời sai cấu trúc", "malformed response");
        }
        int status = response.getStatus();
        if (status != 0 && status != 1) {
            String text = response.getStatusString();
            throw failed(null, "máy chủ từ chối, PKIStatus=" + status, "refused, PKIStatus=" + status + (text == null ? "" : " " + text));
        }
        try {
            response.validate(request);
        } catch (TSPException | RuntimeException e) {
            throw failed(e, "câu trả lời không khớp với yêu cầu", "response does not match the request: " + e.getMessage());
        }
        TimeStampToken token = response.getTimeStampToken();
        if (token == null) {
            throw failed(null, "câu trả lời không có dấu thời gian", "no token");
        }
        // validate() checked these already; re-check explicitly so the guarantee does not rest on one library call.
        if (!java.util.Arrays.equals(token.getTimeStampInfo().getMessageImprintDigest(), digest)
                || !nonce.equals(token.getTimeStampInfo().getNonce())) {
            throw failed(null, "dấu thời gian không khớp với dữ liệu hoặc số ngẫu nhiên của yêu cầu", "imprint or nonce mismatch");
        }
        try {
            return token.getEncoded();
        } catch (IOException e) {
            throw failed(e, "không mã hóa được dấu thời gian", "token encoding");
        }
    }

    private byte[] post(String url, byte[] body) {
        HttpURLConnection c = null;
        try {
            URL u = URI.create(url).toURL();
            String scheme = u.getProtocol().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw failed(null, "giao thức không được hỗ trợ: " + scheme, "unsupported scheme " + scheme);
            }
            c = (HttpURLConnection) u.openConnection();
            c.setConnectTimeout((int) connectTimeout.toMillis());
            c.setReadTimeout((int) readTimeout.toMillis());
            c.setRequestMethod("POST");
            c.setDoOutput(true);
            c.setUseCaches(false);
            c.setInstanceFollowRedirects(false);
            c.setRequestProperty("Content-Type", "application/timestamp-query");
            c.setRequestProperty("Accept", "application/timestamp-reply");
            c.setFixedLengthStreamingMode(body.length);
            try (OutputStream out = c.getOutputStream()) {
                out.write(body);
            }
            int code = c.getResponseCode();
            if (code != 200) {
                throw new KysoException(ErrorCode.TIMESTAMP_FAILED, "HTTP " + code);
            }
            try (InputStream in = c.getInputStream()) {
                ByteArrayOutputStream buf = new ByteArrayOutputStream();
                byte[] b = new byte[8192];
                int n;
                while ((n = in.read(b)) > 0) {
                    buf.write(b, 0, n);
                    if (buf.size() > MAX_RESPONSE) {
                        throw failed(null, "câu trả lời quá lớn", "response too large");
                    }
                }
                return buf.toByteArray();
            }
        } catch (java.net.SocketTimeoutException e) {
            throw failed(e, "hết thời gian chờ", "timed out (" + e.getMessage() + ")");
        } catch (java.net.ConnectException e) {
            throw failed(e, "không kết nối được", "connection refused (" + e.getMessage() + ")");
        } catch (java.net.UnknownHostException e) {
            throw failed(e, "không tìm thấy máy chủ", "unknown host " + e.getMessage());
        } catch (IOException | IllegalArgumentException e) {
            throw failed(e, "lỗi kết nối (" + e.getClass().getSimpleName() + ")", e.getClass().getSimpleName() + " " + e.getMessage());
        } finally {
            if (c != null) {
                c.disconnect();
            }
        }
    }

    /** Builder for {@link TimestampClient}. */
    public static final class Builder {
        private final List<String> urls = new ArrayList<>();
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(20);

        private Builder() {
        }

        /**
         * The TSA URLs, tried in order (replaces any earlier list).
         *
         * @param urls the URLs of RFC 3161 time-stamp authorities
         * @return this builder
         */
        public Builder urls(List<String> urls) {
            Args.notNull(urls, "urls");
            this.urls.clear();
            for (String u : urls) {
                url(u);
            }
            return this;
        }

        /**
         * Adds one TSA URL.
         *
         * @param url the URL of an RFC 3161 time-stamp authority
         * @return this builder
         */
        public Builder url(String url) {
            Args.notNull(url, "url");
            if (url.isBlank()) {
                throw new KysoException(ErrorCode.INVALID_ARGUMENT, "url=" + url);
            }
            urls.add(url.trim());
            return this;
        }

        /**
         * The time allowed to connect (default 10 s).
         *
         * @param connectTimeout a positive duration
         * @return this builder
         */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = check(connectTimeout, "connectTimeout");
            return this;
        }

        /**
         * The time allowed to read an answer (default 20 s).
         *
         * @param readTimeout a positive duration
         * @return this builder
         */
        public Builder readTimeout(Duration readTimeout) {
            this.readTimeout = check(readTimeout, "readTimeout");
            return this;
        }

        private static Duration check(Duration v, String name) {
            Args.notNull(v, name);
            if (v.isZero() || v.isNegative() || v.toMillis() > Integer.MAX_VALUE) {
                throw new KysoException(ErrorCode.INVALID_ARGUMENT, name + "=" + v);
            }
            return v;
        }

        /**
         * @throws KysoException {@code INVALID_ARGUMENT} without any URL
         *
         * @return a client for these URLs
         */
        public TimestampClient build() {
            if (urls.isEmpty()) {
                throw KysoException.localized(ErrorCode.INVALID_ARGUMENT, null, "cần ít nhất một địa chỉ TSA",
                        "at least one TSA url is required");
            }
            return new TimestampClient(this);
        }
    }
}
