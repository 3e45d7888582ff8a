package vn.kyso.apicheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The public surface of every SDK module, read from the compiled classes on this module's class path:
 * public (and protected nested) types outside packages named {@code internal}, and their public and
 * protected members. Every check of this module walks the same surface.
 */
final class PublicSurface {
    /** The SDK modules, by artifact id, in the order the baselines list them. */
    static final List<String> MODULES = List.of(
            "kyso-api", "kyso-core", "kyso-pdf", "kyso-xml", "kyso-pkcs11", "kyso-mobile", "kyso-testkit");

    private static final Pattern JAR = Pattern.compile("^(kyso-[a-z0-9]+)-\\d.*\\.jar$");
    private static final Pattern ARTIFACT = Pattern.compile("</parent>.*?<artifactId>([^<]+)</artifactId>",
            Pattern.DOTALL);
    private static Map<String, List<Class<?>>> cached;

    private PublicSurface() {
    }

    /** Each module's exposed types, sorted by name; every module of {@link #MODULES} is present. */
    static synchronized Map<String, List<Class<?>>> byModule() {
        if (cached == null) {
            Map<String, List<Class<?>>> found = new TreeMap<>(Comparator.comparingInt(MODULES::indexOf));
            for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
                Path path = Path.of(entry);
                String module = moduleOf(path);
                if (module == null) {
                    continue;
                }
                List<Class<?>> types = classNames(path).stream()
                        .map(PublicSurface::load)
                        .filter(PublicSurface::exposed)
                        .sorted(Comparator.comparing(Class::getName))
                        .collect(Collectors.toList());
                found.put(module, types);
            }
            for (String module : MODULES) {
                if (!found.containsKey(module)) {
                    throw new AssertionError(module + " is not on the class path of kyso-api-check");
                }
            }
            cached = found;
        }
        return cached;
    }

    /** Every exposed type of every module. */
    static List<Class<?>> allTypes() {
        return byModule().values().stream().flatMap(List::stream).collect(Collectors.toList());
    }

    /** The module's artifact id when this class path entry is one of the SDK modules, else null. */
    private static String moduleOf(Path entry) {
        String name = entry.getFileName() == null ? "" : entry.getFileName().toString();
        Matcher jar = JAR.matcher(name);
        if (jar.matches()) {
            return MODULES.contains(jar.group(1)) ? jar.group(1) : null;
        }
        if (Files.isDirectory(entry) && name.equals("classes") && entry.getParent() != null) {
            Path pom = entry.getParent().resolveSibling("pom.xml");
            if (Files.isRegularFile(pom)) {
                try {
                    Matcher m = ARTIFACT.matcher(Files.readString(pom, StandardCharsets.UTF_8));
                    if (m.find() && MODULES.contains(m.group(1))) {
                        return m.group(1);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return null;
    }

    private static List<String> classNames(Path entry) {
        List<String> names = new ArrayList<>();
        try {
            if (Files.isDirectory(entry)) {
                try (Stream<Path> files = Files.walk(entry)) {
                    files.filter(f -> f.toString().endsWith(".class"))
                            .map(f -> entry.relativize(f).toString().replace(java.io.File.separatorChar, '/'))
                            .forEach(names::add);
                }
            } else {
                try (JarFile jar = new JarFile(entry.toFile())) {
                    for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                        String n = e.nextElement().getName();
                        if (n.endsWith(".class")) {
                            names.add(n);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names.stream()
                .filter(n -> n.startsWith("vn/kyso/") && !n.endsWith("module-info.class")
                        && !n.endsWith("package-info.class"))
                .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
                .filter(n -> !internal(n.substring(0, n.lastIndexOf('.'))))
                .collect(Collectors.toList());
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, PublicSurface.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new AssertionError("cannot load " + name, e);
        }
    }

    /** A package named {@code internal}, or inside one. */
    static boolean internal(String packageName) {
        return Stream.of(packageName.split("\\.")).anyMatch("internal"::equals);
    }

    /** Whether a vendor's code can name this type. */
    static boolean exposed(Class<?> type) {
        if (type.isSynthetic() || type.isAnonymousClass() || type.isLocalClass()) {
            return false;
        }
        int mods = type.getModifiers();
        Class<?> outer = type.getDeclaringClass();
        if (outer == null) {
            return Modifier.isPublic(mods);
        }
        return (Modifier.isPublic(mods) || (Modifier.isProtected(mods) && extensible(outer))) && exposed(outer);
    }

    /** A class a vendor may subclass, so that its protected members are part of the surface. */
    static boolean extensible(Class<?> type) {
        if (type.isInterface() || type.isEnum() || type.isRecord() || Modifier.isFinal(type.getModifiers())) {
            return false;
        }
        if (type.isSealed()) {
            return false;
        }
        for (Constructor<?> c : type.getDeclaredConstructors()) {
            if (Modifier.isPublic(c.getModifiers()) || Modifier.isProtected(c.getModifiers())) {
                return true;
            }
        }
        return false;
    }

    /** Whether a member is part of the surface of its (exposed) type. */
    static boolean exposed(Member member) {
        if (member.isSynthetic() || (member instanceof Method && ((Method) member).isBridge())) {
            return false;
        }
        int mods = member.getModifiers();
        return Modifier.isPublic(mods) || (Modifier.isProtected(mods) && extensible(member.getDeclaringClass()));
    }

    static List<Field> fields(Class<?> type) {
        return Stream.of(type.getDeclaredFields()).filter(PublicSurface::exposed).collect(Collectors.toList());
    }

    static List<Constructor<?>> constructors(Class<?> type) {
        if (Modifier.isAbstract(type.getModifiers()) && !extensible(type)) {
            return List.of();
        }
        return Stream.of(type.getDeclaredConstructors()).filter(PublicSurface::exposed)
                .collect(Collectors.toList());
    }

    static List<Method> methods(Class<?> type) {
        return Stream.of(type.getDeclaredMethods()).filter(PublicSurface::exposed).collect(Collectors.toList());
    }

    /** Constructors then methods. */
    static List<Executable> executables(Class<?> type) {
        List<Executable> all = new ArrayList<>(constructors(type));
        all.addAll(methods(type));
        return all;
    }
}
