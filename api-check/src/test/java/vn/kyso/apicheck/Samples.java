package vn.kyso.apicheck;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Proxy;
import java.lang.reflect.Type;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import vn.kyso.api.io.Document;
import vn.kyso.api.token.SigningKey;
import vn.kyso.api.token.Token;
import vn.kyso.api.token.Tokens;
import vn.kyso.testkit.Identity;
import vn.kyso.testkit.Sandbox;

/**
 * Non-null sample values and receivers for the null-contract walk, built only through public factories,
 * builders and constructors (and kyso-testkit's sandbox where a key or certificate is needed). A type
 * for which nothing can be built is reported, never guessed.
 */
final class Samples implements AutoCloseable {
    static final Instant TIME = Instant.parse("2026-01-02T03:04:05Z");

    private final Map<Class<?>, Supplier<Object>> registered = new HashMap<>();
    private final Map<Class<?>, Object> made = new HashMap<>();
    private final Sandbox sandbox;
    private final Token token;
    private final Path dir;
    private final ExecutorService pool = Executors.newSingleThreadExecutor();

    Samples(Path dir) throws Exception {
        this.dir = dir;
        this.sandbox = Sandbox.start();
        Identity person = sandbox.person1();
        char[] password = Sandbox.PASSWORD.toCharArray();
        this.token = Tokens.pkcs12(person.pkcs12(password), password, "person1");
        Path file = Files.write(dir.resolve("sample.bin"), "sample".getBytes(StandardCharsets.UTF_8));
        register(String.class, () -> "sample");
        register(CharSequence.class, () -> "sample");
        register(Object.class, () -> "sample");
        register(byte[].class, () -> "sample".getBytes(StandardCharsets.UTF_8));
        register(char[].class, () -> "123456".toCharArray());
        register(Path.class, () -> file);
        register(java.io.File.class, file::toFile);
        register(URI.class, () -> URI.create("http://127.0.0.1:9/"));
        register(URL.class, () -> {
            try {
                return new URL("http://127.0.0.1:9/");
            } catch (java.net.MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        });
        register(Duration.class, () -> Duration.ofSeconds(1));
        register(Instant.class, () -> TIME);
        register(java.util.Date.class, () -> java.util.Date.from(TIME));
        register(Clock.class, () -> Clock.fixed(TIME, ZoneOffset.UTC));
        register(Locale.class, () -> Locale.ROOT);
        register(java.nio.charset.Charset.class, () -> StandardCharsets.UTF_8);
        register(InputStream.class, () -> new ByteArrayInputStream(new byte[] {1, 2, 3}));
        register(OutputStream.class, ByteArrayOutputStream::new);
        register(Executor.class, () -> pool);
        register(ExecutorService.class, () -> pool);
        register(Throwable.class, () -> new IllegalStateException("sample"));
        register(Exception.class, () -> new IllegalStateException("sample"));
        register(Optional.class, Optional::empty);
        register(X509Certificate.class, person::certificate);
        register(java.security.cert.Certificate.class, person::certificate);
        register(PrivateKey.class, person::privateKey);
        register(Identity.class, () -> person);
        register(Sandbox.class, () -> sandbox);
        register(Token.class, () -> token);
        register(SigningKey.class, () -> token.keys().get(0));
        register(Document.class, () -> Document.of("sample".getBytes(StandardCharsets.UTF_8), "sample.bin"));
        // The one signer shape: its default methods are called on a real signer, with options of its format.
        register(vn.kyso.api.sign.DocumentSigner.class, () -> vn.kyso.core.cades.CadesSigner.builder().build());
        register(vn.kyso.api.sign.SignatureOptions.class, vn.kyso.core.cades.CadesSignatureOptions::defaults);
        register(vn.kyso.api.io.Output.class, vn.kyso.api.io.Output::memory);
        register(java.time.OffsetDateTime.class, () -> TIME.atOffset(ZoneOffset.ofHours(7)));
        register(java.time.ZonedDateTime.class, () -> TIME.atZone(ZoneOffset.ofHours(7)));
        register(java.time.LocalDate.class, () -> java.time.LocalDate.of(2026, 1, 2));
        register(java.time.LocalDateTime.class, () -> java.time.LocalDateTime.of(2026, 1, 2, 3, 4));
        register(java.awt.image.BufferedImage.class,
                () -> new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_INT_RGB));
        register(vn.kyso.core.tsp.TimestampClient.class,
                () -> vn.kyso.core.tsp.TimestampClient.builder().url(sandbox.tsaUrl()).build());
        register(vn.kyso.mobile.RemoteSigningKey.class, () -> vn.kyso.mobile.RemoteSigningKey.builder()
                .signer((vn.kyso.mobile.RemoteSigner) proxy(vn.kyso.mobile.RemoteSigner.class))
                .id("sample").chain(person.chain()).build());
        register(vn.kyso.api.spi.SealedState.class, () -> {
            vn.kyso.api.twophase.StateKey key = vn.kyso.api.twophase.StateKey.generate();
            Clock clock = Clock.fixed(TIME, ZoneOffset.UTC);
            byte[] sealed = vn.kyso.api.spi.SealedState.builder("sample").put("name", "value")
                    .seal(key, Duration.ofMinutes(5), clock);
            return vn.kyso.api.spi.SealedState.open(sealed, key, "sample", clock);
        });
        softHsm();
        register(Integer.class, () -> 1);
        register(Long.class, () -> 1L);
        register(Boolean.class, () -> Boolean.FALSE);
        register(Double.class, () -> 1.0);
    }

