package vn.kyso.apicheck;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.Test;

/**
 * Every public package of every module is {@code @NullMarked} (JSpecify): what is not annotated
 * {@code @Nullable} is never null, for vendors' null checkers (NullAway, Kotlin, IntelliJ) as for
 * {@link NullContractTest}.
 */
class NullMarkedTest {
    @Test
    void everyPublicPackageIsNullMarked() {
        Set<String> unmarked = new TreeSet<>();
        for (Class<?> type : PublicSurface.allTypes()) {
            if (!type.getPackage().isAnnotationPresent(NullMarked.class)) {
                unmarked.add(type.getPackageName());
            }
        }
        assertEquals(List.of(), List.copyOf(unmarked),
                "packages without @NullMarked in their package-info.java");
    }
}
