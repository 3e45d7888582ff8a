package vn.kyso.apicheck;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedArrayType;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.AnnotatedTypeVariable;
import java.lang.reflect.AnnotatedWildcardType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.TypeVariable;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The text form of a module's public surface, one line per type and one indented line per member, with
 * generic signatures and type-use annotations (JSpecify nullability), sorted so that the text depends
 * only on the API, not on the compiler's member order.
 */
final class ApiText {
    private ApiText() {
    }

    static List<String> render(List<Class<?>> types) {
        List<String> lines = new ArrayList<>();
        String lastPackage = null;
        for (Class<?> type : types) {
            Package pkg = type.getPackage();
            if (!pkg.getName().equals(lastPackage)) {
                lastPackage = pkg.getName();
                lines.add("package " + lastPackage + annotations(pkg.getDeclaredAnnotations(), " ", ""));
            }
            lines.add(header(type));
            List<String> members = new ArrayList<>();
            for (Field f : PublicSurface.fields(type)) {
                members.add("  " + modifiers(f.getModifiers()) + (f.isEnumConstant() ? "enum-constant " : "")
                        + type(f.getAnnotatedType()) + " " + f.getName());
            }
            for (Executable e : PublicSurface.executables(type)) {
                members.add("  " + executable(e));
            }
            // By the signature without annotations, so that a nullability change stays in place in a diff.
            members.sort(java.util.Comparator.comparing((String m) -> m.replaceAll("@\\w+ ", ""))
                    .thenComparing(java.util.Comparator.naturalOrder()));
            lines.addAll(members);
        }
        return lines;
    }

    static String header(Class<?> type) {
        StringBuilder s = new StringBuilder();
        s.append(annotations(type.getDeclaredAnnotations(), "", " "));
        int mods = type.getModifiers();
        String kind;
        if (type.isAnnotation()) {
            kind = "@interface";
            mods &= ~(Modifier.ABSTRACT | Modifier.INTERFACE);
        } else if (type.isInterface()) {
            kind = "interface";
            mods &= ~(Modifier.ABSTRACT | Modifier.INTERFACE);
        } else if (type.isEnum()) {
            kind = "enum";
            mods &= ~(Modifier.FINAL | Modifier.ABSTRACT);
        } else if (type.isRecord()) {
            kind = "record";
            mods &= ~Modifier.FINAL;
        } else {
            kind = "class";
        }
        s.append(modifiers(mods));
        if (type.isSealed()) {
            s.append("sealed ");
        }
        s.append(kind).append(' ').append(name(type)).append(typeParameters(type.getTypeParameters()));
        if (!type.isInterface() && !type.isEnum() && !type.isRecord() && type.getSuperclass() != Object.class
                && type.getAnnotatedSuperclass() != null) {
            s.append(" extends ").append(type(type.getAnnotatedSuperclass()));
        }
        AnnotatedType[] interfaces = type.getAnnotatedInterfaces();
        if (interfaces.length > 0) {
            s.append(type.isInterface() ? " extends " : " implements ");
            s.append(Stream.of(interfaces).map(ApiText::type).collect(Collectors.joining(", ")));
        }
        if (type.isSealed()) {
            s.append(" permits ").append(Stream.of(type.getPermittedSubclasses()).map(ApiText::name)
                    .sorted().collect(Collectors.joining(", ")));
        }
        return s.toString();
    }

    static String executable(Executable e) {
        StringBuilder s = new StringBuilder();
        s.append(annotations(e.getDeclaredAnnotations(), "", " "));
        int mods = e.getModifiers() & ~(Modifier.TRANSIENT | Modifier.VOLATILE);
        if (e instanceof Method && ((Method) e).isDefault()) {
            s.append(modifiers(mods)).append("default ");
        } else {
            s.append(modifiers(mods));
        }
        String params = typeParameters(e.getTypeParameters());
        if (!params.isEmpty()) {
            s.append(params.substring(1)).append(' ');
        }
        if (e instanceof Constructor) {
            s.append(name(e.getDeclaringClass()));
        } else {
            s.append(type(e.getAnnotatedReturnType())).append(' ').append(e.getName());
        }
        s.append('(').append(parameters(e)).append(')');
        AnnotatedType[] thrown = e.getAnnotatedExceptionTypes();
        if (thrown.length > 0) {
            s.append(" throws ").append(Stream.of(thrown).map(ApiText::type).collect(Collectors.joining(", ")));
        }
        return s.toString();
    }