    /**
     * A SoftHSM2 token with the sandbox's person1 key ({@code SOFTHSM2_CONF} is set by this module's
     * Surefire configuration), for the PKCS#11 module, slot and token receivers. Without SoftHSM2 the
     * PKCS#11 methods stay unexercised and the test reports them.
     */
    private void softHsm() {
        String conf = System.getenv(vn.kyso.testkit.SoftHsm2.ENV);
        Optional<Path> driver = vn.kyso.testkit.SoftHsm2.findModule();
        if (conf == null || driver.isEmpty() || !vn.kyso.testkit.SoftHsm2.missingTools().isEmpty()) {
            return;
        }
        vn.kyso.testkit.SoftHsm2 hsm = vn.kyso.testkit.SoftHsm2.create(Path.of(conf));
        hsm.initToken("apicheck");
        hsm.importIdentity("apicheck", sandbox.person1(), "01");
        vn.kyso.pkcs11.Pkcs11Module module = vn.kyso.pkcs11.Pkcs11Module.load(driver.get());
        register(vn.kyso.testkit.SoftHsm2.class, () -> hsm);
        register(vn.kyso.pkcs11.Pkcs11Module.class, () -> module);
        register(vn.kyso.pkcs11.TokenSlot.class, () -> module.slots().get(0));
        register(vn.kyso.pkcs11.Pkcs11Token.class, () -> module.openLabel("apicheck"));
    }

    void register(Class<?> type, Supplier<Object> supplier) {
        registered.put(type, supplier);
    }

    /** A value of a parameter of this generic type, or null when none can be made. */
    Object value(Type generic) {
        Class<?> raw = raw(generic);
        if (raw.isPrimitive()) {
            return primitive(raw);
        }
        if (List.class.equals(raw) || Collection.class.equals(raw) || Iterable.class.equals(raw)) {
            Type element = argument(generic, 0);
            if (element != null && raw(element) == X509Certificate.class) {
                return List.copyOf(sandbox.person1().chain());
            }
            Object one = element == null ? null : value(element);
            return one == null ? List.of() : List.of(one);
        }
        if (Set.class.equals(raw)) {
            Type element = argument(generic, 0);
            Object one = element == null ? null : value(element);
            return one == null ? Set.of() : Set.of(one);
        }
        if (Map.class.equals(raw)) {
            return Map.of();
        }
        return instance(raw);
    }

    /** An instance of this type built through public API, or null. */
    Object instance(Class<?> type) {
        if (made.containsKey(type)) {
            return made.get(type);
        }
        made.put(type, null); // no cycles
        Object value = build(type);
        made.put(type, value);
        return value;
    }

