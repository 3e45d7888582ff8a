package vn.kyso.cli;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.CatchTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Reads the main sources of every module (parsed by javac, not by regular expressions) and finds each
 * piece of text that ends up in a message a person reads, with the language it must be in:
 * <ul>
 *   <li>the details of {@code new KysoException(code, [cause,] details...)} and
 *       {@code ReportMessage.of(code, details...)}: shown as they are in both languages, so they may hold
 *       names and values only ({@link Mode#BOTH});</li>
 *   <li>the two details of {@code KysoException.localized(code, cause, vi, en)} and of
 *       {@code new ReportMessage(code, vi, en)} ({@link Mode#VI}, {@link Mode#EN});</li>
 *   <li>both branches of a choice on the language, {@code lang == Language.EN ? en : vi} (the CLI's
 *       printed lines).</li>
 * </ul>
 * Text is followed through concatenation, {@code ?:}, {@code String.format}, local variables,
 * constants, methods of the same file that return it, and helper methods that pass a parameter on
 * into a message (then each call of the helper is read). The text of another exception
 * ({@code e.getMessage()}) inside a message is a finding of its own: it is a library's English.
 */
final class MessageSites {
    enum Mode { VI, EN, BOTH }

    /** One piece of message text in the wrong language: where, which text, and why. */
    static final class Finding {
        final String file;
        final long line;
        final Mode mode;
        final String text;
        final List<String> words;

        Finding(String file, long line, Mode mode, String text, List<String> words) {
            this.file = file;
            this.line = line;
            this.mode = mode;
            this.text = text;
            this.words = words;
        }

        /** The stable identity of the site: file and text (lines move, texts rarely do). */
        String key() {
            return file + " | " + text;
        }

        @Override
        public String toString() {
            return file + ":" + line + " [" + mode + "] \"" + text + "\" " + words;
        }
    }

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z][A-Za-z0-9]*");
    private static final Set<String> EXCEPTION_TEXT = Set.of("getMessage", "getLocalizedMessage", "getOriginalMessage");

    private final Path root;
    private final List<Unit> units = new ArrayList<>();
    private final Set<String> findingKeys = new HashSet<>();
    private final List<Finding> findings = new ArrayList<>();
    private final Set<String> forwarded = new HashSet<>();

    private MessageSites(Path root) {
        this.root = root;
    }

    /** The repository root, found from the working directory of the test (a module directory). */
    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !(Files.isDirectory(dir.resolve("sdk-core")) && Files.isRegularFile(dir.resolve("pom.xml")))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no repository root above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    /** Every finding in the main sources under {@code root}. */
    static List<Finding> scan(Path root) {
        MessageSites sites = new MessageSites(root);
        sites.parse();
        for (Unit unit : sites.units) {
            sites.scanUnit(unit);
        }
        return sites.findings;
    }

    private static final class Unit {
        final CompilationUnitTree tree;
        final String file;
        final SourcePositions positions;
        final String source;

        Unit(CompilationUnitTree tree, String file, SourcePositions positions, String source) {
            this.tree = tree;
            this.file = file;
            this.positions = positions;
            this.source = source;
        }

        long line(Tree t) {
            return tree.getLineMap().getLineNumber(positions.getStartPosition(tree, t));
        }

        String text(Tree t) {
            long start = positions.getStartPosition(tree, t);
            long end = positions.getEndPosition(tree, t);
            return start < 0 || end < 0 ? t.toString() : source.substring((int) start, (int) end);
        }
    }

    private void parse() {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> root.relativize(p).toString().replace('\\', '/').contains("src/main/java/"))
                    .filter(p -> !root.relativize(p).toString().contains("target"))
                    .sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8)) {
            Iterable<? extends JavaFileObject> objects = fm.getJavaFileObjectsFromPaths(files);
            JavacTask task = (JavacTask) javac.getTask(null, fm, d -> { }, List.of("-proc:none"), null, objects);
            SourcePositions positions = Trees.instance(task).getSourcePositions();
            for (CompilationUnitTree cu : task.parse()) {
                Path path = Path.of(cu.getSourceFile().toUri());
                String rel = root.relativize(path).toString().replace('\\', '/');
                units.add(new Unit(cu, rel, positions, Files.readString(path, StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void scanUnit(Unit unit) {
        if (unit.file.endsWith("/KysoException.java") || unit.file.endsWith("/ReportMessage.java")) {
            return; // the message types themselves: their sites are the calls of them
        }
        new TreePathScanner<Void, Void>() {
            @Override
            public Void visitNewClass(NewClassTree node, Void p) {
                String type = simpleName(node.getIdentifier());
                List<? extends ExpressionTree> args = node.getArguments();
                if (type.equals("KysoException")) {
                    for (int i = 1; i < args.size(); i++) {
                        check(unit, getCurrentPath(), args.get(i), Mode.BOTH);
                    }
                } else if (type.equals("ReportMessage") && args.size() == 3) {
                    check(unit, getCurrentPath(), args.get(1), Mode.VI);
                    check(unit, getCurrentPath(), args.get(2), Mode.EN);
                }
                return super.visitNewClass(node, p);
            }

            @Override
            public Void visitMethodInvocation(MethodInvocationTree node, Void p) {
                String name = calledName(node);
                String receiver = receiver(node);
                List<? extends ExpressionTree> args = node.getArguments();
                if (name.equals("localized") && receiver.equals("KysoException") && args.size() == 4) {
                    check(unit, getCurrentPath(), args.get(2), Mode.VI);
                    check(unit, getCurrentPath(), args.get(3), Mode.EN);
                } else if (name.equals("of") && receiver.equals("ReportMessage")) {
                    for (int i = 1; i < args.size(); i++) {
                        check(unit, getCurrentPath(), args.get(i), Mode.BOTH);
                    }
                }
                return super.visitMethodInvocation(node, p);
            }

            @Override
            public Void visitConditionalExpression(ConditionalExpressionTree node, Void p) {
                String condition = unit.text(node.getCondition()).replace(" ", "");
                if (condition.matches(".*(==|!=)(Language\\.)?(EN|VI)\\b.*")) {
                    boolean en = condition.contains("==Language.EN") || condition.contains("==EN")
                            || condition.contains("!=Language.VI") || condition.contains("!=VI");
                    check(unit, getCurrentPath(), node.getTrueExpression(), en ? Mode.EN : Mode.VI);
                    check(unit, getCurrentPath(), node.getFalseExpression(), en ? Mode.VI : Mode.EN);
                }
                return super.visitConditionalExpression(node, p);
            }
        }.scan(unit.tree, null);
    }

    private void check(Unit unit, TreePath site, ExpressionTree expr, Mode mode) {
        for (Piece piece : pieces(unit, site, expr, mode, new HashSet<>())) {
            if (piece.exceptionText && mode == Mode.EN) {
                continue; // another exception's English in the English message: in its language
            }
            List<String> bad = piece.exceptionText ? List.of("<text of another exception>") : wrongWords(piece.text, mode);
            if (!bad.isEmpty()) {
                Finding f = new Finding(piece.unit.file, piece.line, mode, piece.text.strip(), bad);
                if (findingKeys.add(f.key() + " | " + mode)) {
                    findings.add(f);
                }
            }
        }
    }

    /** The words of a literal that break {@code mode}. */
    static List<String> wrongWords(String literal, Mode mode) {
        if (IDENTIFIER.matcher(literal).matches()) {
            return List.of(); // a name given alone: a parameter, a field
        }
        switch (mode) {
            case VI:
                return VietnameseText.nonVietnamese(literal);
            case EN:
                return VietnameseText.vietnameseWords(literal);
            default:
                return VietnameseText.words(literal);
        }
    }

    /** A literal (or another exception's text) that flows into a message. */
    private static final class Piece {
        final Unit unit;
        final long line;
        final String text;
        final boolean exceptionText;

        Piece(Unit unit, long line, String text, boolean exceptionText) {
            this.unit = unit;
            this.line = line;
            this.text = text;
            this.exceptionText = exceptionText;
        }
    }

    private List<Piece> pieces(Unit unit, TreePath path, ExpressionTree expr, Mode mode, Set<Tree> seen) {
        List<Piece> out = new ArrayList<>();
        if (expr == null || !seen.add(expr)) {
            return out;
        }
        switch (expr.getKind()) {
            case STRING_LITERAL:
                out.add(new Piece(unit, unit.line(expr), (String) ((LiteralTree) expr).getValue(), false));
                break;
            case PLUS:
                out.addAll(pieces(unit, path, ((BinaryTree) expr).getLeftOperand(), mode, seen));
                out.addAll(pieces(unit, path, ((BinaryTree) expr).getRightOperand(), mode, seen));
                break;
            case PARENTHESIZED:
                out.addAll(pieces(unit, path, ((ParenthesizedTree) expr).getExpression(), mode, seen));
                break;
            case TYPE_CAST:
                out.addAll(pieces(unit, path, (ExpressionTree) ((TypeCastTree) expr).getExpression(), mode, seen));
                break;
            case CONDITIONAL_EXPRESSION:
                ConditionalExpressionTree c = (ConditionalExpressionTree) expr;
                if (!unit.text(c.getCondition()).replace(" ", "").matches(".*(==|!=)(Language\\.)?(EN|VI)\\b.*")) {
                    out.addAll(pieces(unit, path, c.getTrueExpression(), mode, seen));
                    out.addAll(pieces(unit, path, c.getFalseExpression(), mode, seen));
                }
                break;
            case NEW_ARRAY:
                List<? extends ExpressionTree> init = ((NewArrayTree) expr).getInitializers();
                if (init != null) {
                    for (ExpressionTree e : init) {
                        out.addAll(pieces(unit, path, e, mode, seen));
                    }
                }
                break;
            case IDENTIFIER:
                out.addAll(variable(unit, path, ((IdentifierTree) expr).getName().toString(), mode, seen));
                break;
            case MEMBER_SELECT:
                MemberSelectTree ms = (MemberSelectTree) expr;
                if (ms.getExpression() instanceof IdentifierTree
                        && Character.isUpperCase(((IdentifierTree) ms.getExpression()).getName().charAt(0))) {
                    out.addAll(field(unit, ms.getIdentifier().toString(), mode, seen));
                }
                break;
            case METHOD_INVOCATION:
                out.addAll(call(unit, path, (MethodInvocationTree) expr, mode, seen));
                break;
            default:
                break;
        }
        return out;
    }

    private List<Piece> call(Unit unit, TreePath path, MethodInvocationTree call, Mode mode, Set<Tree> seen) {
        List<Piece> out = new ArrayList<>();
        String name = calledName(call);
        String receiver = receiver(call);
        List<? extends ExpressionTree> args = call.getArguments();
        if (EXCEPTION_TEXT.contains(name) && args.isEmpty()) {
            out.add(new Piece(unit, unit.line(call), unit.text(call), true));
        } else if ((name.equals("valueOf") && receiver.equals("String") || name.equals("toString") && receiver.equals("Objects"))
                && !args.isEmpty()) {
            out.addAll(pieces(unit, path, args.get(0), mode, seen));
        } else if ((name.equals("format") && receiver.equals("String")) || name.equals("formatted")) {
            ExpressionTree format = name.equals("formatted") ? ((MemberSelectTree) call.getMethodSelect()).getExpression()
                    : args.isEmpty() ? null : args.get(0);
            out.addAll(pieces(unit, path, format, mode, seen));
        } else if (receiver.isEmpty() || receiver.equals("this")) {
            // a method of this file that returns message text
            for (MethodTree m : methods(unit.tree, name, args.size())) {
                if (m.getBody() == null) {
                    continue;
                }
                new TreeScanner<Void, Void>() {
                    @Override
                    public Void visitReturn(ReturnTree node, Void p) {
                        TreePath inner = TreePath.getPath(unit.tree, node);
                        if (node.getExpression() != null && inner != null && enclosingMethod(inner) == m) {
                            out.addAll(pieces(unit, inner, node.getExpression(), mode, seen));
                        }
                        return null;
                    }

                    @Override
                    public Void visitClass(ClassTree node, Void p) {
                        return null;
                    }
                }.scan(m.getBody(), null);
            }
        }
        return out;
    }

    /** The text a variable may hold: a local's initializer and assignments, a parameter's arguments, a constant. */
    private List<Piece> variable(Unit unit, TreePath path, String name, Mode mode, Set<Tree> seen) {
        List<Piece> out = new ArrayList<>();
        MethodTree method = enclosingMethod(path);
        if (method != null) {
            List<? extends VariableTree> params = method.getParameters();
            for (int i = 0; i < params.size(); i++) {
                if (params.get(i).getName().contentEquals(name)) {
                    if (isThrowable(params.get(i))) {
                        return out;
                    }
                    forward(unit, method, i, mode);
                    return out;
                }
            }
            List<ExpressionTree> values = new ArrayList<>();
            boolean[] local = {false};
            new TreeScanner<Void, Void>() {
                @Override
                public Void visitVariable(VariableTree node, Void p) {
                    if (node.getName().contentEquals(name)) {
                        local[0] = true;
                        if (isThrowable(node)) {
                            values.clear();
                            return null;
                        }
                        if (node.getInitializer() != null) {
                            values.add(node.getInitializer());
                        }
                    }
                    return super.visitVariable(node, p);
                }

                @Override
                public Void visitCatch(CatchTree node, Void p) {
                    if (node.getParameter().getName().contentEquals(name)) {
                        local[0] = true;
                    }
                    return super.visitCatch(node, p);
                }

                @Override
                public Void visitAssignment(AssignmentTree node, Void p) {
                    if (unit.text(node.getVariable()).equals(name)) {
                        values.add(node.getExpression());
                    }
                    return super.visitAssignment(node, p);
                }

                @Override
                public Void visitCompoundAssignment(CompoundAssignmentTree node, Void p) {
                    if (unit.text(node.getVariable()).equals(name)) {
                        values.add(node.getExpression());
                    }
                    return super.visitCompoundAssignment(node, p);
                }
            }.scan(method.getBody(), null);
            if (local[0]) {
                for (ExpressionTree v : values) {
                    out.addAll(pieces(unit, TreePath.getPath(unit.tree, v), v, mode, seen));
                }
                return out;
            }
        }
        out.addAll(field(unit, name, mode, seen));
        return out;
    }

    /** A constant of this file: its initializer. */
    private List<Piece> field(Unit unit, String name, Mode mode, Set<Tree> seen) {
        List<Piece> out = new ArrayList<>();
        new TreeScanner<Void, Void>() {
            @Override
            public Void visitVariable(VariableTree node, Void p) {
                if (node.getName().contentEquals(name) && node.getInitializer() != null
                        && node.getModifiers().getFlags().contains(javax.lang.model.element.Modifier.FINAL)
                        && unit.text(node.getType()).equals("String")) {
                    out.addAll(pieces(unit, TreePath.getPath(unit.tree, node.getInitializer()), node.getInitializer(), mode, seen));
                }
                return null;
            }

            @Override
            public Void visitClass(ClassTree node, Void p) {
                for (Tree member : node.getMembers()) {
                    scan(member, p);
                }
                return null;
            }
        }.scan(unit.tree, null);
        return out;
    }

    /** Parameter {@code index} of {@code method} flows into a message: read the argument of every call. */
    private void forward(Unit unit, MethodTree method, int index, Mode mode) {
        String methodName = method.getName().toString();
        String owner = unit.file.substring(unit.file.lastIndexOf('/') + 1).replace(".java", "");
        if (!forwarded.add(unit.file + "#" + methodName + "#" + index + "#" + method.getParameters().size() + "#" + mode)) {
            return;
        }
        int arity = method.getParameters().size();
        boolean constructor = methodName.equals("<init>");
        for (Unit u : units) {
            boolean sameFile = u == unit;
            new TreePathScanner<Void, Void>() {
                @Override
                public Void visitMethodInvocation(MethodInvocationTree node, Void p) {
                    String name = calledName(node);
                    String receiver = receiver(node);
                    if (!constructor && name.equals(methodName) && node.getArguments().size() == arity
                            && ((sameFile && (receiver.isEmpty() || receiver.equals("this") || receiver.equals(owner)))
                                || receiver.equals(owner))) {
                        check(u, getCurrentPath(), node.getArguments().get(index), mode);
                    }
                    return super.visitMethodInvocation(node, p);
                }

                @Override
                public Void visitNewClass(NewClassTree node, Void p) {
                    if (constructor && simpleName(node.getIdentifier()).equals(owner) && node.getArguments().size() == arity) {
                        check(u, getCurrentPath(), node.getArguments().get(index), mode);
                    }
                    return super.visitNewClass(node, p);
                }
            }.scan(u.tree, null);
        }
    }

    private static boolean isThrowable(VariableTree v) {
        String type = v.getType() == null ? "" : v.getType().toString();
        return type.endsWith("Exception") || type.endsWith("Throwable") || type.endsWith("Error") || type.contains("|");
    }

    private static MethodTree enclosingMethod(TreePath path) {
        for (TreePath p = path; p != null; p = p.getParentPath()) {
            if (p.getLeaf() instanceof MethodTree) {
                return (MethodTree) p.getLeaf();
            }
        }
        return null;
    }

    private static List<MethodTree> methods(CompilationUnitTree cu, String name, int arity) {
        List<MethodTree> found = new ArrayList<>();
        new TreeScanner<Void, Void>() {
            @Override
            public Void visitMethod(MethodTree node, Void p) {
                if (node.getName().contentEquals(name) && node.getParameters().size() == arity) {
                    found.add(node);
                }
                return super.visitMethod(node, p);
            }
        }.scan(cu, null);
        return found;
    }

    private static String calledName(MethodInvocationTree node) {
        ExpressionTree select = node.getMethodSelect();
        if (select instanceof MemberSelectTree) {
            return ((MemberSelectTree) select).getIdentifier().toString();
        }
        return select instanceof IdentifierTree ? ((IdentifierTree) select).getName().toString() : "";
    }

    private static String receiver(MethodInvocationTree node) {
        ExpressionTree select = node.getMethodSelect();
        if (select instanceof MemberSelectTree) {
            ExpressionTree r = ((MemberSelectTree) select).getExpression();
            if (r instanceof IdentifierTree) {
                return ((IdentifierTree) r).getName().toString();
            }
            if (r instanceof MemberSelectTree) {
                return ((MemberSelectTree) r).getIdentifier().toString();
            }
            return "?";
        }
        return "";
    }

    private static String simpleName(Tree type) {
        String s = type.toString();
        int lt = s.indexOf('<');
        if (lt >= 0) {
            s = s.substring(0, lt);
        }
        return s.substring(s.lastIndexOf('.') + 1);
    }

    /** Every distinct finding key of {@code findings}, in order. */
    static Set<String> keys(List<Finding> findings) {
        Set<String> keys = new LinkedHashSet<>();
        for (Finding f : findings) {
            keys.add(f.key());
        }
        return keys;
    }
}
