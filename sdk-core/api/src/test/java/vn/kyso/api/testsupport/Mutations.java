package vn.kyso.api.testsupport;

import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** jqwik generators of damaged copies of a valid byte string. */
public final class Mutations {
    private Mutations() {
    }

    /** Bit flips, truncation, insertion, deletion and overwrite of a range, also stacked. */
    public static Arbitrary<byte[]> of(byte[] original) {
        Arbitrary<Mutation> one = Arbitraries.oneOf(
                Combinators.combine(Arbitraries.integers().between(0, original.length - 1),
                        Arbitraries.integers().between(0, 7)).as((pos, bit) -> (Mutation) in -> {
                            byte[] out = in.clone();
                            int p = pos % out.length;
                            out[p] ^= (byte) (1 << bit);
                            return out;
                        }),
                Arbitraries.integers().between(0, original.length - 1).map(len -> (Mutation) in ->
                        Arrays.copyOf(in, Math.min(len, in.length))),
                Combinators.combine(Arbitraries.integers().between(0, original.length),
                        Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(16)).as((pos, ins) ->
                        (Mutation) in -> {
                            int p = Math.min(pos, in.length);
                            byte[] out = new byte[in.length + ins.length];
                            System.arraycopy(in, 0, out, 0, p);
                            System.arraycopy(ins, 0, out, p, ins.length);
                            System.arraycopy(in, p, out, p + ins.length, in.length - p);
                            return out;
                        }),
                Combinators.combine(Arbitraries.integers().between(0, original.length - 1),
                        Arbitraries.integers().between(1, 64)).as((pos, n) -> (Mutation) in -> {
                            int p = Math.min(pos, in.length);
                            int end = Math.min(in.length, p + n);
                            byte[] out = new byte[in.length - (end - p)];
                            System.arraycopy(in, 0, out, 0, p);
                            System.arraycopy(in, end, out, p, in.length - end);
                            return out;
                        }),
                Combinators.combine(Arbitraries.integers().between(0, original.length - 1),
                        Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(8)).as((pos, val) ->
                        (Mutation) in -> {
                            byte[] out = in.clone();
                            for (int i = 0; i < val.length && pos + i < out.length; i++) {
                                out[pos + i] = val[i];
                            }
                            return out;
                        }));
        return one.list().ofMinSize(1).ofMaxSize(4).map(ms -> {
            byte[] b = original.clone();
            for (Mutation m : ms) {
                if (b.length == 0) {
                    break;
                }
                b = m.apply(b);
            }
            return b;
        });
    }

    /** One change to a byte string. */
    public interface Mutation {
        byte[] apply(byte[] in);
    }
}
