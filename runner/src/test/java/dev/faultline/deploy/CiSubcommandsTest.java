package dev.faultline.deploy;

import dev.faultline.cli.Main;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** Every {@code ./faultline} call in the CI templates names a subcommand that exists, with options it accepts. */
class CiSubcommandsTest {

    /** Subcommands the templates may call: today's, plus gameday (docs/gamedays.md), report and slo. */
    static final Set<String> KNOWN = Set.of("run", "validate", "rollback", "abort", "functions", "schema", "gameday", "report", "slo");

    /**
     * Known subcommands the command line does not have yet. Each must leave this set as soon as it
     * exists, so that the templates are then parsed against its real options.
     */
    static final Set<String> PENDING = Set.of();

    @Test
    void everyFaultlineInvocationIsAKnownSubcommand() throws Exception {
        List<List<String>> calls = invocations();
        assertThat(calls).extracting(c -> c.get(0)).contains("gameday");
        assertThat(calls).allSatisfy(c -> assertThat(KNOWN).as("subcommand of ./faultline %s", c).contains(c.get(0)));
    }

    @Test
    void everyInvocationParsesWithTheRealCommandLineOnceItsSubcommandExists() throws Exception {
        Set<String> existing = new CommandLine(new Main()).getSubcommands().keySet();
        for (String pending : PENDING) {
            if (existing.contains(pending)) {
                fail("`faultline " + pending + "` exists now: remove [" + pending + "] from CiSubcommandsTest.PENDING so the"
                        + " CI templates are checked against its real options");
            }
        }
        for (List<String> call : invocations()) {
            if (PENDING.contains(call.get(0))) {
                continue;
            }
            assertThat(existing).as("./faultline %s", call).contains(call.get(0));
            try {
                new CommandLine(new Main()).parseArgs(call.toArray(String[]::new));
            } catch (CommandLine.ParameterException e) {
                fail("./faultline " + String.join(" ", call) + " does not parse: " + e.getMessage());
            }
        }
    }

    @Test
    void invocationsAreReadFromContinuedLinesAndStopAtShellOperators() {
        assertThat(Invocations.in("x=1; ./faultline gameday run \"$G\" \\\n  --out out/g || code=$?\n./faultline --help"))
                .containsExactly(List.of("gameday", "run", "$G", "--out", "out/g"), List.of("--help"));
        assertThat(Invocations.in("./faultline validate a.yaml &\npid=$!")).containsExactly(List.of("validate", "a.yaml"));
    }

    private static List<List<String>> invocations() throws Exception {
        List<List<String>> out = new ArrayList<>();
        CiTemplates.scripts().forEach(s -> out.addAll(Invocations.in(s)));
        assertThat(out).isNotEmpty();
        return out;
    }
}
