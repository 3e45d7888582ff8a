package vn.kyso.apicheck;

import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * No public signature of a non-internal package names a third-party type: parameters, returns, type
 * arguments and bounds, supertypes, thrown types and public fields may only name {@code java.*},
 * {@code javax.*}, {@code org.jspecify.*} and {@code vn.kyso.*} types (and the JDK's own modules' types such
 * as {@code org.w3c.dom}), so that vendors are never tied to
 * the release cycle of EU DSS, PDFBox, Santuario, Bouncy Castle, IAIK/xipki, Jackson or SLF4J.
 *
 * <p>{@code known/third-party-types.txt} lists what is still to be fixed (by its owner); it only shrinks.
 */
class ThirdPartyTypesTest {
    static final String LIST = "third-party-types.txt";

    @Test
    void noThirdPartyTypeInAPublicSignature() {
        Set<String> found = violations();
        Map<String, String> listed = Known.read(LIST);
        String report = Known.compare(LIST, found, listed, "Third-party types in public signatures");
        if (!report.isEmpty()) {
            fail(report);
        }
    }

    static Set<String> violations() {
        Set<String> out = new TreeSet<>();
        for (Class<?> type : PublicSurface.allTypes()) {
            String where = ApiText.name(type);
            Set<Type> header = new HashSet<>();
            if (type.getGenericSuperclass() != null) {
                header.add(type.getGenericSuperclass());
            }
            header.addAll(java.util.Arrays.asList(type.getGenericInterfaces()));
            header.addAll(java.util.Arrays.asList(type.getTypeParameters()));
            check(where + " (supertypes)", header, out);
            for (Field f : PublicSurface.fields(type)) {
                check(where + "#" + f.getName(), Set.of(f.getGenericType()), out);
            }
            for (Executable e : PublicSurface.executables(type)) {
                Set<Type> used = new HashSet<>(java.util.Arrays.asList(e.getGenericParameterTypes()));
                used.addAll(java.util.Arrays.asList(e.getGenericExceptionTypes()));
                used.addAll(java.util.Arrays.asList(e.getTypeParameters()));
                if (e instanceof java.lang.reflect.Method) {
                    used.add(((java.lang.reflect.Method) e).getGenericReturnType());
                }
                check(NullContractTest.key(e), used, out);
            }
        }
        return out;
    }

    private static void check(String where, Set<Type> types, Set<String> out) {
        Set<Class<?>> named = new HashSet<>();
        for (Type t : types) {
            collect(t, named, new HashSet<>());
        }
        for (Class<?> c : named) {
            if (thirdParty(c)) {
                out.add(where + " names " + c.getName());
            }
        }
    }

    private static void collect(Type t, Set<Class<?>> into, Set<TypeVariable<?>> seen) {
        if (t instanceof Class) {
            Class<?> c = (Class<?>) t;
            while (c.isArray()) {
                c = c.getComponentType();
            }
            into.add(c);
        } else if (t instanceof ParameterizedType) {
            ParameterizedType p = (ParameterizedType) t;
            collect(p.getRawType(), into, seen);
            if (p.getOwnerType() != null) {
                collect(p.getOwnerType(), into, seen);
            }
            for (Type a : p.getActualTypeArguments()) {
                collect(a, into, seen);
            }
        } else if (t instanceof GenericArrayType) {
            collect(((GenericArrayType) t).getGenericComponentType(), into, seen);
        } else if (t instanceof WildcardType) {
            for (Type b : ((WildcardType) t).getUpperBounds()) {
                collect(b, into, seen);
            }
            for (Type b : ((WildcardType) t).getLowerBounds()) {
                collect(b, into, seen);
            }
        } else if (t instanceof TypeVariable && seen.add((TypeVariable<?>) t)) {
            for (Type b : ((TypeVariable<?>) t).getBounds()) {
                collect(b, into, seen);
            }
        }
    }

    static boolean thirdParty(Class<?> c) {
        if (c.isPrimitive()) {
            return false;
        }
        String n = c.getName();
        if (n.startsWith("java.") || n.startsWith("javax.") || n.startsWith("org.jspecify.")
                || n.startsWith("vn.kyso.")) {
            return false;
        }
        // The JDK's own org.w3c.dom / org.xml.sax (module java.xml) are platform types, not a dependency.
        Module module = c.getModule();
        return !(module.isNamed() && ModuleLayer.boot().findModule(module.getName()).isPresent()
                && (module.getName().startsWith("java.") || module.getName().startsWith("jdk.")));
    }
}
