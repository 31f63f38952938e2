package dev.deploylint.parse.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deploylint.source.SourceFile;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Values that double on every line become unknown past a weight; a module that does too much work is unknown from there on. */
class EvaluationBudgetTest {

    private static ModuleEvaluator.Namespace evaluate(String text, EvaluationBudget budget) {
        ModuleEvaluator.LoadedModule module = new ModuleEvaluator.LoadedModule("settings", false,
                PythonParser.parse(SourceFile.of("settings.py", text)));
        return assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> ModuleEvaluator.evaluate(module, name -> Optional.empty(), budget).namespace());
    }

    private static Value value(ModuleEvaluator.Namespace namespace, String name) {
        return namespace.get(name).orElseThrow().value();
    }

    @Test
    void doublingValuesSixtyFourTimesEndsUnknown() {
        String doubling = "L = ['x']\nE = ['x']\nS = 'ab'\nN = ['x']\nD = {'k': 1}\nT = ('x',)\n"
                + ("L += L\nE.extend(E)\nS = S + S\nN = [N, N]\nD['k'] = [D, D]\nT = T + T\n").repeat(64)
                + "DEBUG = True\n";

        ModuleEvaluator.Namespace namespace = evaluate(doubling, new EvaluationBudget());

        for (String name : new String[] {"L", "E", "S", "N", "D", "T"}) {
            assertEquals(Value.UNKNOWN, value(namespace, name), name);
        }
        assertEquals(new Value.Bool(true), value(namespace, "DEBUG"), "a statement after them is still evaluated");
    }

    @Test
    void valuesBelowTheCapAreKept() {
        ModuleEvaluator.Namespace namespace = evaluate("L = ['x']\n" + "L += L\n".repeat(13), new EvaluationBudget());

        assertEquals(8192, ((Value.Seq) value(namespace, "L")).items().size());
    }

    @Test
    void aNestedValueIsWeighedByWhatItRepeats() {
        EvaluationBudget budget = new EvaluationBudget();
        Value.Seq pair = new Value.Seq(Value.Seq.Kind.LIST, java.util.List.of(new Value.Str("x"), new Value.Str("y")));
        Value.Seq nested = new Value.Seq(Value.Seq.Kind.LIST, java.util.List.of(pair, pair, pair));

        assertEquals(3 + 3 * 2 + 1, budget.weight(nested));
        assertEquals(1 + 1_000_000 / 100, budget.weight(new Value.Str("s".repeat(1_000_000))));
    }

    @Test
    void aModuleThatSpendsTheBudgetIsUnknownAndOpaque() {
        String work = "DEBUG = True\nL = ['x']\n" + "L += ['y']\n".repeat(200) + "DEBUG = False\n";

        ModuleEvaluator.Namespace namespace = evaluate(work, new EvaluationBudget(EvaluationBudget.MAX_WEIGHT, 500, EvaluationBudget.MAX_BUILT));

        assertEquals(Value.UNKNOWN, value(namespace, "DEBUG"), "DEBUG = True may have been changed by what was not evaluated");
        assertTrue(namespace.opaque());
    }

    /** The work of evaluating {@code statement} repeated {@code times} after {@code setup}. */
    private static long workOf(String setup, String statement, int times) {
        EvaluationBudget budget = new EvaluationBudget();
        ModuleEvaluator.Namespace namespace = evaluate(setup + statement.repeat(times) + "DEBUG = True\n", budget);
        assertEquals(new Value.Bool(true), value(namespace, "DEBUG"), "within the budget");
        return budget.work();
    }

    @Test
    void appendingOnEveryLineGrowsLinearly() {
        for (String[] growing : new String[][] {{"L = []\n", "L += ['x']\n"}, {"L = []\n", "L.append('x')\n"},
                {"L = []\n", "L.extend(['x'])\n"}, {"L = []\n", "L = L + ['x']\n"}, {"D = {}\n", "D['k'] = 1\n"},
                {"D = {}\n", "D.update({'k': 1})\n"}}) {
            long tenfold = workOf(growing[0], growing[1], 500);
            long hundredfold = workOf(growing[0], growing[1], 5_000);

            // Linear work grows about 10x from 10x to 100x; copying the value on every line grows 100x.
            assertTrue(hundredfold < 20 * tenfold, growing[1] + tenfold + " -> " + hundredfold);
        }
    }

    @Test
    void appendingSharesItemsWithoutChangingAnEarlierValue() {
        ModuleEvaluator.Namespace namespace = evaluate("A = ['a']\nB = A + ['b']\nC = A + ['c']\nB += ['d']\nA.append('e')\n",
                new EvaluationBudget());

        assertEquals(java.util.List.of(new Value.Str("a"), new Value.Str("e")), ((Value.Seq) value(namespace, "A")).items());
        assertEquals(java.util.List.of(new Value.Str("a"), new Value.Str("b"), new Value.Str("d")), ((Value.Seq) value(namespace, "B")).items());
        assertEquals(java.util.List.of(new Value.Str("a"), new Value.Str("c")), ((Value.Seq) value(namespace, "C")).items());
    }

    @Test
    void keepingManyLargeValuesSpendsTheBudget() {
        // S ends at 512 K characters (weight 5,243); each copy kept in A, B, C adds as much.
        String copies = "S = 'ab'\n" + "S = S + S\n".repeat(18) + "DEBUG = True\n" + "A = S + 'x'\nB = S + 'y'\nC = S + 'z'\n".repeat(2);

        ModuleEvaluator.Namespace namespace = evaluate(copies, new EvaluationBudget(EvaluationBudget.MAX_WEIGHT, EvaluationBudget.MAX_WORK, 40_000));

        assertEquals(Value.UNKNOWN, value(namespace, "DEBUG"));
        assertTrue(namespace.opaque());
    }

    @Test
    void theSameModuleWithinTheBudgetIsEvaluated() {
        String work = "DEBUG = True\nL = ['x']\n" + "L += ['y']\n".repeat(200) + "DEBUG = False\n";

        ModuleEvaluator.Namespace namespace = evaluate(work, new EvaluationBudget());

        assertEquals(new Value.Bool(false), value(namespace, "DEBUG"));
        assertEquals(201, ((Value.Seq) value(namespace, "L")).items().size());
    }

    @Test
    void aLiteralPastTheItemCapIsShortenedWhenParsedAndUnknownWhenEvaluated() {
        String text = "BIG = [" + "1, ".repeat(50_000) + "2]\nSMALL = [" + "1, ".repeat(9_998) + "2]\n";
        PythonModule module = PythonParser.parse(SourceFile.of("settings.py", text));

        assertEquals(java.util.List.of(), module.problems());
        Expr.ListExpr big = (Expr.ListExpr) ((Stmt.Assign) module.body().get(0)).value();
        assertEquals(LongDisplays.MAX_ITEMS, big.items().size());
        ModuleEvaluator.Namespace namespace = evaluate(text, new EvaluationBudget());
        assertEquals(Value.UNKNOWN, value(namespace, "BIG"));
        assertEquals(9_999, ((Value.Seq) value(namespace, "SMALL")).items().size());
    }

    /** A settings module of thousands of {@code if} and {@code try} blocks once copied every name on each path. */
    @Test
    void anUndecidedBranchCostsWhatItBindsNotWhatTheModuleHolds() {
        StringBuilder text = new StringBuilder("import os\n");
        for (int i = 0; i < 3_000; i++) {
            text.append("NAME_").append(i).append(" = ").append(i).append('\n');
        }
        for (int i = 0; i < 3_000; i++) {
            text.append("if os.environ.get('FLAG_").append(i).append("'):\n    CHOSEN_").append(i).append(" = ").append(i)
                    .append("\nelse:\n    CHOSEN_").append(i).append(" = -1\n");
            text.append("try:\n    TRIED_").append(i).append(" = 1\nexcept ImportError:\n    TRIED_").append(i).append(" = 2\n");
        }
        text.append("DEBUG = False\n");

        // 100 units of work per statement; copying the 3,000 names on each of 12,000 paths would need 36 million.
        ModuleEvaluator.Namespace namespace = evaluate(text.toString(),
                new EvaluationBudget(EvaluationBudget.MAX_WEIGHT, 100 * 15_000, EvaluationBudget.MAX_BUILT));

        assertEquals(new Value.Bool(false), namespace.get("DEBUG").orElseThrow().value(), "the module is evaluated to its end");
        assertEquals(Value.OneOf.of(new Value.Num("2999"), new Value.Num("-1")), namespace.get("CHOSEN_2999").orElseThrow().value());
    }
}