    private Object build(Class<?> type) {
        Supplier<Object> s = registered.get(type);
        if (s != null) {
            try {
                return s.get();
            } catch (RuntimeException e) {
                throw new IllegalStateException("the sample of " + type.getName() + " cannot be made", e);
            }
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        if (type.isArray()) {
            return Array.newInstance(type.getComponentType(), 0);
        }
        if (!type.getName().startsWith("vn.kyso.") || PublicSurface.internal(type.getPackageName())) {
            return type.isInterface() ? proxy(type) : null;
        }
        if (Modifier.isAbstract(type.getModifiers()) && !type.isInterface()) {
            for (Class<?> sub : PublicSurface.allTypes()) {
                if (sub != type && type.isAssignableFrom(sub) && !Modifier.isAbstract(sub.getModifiers())) {
                    Object made = instance(sub);
                    if (made != null) {
                        return made;
                    }
                }
            }
            return null;
        }
        // Public static factories of the type itself, fewest parameters first.
        List<Executable> ways = new ArrayList<>();
        for (Method m : type.getMethods()) {
            if (Modifier.isStatic(m.getModifiers()) && m.getReturnType() == type && m.getDeclaringClass() == type) {
                ways.add(m);
            }
        }
        for (Constructor<?> c : type.getConstructors()) {
            ways.add(c);
        }
        // A builder reached from the type (or, for a nested Builder, from its enclosing type).
        Class<?> outer = type.getDeclaringClass();
        if (outer != null) {
            for (Method m : outer.getMethods()) {
                if (Modifier.isStatic(m.getModifiers()) && m.getReturnType() == type) {
                    ways.add(m);
                }
            }
        }
        ways.sort((a, b) -> Integer.compare(a.getParameterCount(), b.getParameterCount()));
        for (Executable way : ways) {
            Object made = call(way, null);
            if (made != null) {
                return made;
            }
        }
        for (Method m : type.getMethods()) {
            if (Modifier.isStatic(m.getModifiers()) && m.getParameterCount() == 0) {
                for (Method build : m.getReturnType().getMethods()) {
                    if (build.getName().equals("build") && build.getParameterCount() == 0
                            && build.getReturnType() == type) {
                        Object builder = call(m, null);
                        Object built = builder == null ? null : call(build, builder);
                        if (built != null) {
                            return built;
                        }
                    }
                }
            }
        }
        if (type.isInterface()) {
            return proxy(type);
        }
        return null;
    }

    /** The result of calling this factory with sample arguments, or null if it fails. */
    private Object call(Executable way, Object receiver) {
        try {
            Object[] args = arguments(way);
            if (args == null) {
                return null;
            }
            if (way instanceof Method) {
                return ((Method) way).invoke(receiver, args);
            }
            return ((Constructor<?>) way).newInstance(args);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** Sample arguments for every parameter, or null when one cannot be made. */
    Object[] arguments(Executable e) {
        Type[] types = e.getGenericParameterTypes();
        Object[] args = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            args[i] = value(types[i]);
            if (args[i] == null) {
                return null;
            }
        }
        return args;
    }

    /** The first parameter type for which no sample can be made, for the report. */
    String missing(Executable e) {
        for (Type t : e.getGenericParameterTypes()) {
            if (value(t) == null) {
                return t.getTypeName();
            }
        }
        return null;
    }

    private static Object proxy(Class<?> type) {
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, m, args) -> {
            if (m.getName().equals("toString") && m.getParameterCount() == 0) {
                return "sample " + type.getSimpleName();
            }
            if (m.getName().equals("hashCode") && m.getParameterCount() == 0) {
                return System.identityHashCode(p);
            }
            if (m.getName().equals("equals") && m.getParameterCount() == 1) {
                return p == args[0];
            }
            return m.getReturnType().isPrimitive() ? primitive(m.getReturnType()) : null;
        });
    }

    static Object primitive(Class<?> c) {
        if (c == boolean.class) {
            return false;
        }
        if (c == char.class) {
            return 'a';
        }
        if (c == byte.class) {
            return (byte) 1;
        }
        if (c == short.class) {
            return (short) 1;
        }
        if (c == int.class) {
            return 1;
        }
        if (c == long.class) {
            return 1L;
        }
        if (c == float.class) {
            return 1f;
        }
        if (c == double.class) {
            return 1d;
        }
        return null;
    }

    static Class<?> raw(Type t) {
        if (t instanceof Class) {
            return (Class<?>) t;
        }
        if (t instanceof ParameterizedType) {
            return (Class<?>) ((ParameterizedType) t).getRawType();
        }
        if (t instanceof java.lang.reflect.GenericArrayType) {
            return Array.newInstance(raw(((java.lang.reflect.GenericArrayType) t).getGenericComponentType()), 0)
                    .getClass();
        }
        if (t instanceof java.lang.reflect.WildcardType) {
            return raw(((java.lang.reflect.WildcardType) t).getUpperBounds()[0]);
        }
        if (t instanceof java.lang.reflect.TypeVariable) {
            return raw(((java.lang.reflect.TypeVariable<?>) t).getBounds()[0]);
        }
        return Object.class;
    }

    private static Type argument(Type t, int i) {
        if (t instanceof ParameterizedType) {
            Type a = ((ParameterizedType) t).getActualTypeArguments()[i];
            return a instanceof java.lang.reflect.WildcardType
                    ? ((java.lang.reflect.WildcardType) a).getUpperBounds()[0] : a;
        }
        return null;
    }

    @Override
    public void close() throws Exception {
        pool.shutdownNow();
        token.close();
        sandbox.close();
    }
}
