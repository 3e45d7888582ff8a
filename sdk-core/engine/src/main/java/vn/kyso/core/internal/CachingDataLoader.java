package vn.kyso.core.internal;

import eu.europa.esig.dss.spi.client.http.DataLoader;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import vn.kyso.api.DigestAlgorithm;

/**
 * A DSS {@link DataLoader} that keeps successful responses for a time-to-live, keyed by URL (and the
 * SHA-256 of the request body for POST). Bounded; thread-safe. Internal.
 */
public final class CachingDataLoader implements DataLoader {
    private static final long serialVersionUID = 1L;
    private static final int MAX_ENTRIES = 512;

    private final DataLoader delegate;
    private final long ttlMillis;
    private final transient Clock clock;
    private final transient Map<String, Entry> cache = new ConcurrentHashMap<>();

    private static final class Entry {
        final byte[] data;
        final long expires;

        Entry(byte[] data, long expires) {
            this.data = data;
            this.expires = expires;
        }
    }

    public CachingDataLoader(DataLoader delegate, Duration ttl, Clock clock) {
        this.delegate = delegate;
        this.ttlMillis = ttl.toMillis();
        this.clock = clock;
    }

    @Override
    public byte[] get(String url) {
        String key = "GET " + url;
        byte[] hit = lookup(key);
        if (hit != null) {
            return hit;
        }
        return store(key, delegate.get(url));
    }

    @Override
    public DataAndUrl get(List<String> urls) {
        for (String url : urls) {
            byte[] hit = lookup("GET " + url);
            if (hit != null) {
                return new DataAndUrl(url, hit);
            }
        }
        DataAndUrl r = delegate.get(urls);
        if (r != null && r.getData() != null) {
            store("GET " + r.getUrlString(), r.getData());
        }
        return r;
    }

    @Override
    public byte[] post(String url, byte[] content) {
        String key = "POST " + url + " " + Base64.getEncoder().encodeToString(DigestAlgorithm.SHA256.digest(
                content == null ? new byte[0] : content));
        byte[] hit = lookup(key);
        if (hit != null) {
            return hit;
        }
        return store(key, delegate.post(url, content));
    }

    @Override
    public void setContentType(String contentType) {
        delegate.setContentType(contentType);
    }

    private byte[] lookup(String key) {
        if (ttlMillis <= 0) {
            return null;
        }
        Entry e = cache.get(key);
        if (e == null) {
            return null;
        }
        if (clock.millis() > e.expires) {
            cache.remove(key, e);
            return null;
        }
        return e.data.clone();
    }

    private byte[] store(String key, byte[] data) {
        if (ttlMillis > 0 && data != null && data.length > 0) {
            if (cache.size() >= MAX_ENTRIES) {
                long now = clock.millis();
                for (Iterator<Entry> it = cache.values().iterator(); it.hasNext();) {
                    if (now > it.next().expires) {
                        it.remove();
                    }
                }
                if (cache.size() >= MAX_ENTRIES) {
                    cache.clear();
                }
            }
            cache.put(key, new Entry(data.clone(), clock.millis() + ttlMillis));
        }
        return data;
    }

}
