package vn.kyso.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import vn.kyso.api.token.SigningKey;
import vn.kyso.api.token.Token;
import vn.kyso.api.token.Tokens;
import vn.kyso.testkit.Sandbox;

/**
 * What every benchmark sets up the same way: a running sandbox, a scratch directory and person1's
 * PKCS#12 key; {@link #close()} stops and removes all of it.
 */
final class BenchmarkFixture implements AutoCloseable {
    final Sandbox sandbox;
    final Path dir;
    final Token token;
    final SigningKey key;

    BenchmarkFixture(String name) throws IOException {
        sandbox = Sandbox.start();
        dir = Files.createTempDirectory(name);
        Path p12 = sandbox.person1().writePkcs12(dir.resolve("person1.p12"), Sandbox.PASSWORD.toCharArray());
        token = Tokens.pkcs12(p12, Sandbox.PASSWORD.toCharArray());
        key = token.firstKey();
    }

    @Override
    public void close() throws IOException {
        token.close();
        sandbox.close();
        deleteFlatDirectory(dir);
    }

    /** Deletes a directory holding only files (what the benchmarks and {@code Sandbox.writeTo} make). */
    static void deleteFlatDirectory(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(dir);
    }
}
