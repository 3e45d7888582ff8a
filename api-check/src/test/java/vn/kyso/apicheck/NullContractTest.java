package vn.kyso.apicheck;

import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.kyso.api.ErrorCode;
import vn.kyso.api.KysoException;
import vn.kyso.api.Language;

/**
 * The null contract of every public method and constructor of every module: for each reference parameter
 * not annotated {@code @Nullable}, a call with null there (and sample values elsewhere) throws
 * {@link KysoException} with {@link ErrorCode#INVALID_ARGUMENT} whose message names that parameter.
 *
 * <p>Two committed lists, both checked both ways (an unlisted case fails; a listed case that is now fine
 * fails too, so the lists only shrink):
 * <ul>
 *   <li>{@code known/null-contract-unexercised.txt}: methods the walk cannot call, each with the reason;
 *   <li>{@code known/null-contract-pending.txt}: parameters that still break the contract, each with the
 *       area that owns the fix. It must be empty before issue 11 closes.
 * </ul>
 */
class NullContractTest {
    static final String UNEXERCISED = "null-contract-unexercised.txt";
    static final String PENDING = "null-contract-pending.txt";
    private static final long TIMEOUT_SECONDS = 20;

    @TempDir
    static Path dir;
    static Samples samples;
    static ExecutorService calls;

