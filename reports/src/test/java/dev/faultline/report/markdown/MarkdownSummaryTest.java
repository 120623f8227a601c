package dev.faultline.report.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import dev.faultline.report.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownSummaryTest {

    @Test
    void summarisesAnAbortedRunWithItsReasonAndEachFaultsUndo() {
        String md = MarkdownSummary.render(List.of(Fixtures.journal("aborted")));

        assertThat(md).startsWith("## Faultline: 1 experiment, 1 aborted\n")
                .contains("### Checkout survives a slow inventory service: ABORTED (exit code 3)")
                .contains("Aborted by guard \\[burn-rate\\]: burn rate over 5m \\[16.2x\\] is above the threshold "
                        + "\\[14.4x\\].")
                .contains("| f2 | kubernetes pod-kill | kubernetes:shop/pod/inventory-7c9d5b8f4-x2lqp | irreversible "
                        + "(nothing to undo) |")
                .contains("| Error budget | 0.19% used (allotment 2%); 92.81% of the 30d budget left |");
    }

    @Test
    void aGameDayOpensWithOneRowPerExperiment() {
        List<String> names = List.of("held", "aborted", "error");
        String md = MarkdownSummary.render(names.stream().map(Fixtures::journal).toList());

        assertThat(md).startsWith("## Faultline: 3 experiments, 1 held, 1 aborted, 1 error\n")
                .contains("| 3 | Checkout survives a slow inventory service | **ERROR** | 4 | 7.9 s | 1 fault: 1 undo "
                        + "FAILED |")
                .contains("**UNDO FAILED**");
    }

    @Test
    void hostileTextStaysText() {
        String md = MarkdownSummary.render(List.of(Fixtures.journal("xss")));

        assertThat(md).doesNotContain("<script").doesNotContain("<img").doesNotContain("](javascript:")
                .doesNotContain("plain-password-leaked").doesNotContain("\u0007");
        for (String line : md.lines().filter(l -> l.startsWith("|")).toList()) {
            assertThat(line.replace("\\|", "").chars().filter(c -> c == '|').count())
                    .as("cells in [%s]", line).isIn(3L, 5L, 7L);
        }
    }

    @Test
    void escapesOnlyWhatWouldChangeTheRendering() {
        assertThat(Md.text("a-b 1.5 (x) #1")).isEqualTo("a-b 1.5 (x) #1");
        assertThat(Md.text("# not a heading")).isEqualTo("\\# not a heading");
        assertThat(Md.text("12. not a list")).isEqualTo("12\\. not a list");
        assertThat(Md.text("- item\n> quote")).isEqualTo("\\- item\n\\> quote");
        assertThat(Md.text("*b* _i_ `c` [l](u) a|b $x$ ~s~")).isEqualTo(
                "\\*b\\* \\_i\\_ \\`c\\` \\[l\\](u) a\\|b \\$x\\$ \\~s\\~");
        assertThat(Md.cell("two\n lines")).isEqualTo("two lines");
    }
}
