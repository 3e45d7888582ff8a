package vn.kyso.pkcs11;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;

/**
 * Finds the PKCS#11 drivers installed on this machine: the driver file names of the tokens used in
 * Vietnam (a data file, {@code vn/kyso/pkcs11/drivers.txt}, easy to extend) searched in the usual
 * directories of the running OS, plus any path listed in the system property {@value #PROPERTY} or the
 * environment variable {@value #ENV} (separated by the platform's path separator; a directory is
 * searched, a file is taken as a driver). It only looks at files; it never loads a library.
 */
public final class DriverDiscovery {
    /** System property with extra driver paths. */
    public static final String PROPERTY = "kyso.pkcs11.path";
    /** Environment variable with extra driver paths. */
    public static final String ENV = "KYSO_PKCS11_PATH";

    /** One driver found on disk. Immutable. */
    public static final class Driver {
        private final String name;
        private final String vendor;
        private final Path path;

        Driver(String name, String vendor, Path path) {
            this.name = name;
            this.vendor = vendor;
            this.path = path;
        }

        /** {@return the file name, e.g. {@code eTPKCS11.dll}} */
        public String name() { return name; }
        /** {@return who ships it, as far as the registry knows; "configured" for paths given by configuration} */
        public String vendor() { return vendor; }
        /**
         * {@return the driver file}
         */
        public Path path() { return path; }

        @Override
        public String toString() {
            return vendor + ": " + path;
        }
    }

    private static final class Entry {
        final String os;
        final String vendor;
        final Pattern pattern;

        Entry(String os, String vendor, String glob) {
            this.os = os;
            this.vendor = vendor;
            this.pattern = Pattern.compile(Pattern.quote(glob).replace("*", "\\E.*\\Q"),
                    os.equals("windows") ? Pattern.CASE_INSENSITIVE : 0);
        }
    }

    private DriverDiscovery() {
    }

    /**
     * {@return the drivers found for the running OS, with the configured extra paths from the system property
     * and environment}
     */
    public static List<Driver> find() {
        List<String> extra = new ArrayList<>();
        for (String source : new String[] {System.getProperty(PROPERTY), System.getenv(ENV)}) {
            if (source != null && !source.isBlank()) {
                Collections.addAll(extra, source.split(Pattern.quote(File.pathSeparator)));
            }
        }
        return find(osName(), standardDirectories(osName()), extra);
    }

    /** The drivers for {@code os} ("windows", "mac" or "linux") in the given directories and extra paths. */
    static List<Driver> find(String os, List<Path> directories, List<String> extraPaths) {
        List<Entry> registry = registry(os);
        Map<Path, Driver> found = new LinkedHashMap<>();
        for (String extra : extraPaths) {
            Path p = Path.of(extra.trim());
            if (Files.isRegularFile(p)) {
                found.putIfAbsent(identity(p), new Driver(p.getFileName().toString(), vendorOf(registry, p), p.toAbsolutePath()));
            } else if (Files.isDirectory(p)) {
                scan(p, registry, found);
            }
        }
        for (Path dir : directories) {
            if (Files.isDirectory(dir)) {
                scan(dir, registry, found);
            }
        }
        return List.copyOf(found.values());
    }

    /** The file behind a path: a driver reached through links (Debian links each one into several directories) is one driver. */
    private static Path identity(Path file) {
        try {
            return file.toRealPath();
        } catch (IOException | SecurityException e) {
            return file.toAbsolutePath();
        }
    }

    private static String vendorOf(List<Entry> registry, Path file) {
        for (Entry e : registry) {
            if (e.pattern.matcher(file.getFileName().toString()).matches()) {
                return e.vendor;
            }
        }
        return "configured";
    }

    private static void scan(Path dir, List<Entry> registry, Map<Path, Driver> found) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                for (Entry e : registry) {
                    if (e.pattern.matcher(name).matches() && Files.isRegularFile(f)) {
                        found.putIfAbsent(identity(f), new Driver(name, e.vendor, f.toAbsolutePath()));
                        break;
                    }
                }
            }
        } catch (IOException | SecurityException e) {
            // an unreadable directory holds no driver we can use
        }
    }

    private static List<Entry> registry(String os) {
        List<Entry> entries = new ArrayList<>();
        try (InputStream in = DriverDiscovery.class.getResourceAsStream("drivers.txt")) {
            if (in == null) {
                throw KysoException.localized(ErrorCode.INTERNAL, null, "thiếu tệp drivers.txt", "drivers.txt missing");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String t = line.trim();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                String[] parts = t.split(";", 3);
                if (parts.length == 3 && parts[0].equals(os)) {
                    entries.add(new Entry(parts[0], parts[1], parts[2]));
                }
            }
        } catch (IOException e) {
            throw new KysoException(ErrorCode.INTERNAL, e, "drivers.txt");
        }
        return entries;
    }

    static String osName() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        return os.contains("windows") ? "windows" : os.contains("mac") ? "mac" : "linux";
    }

    static List<Path> standardDirectories(String os) {
        List<Path> dirs = new ArrayList<>();
        switch (os) {
            case "windows":
                String root = Objects.requireNonNullElse(System.getenv("SystemRoot"), "C:\\Windows");
                dirs.add(Path.of(root, "System32"));
                dirs.add(Path.of(root, "SysWOW64"));
                break;
            case "mac":
                dirs.add(Path.of("/usr/local/lib"));
                dirs.add(Path.of("/Library/OpenSC/lib"));
                dirs.add(Path.of("/usr/local/lib/pkcs11"));
                break;
            default:
                for (String d : new String[] {"/usr/lib", "/usr/lib64", "/usr/local/lib", "/usr/lib/softhsm",
                        "/usr/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu/pkcs11", "/usr/lib/x86_64-linux-gnu/softhsm",
                        "/usr/lib/aarch64-linux-gnu", "/usr/lib/pkcs11"}) {
                    dirs.add(Path.of(d));
                }
                break;
        }
        return dirs;
    }
}