    @BeforeAll
    static void start() throws Exception {
        samples = new Samples(dir);
        calls = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "null-contract");
            t.setDaemon(true);
            return t;
        });
    }

    @AfterAll
    static void stop() throws Exception {
        if (calls != null) {
            calls.shutdownNow();
        }
        if (samples != null) {
            samples.close();
        }
    }

    @Test
    void everyPublicEntryPointRefusesNullWithInvalidArgument() {
        Map<String, String> unexercised = new TreeMap<>();
        Map<String, String> broken = new TreeMap<>();
        int checked = 0;
        for (Class<?> type : PublicSurface.allTypes()) {
            for (Executable e : PublicSurface.executables(type)) {
                int[] required = requiredReferenceParameters(e);
                if (required.length == 0 || implicitContract(e)) {
                    continue;
                }
                String key = key(e);
                String why = cannotCall(e);
                if (why != null) {
                    unexercised.put(key, why);
                    continue;
                }
                Object receiver = Modifier.isStatic(e.getModifiers()) || e instanceof Constructor
                        ? null : samples.instance(type);
                Object[] args = samples.arguments(e);
                if ((receiver == null && !(Modifier.isStatic(e.getModifiers()) || e instanceof Constructor))
                        || args == null) {
                    unexercised.put(key, receiver == null && !(e instanceof Constructor)
                            && !Modifier.isStatic(e.getModifiers())
                            ? "no instance of " + ApiText.name(type) + " can be built"
                            : "no sample of " + samples.missing(e));
                    continue;
                }
                for (int i : required) {
                    String name = e.getParameters()[i].getName();
                    Object[] withNull = args.clone();
                    withNull[i] = null;
                    String problem = outcome(e, receiver, withNull, name);
                    checked++;
                    if (problem != null) {
                        broken.put(key + " " + name, problem);
                    }
                }
            }
        }
        Map<String, String> listedUnexercised = Known.read(UNEXERCISED);
        Map<String, String> listedPending = Known.read(PENDING);
        StringBuilder report = new StringBuilder();
        report.append(Known.compare(UNEXERCISED, unexercised.keySet(), listedUnexercised,
                "Methods the null-contract test cannot call and that are not listed with a reason"));
        report.append(Known.compare(PENDING, broken.keySet(), listedPending,
                "Parameters that break the null contract (null must be KysoException INVALID_ARGUMENT naming it)"));
        if (report.length() > 0) {
            StringBuilder details = new StringBuilder("\nWhat the unlisted calls did:\n");
            broken.forEach((k, v) -> {
                if (!listedPending.containsKey(k)) {
                    details.append("  ").append(k).append(" | ").append(owner(k)).append(" | ").append(v)
                            .append('\n');
                }
            });
            unexercised.forEach((k, v) -> {
                if (!listedUnexercised.containsKey(k)) {
                    details.append("  ").append(k).append(" | ").append(v).append('\n');
                }
            });
            fail(report + details.toString() + "\n(" + checked + " null arguments tried)");
        }
    }

    /** The indexes of the reference parameters that are not {@code @Nullable}. */
    static int[] requiredReferenceParameters(Executable e) {
        Parameter[] ps = e.getParameters();
        AnnotatedType[] types = e.getAnnotatedParameterTypes();
        int offset = ps.length - types.length;
        return java.util.stream.IntStream.range(offset, ps.length)
                .filter(i -> !ps[i].getType().isPrimitive())
                .filter(i -> !types[i - offset].isAnnotationPresent(Nullable.class)
                        && !ps[i].isAnnotationPresent(Nullable.class))
                .toArray();
    }

    /**
     * Methods whose null behaviour the Java language or {@link Object} defines: an enum's
     * {@code valueOf(String)}, and {@code equals(Object)} (false for null, by Object's contract).
     */
    static boolean implicitContract(Executable e) {
        if (!(e instanceof Method)) {
            return false;
        }
        Method m = (Method) e;
        if (m.getDeclaringClass().isEnum() && m.getName().equals("valueOf") && m.getParameterCount() == 1
                && Modifier.isStatic(m.getModifiers())) {
            return true;
        }
        return m.getName().equals("equals") && m.getParameterCount() == 1
                && m.getParameterTypes()[0] == Object.class;
    }

    /** Why the walk must not call this method itself, or null. */
    static String cannotCall(Executable e) {
        Class<?> type = e.getDeclaringClass();
        if (type.isInterface() && Modifier.isAbstract(e.getModifiers()) && !implementedBySdk(type)) {
            return "implemented by the vendor's code";
        }
        if (e instanceof Constructor && Modifier.isAbstract(type.getModifiers())) {
            return "constructor of an abstract class: only a subclass's constructor calls it";
        }
        return null;
    }

    /** Interfaces whose implementations the SDK provides (the walk calls one of them). */
    static boolean implementedBySdk(Class<?> type) {
        return type == vn.kyso.api.token.SigningKey.class || type == vn.kyso.api.token.Token.class
                || type == vn.kyso.api.sign.DocumentSigner.class;
    }

    /** Null when the call kept the contract; else what it did instead. */
    static String outcome(Executable e, Object receiver, Object[] args, String name) {
        Future<Object> call = calls.submit(() -> {
            if (Modifier.isProtected(e.getModifiers())) {
                e.setAccessible(true); // a member for subclasses (e.g. a format's options): a vendor can call it too
            }
            try {
                if (e instanceof Method) {
                    return ((Method) e).invoke(receiver, args);
                }
                return ((Constructor<?>) e).newInstance(args);
            } catch (InvocationTargetException t) {
                return t.getCause();
            }
        });
        Object result;
        try {
            result = call.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException t) {
            call.cancel(true);
            return "did not return within " + TIMEOUT_SECONDS + " s";
        } catch (InterruptedException t) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (ExecutionException t) {
            return "the call could not be made: " + t.getCause();
        }
        if (!(result instanceof Throwable)) {
            return "returned normally";
        }
        Throwable thrown = (Throwable) result;
        if (!(thrown instanceof KysoException)) {
            return "threw " + thrown.getClass().getName() + ": " + thrown.getMessage();
        }
        KysoException k = (KysoException) thrown;
        if (k.errorCode() != ErrorCode.INVALID_ARGUMENT) {
            return "threw " + k.getMessage();
        }
        String message = k.message(Language.EN);
        String prefix = "Invalid argument:";
        int at = message.indexOf(prefix);
        String detail = at < 0 ? message : message.substring(at + prefix.length());
        if (!Pattern.compile("(?<![\\w])" + Pattern.quote(name) + "(?![\\w])").matcher(detail).find()) {
            return "INVALID_ARGUMENT does not name " + name + ": " + message;
        }
        return null;
    }

    /** {@code Type#method(erased parameter types)}, the key of the committed lists. */
    static String key(Executable e) {
        String params = Stream.of(e.getParameterTypes()).map(ApiText::name).collect(Collectors.joining(","));
        String name = e instanceof Constructor ? "<init>" : e.getName();
        return ApiText.name(e.getDeclaringClass()) + "#" + name + "(" + params + ")";
    }

    /** The area that owns a case, by package and class, for the pending list. */
    static String owner(String key) {
        Map<String, String> owners = new LinkedHashMap<>();
        owners.put("vn.kyso.api.twophase.", "state");
        owners.put("vn.kyso.api.spi.SealedState", "state");
        owners.put("vn.kyso.api.report.", "verifier");
        owners.put("vn.kyso.core.verify.", "verifier");
        owners.put("vn.kyso.core.report.", "verifier");
        owners.put("vn.kyso.core.spi.", "verifier");
        owners.put("vn.kyso.xml.XmlVerif", "verifier");
        owners.put("vn.kyso.pdf.report.", "verifier");
        owners.put("vn.kyso.core.trust.", "trust");
        owners.put("vn.kyso.pdf.workflow.", "trust");
        owners.put("vn.kyso.core.cades.", "shape");
        owners.put("vn.kyso.core.sign.", "shape");
        owners.put("vn.kyso.core.batch.", "shape");
        owners.put("vn.kyso.pdf.", "shape");
        owners.put("vn.kyso.xml.", "shape");
        for (String mine : new String[] {"cert", "token", "event", "io"}) {
            owners.put("vn.kyso.api." + mine + ".", "apicheck");
        }
        owners.put("vn.kyso.api.KysoException", "messages");
        owners.put("vn.kyso.api.ErrorCode", "messages");
        owners.put("vn.kyso.api.", "shape");
        for (Map.Entry<String, String> o : owners.entrySet()) {
            if (key.startsWith(o.getKey())) {
                return o.getValue();
            }
        }
        return "apicheck";
    }

    static TreeSet<String> sorted(Iterable<String> s) {
        TreeSet<String> t = new TreeSet<>();
        s.forEach(t::add);
        return t;
    }
}