    static String parameters(Executable e) {
        Parameter[] ps = e.getParameters();
        AnnotatedType[] types = e.getAnnotatedParameterTypes();
        // An inner class's constructor has the outer instance as an implicit first parameter.
        int offset = ps.length - types.length;
        List<String> out = new ArrayList<>();
        for (int i = offset; i < ps.length; i++) {
            String t = type(types[i - offset]);
            if (e.isVarArgs() && i == ps.length - 1 && t.endsWith("[]")) {
                t = t.substring(0, t.length() - 2) + "...";
            }
            out.add(t + " " + ps[i].getName());
        }
        return String.join(", ", out);
    }

    /** A type as source would write it, with its type-use annotations. */
    static String type(AnnotatedType t) {
        String ann = annotations(t.getDeclaredAnnotations(), "", " ");
        if (t instanceof AnnotatedArrayType) {
            String component = type(((AnnotatedArrayType) t).getAnnotatedGenericComponentType());
            return component + (ann.isEmpty() ? "" : " " + ann.trim() + " ") + "[]";
        }
        if (t instanceof AnnotatedParameterizedType) {
            ParameterizedType p = (ParameterizedType) t.getType();
            return ann + name((Class<?>) p.getRawType()) + "<"
                    + Stream.of(((AnnotatedParameterizedType) t).getAnnotatedActualTypeArguments())
                    .map(ApiText::type).collect(Collectors.joining(", ")) + ">";
        }
        if (t instanceof AnnotatedWildcardType) {
            AnnotatedWildcardType w = (AnnotatedWildcardType) t;
            StringBuilder s = new StringBuilder(ann).append('?');
            for (AnnotatedType lower : w.getAnnotatedLowerBounds()) {
                s.append(" super ").append(type(lower));
            }
            for (AnnotatedType upper : w.getAnnotatedUpperBounds()) {
                if (upper.getType() != Object.class || upper.getDeclaredAnnotations().length > 0) {
                    s.append(" extends ").append(type(upper));
                }
            }
            return s.toString();
        }
        if (t instanceof AnnotatedTypeVariable) {
            return ann + ((TypeVariable<?>) t.getType()).getName();
        }
        return ann + name((Class<?>) t.getType());
    }

    static String typeParameters(TypeVariable<?>[] vars) {
        if (vars.length == 0) {
            return "";
        }
        List<String> out = new ArrayList<>();
        for (TypeVariable<?> v : vars) {
            StringBuilder s = new StringBuilder(annotations(v.getDeclaredAnnotations(), "", " ")).append(v.getName());
            List<String> bounds = Stream.of(v.getAnnotatedBounds())
                    .filter(b -> b.getType() != Object.class || b.getDeclaredAnnotations().length > 0)
                    .map(ApiText::type).collect(Collectors.toList());
            if (!bounds.isEmpty()) {
                s.append(" extends ").append(String.join(" & ", bounds));
            }
            out.add(s.toString());
        }
        return "<" + String.join(", ", out) + ">";
    }

    static String name(Class<?> c) {
        String canonical = c.getCanonicalName();
        return canonical != null ? canonical : c.getName();
    }

    static String modifiers(int mods) {
        String m = Modifier.toString(mods & (Modifier.PUBLIC | Modifier.PROTECTED | Modifier.STATIC
                | Modifier.FINAL | Modifier.ABSTRACT));
        return m.isEmpty() ? "" : m + " ";
    }

    /** Annotations that are part of the contract: JSpecify's by simple name, others by full name. */
    static String annotations(Annotation[] annotations, String before, String after) {
        if (annotations.length == 0) {
            return "";
        }
        return before + Stream.of(annotations)
                .map(a -> a.annotationType().getName().startsWith("org.jspecify.annotations.")
                        ? "@" + a.annotationType().getSimpleName() : "@" + a.annotationType().getName())
                .sorted().collect(Collectors.joining(" ")) + after;
    }
}
