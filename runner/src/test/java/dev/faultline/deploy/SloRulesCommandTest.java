package dev.faultline.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.faultline.cli.Main;
import dev.faultline.testkit.Workspace;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code faultline slo rules} generates the PrometheusRule the Kubernetes base ships, from the same SLO file. */
class SloRulesCommandTest {

    private static final Path ROOT = Workspace.repositoryRoot();

    private static String rules(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 2];
        all[0] = "slo";
        all[1] = "rules";
        System.arraycopy(args, 0, all, 2, args.length);
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), all);
        assertThat(code).as(err.toString()).isZero();
        return out.toString();
    }

    @Test
    void theShippedPrometheusRuleIsExactlyWhatTheCommandGenerates() throws Exception {
        JsonNode generated = new YAMLMapper().readTree(rules(ROOT.resolve("experiments/slo/storefront.yaml").toString(), "--namespace", "faultline"));
        JsonNode shipped = new YAMLMapper().readTree(ROOT.resolve("k8s/base/prometheusrule.yaml").toFile());
        assertThat(generated).as("k8s/base/prometheusrule.yaml is stale: regenerate it with ./faultline slo rules").isEqualTo(shipped);
    }

    @Test
    void slothFilesGiveTheSameRulesShapeWithTheirOwnQueries() throws Exception {
        JsonNode rule = new YAMLMapper().readTree(rules(ROOT.resolve("experiments/slo/inventory.yaml").toString()));
        JsonNode groups = rule.at("/spec/groups");
        assertThat(groups).hasSize(2);
        assertThat(groups.at("/0/rules")).hasSize(7);
        assertThat(groups.at("/0/rules/0/expr").asText()).contains("application=\"inventory\"").contains("[5m]");
        assertThat(groups.at("/1/rules/0/alert").asText()).isEqualTo("SloErrorBudgetBurnPage1h");
        assertThat(groups.at("/1/rules/0/expr").asText()).contains("> (14.4 * 0.001)");
    }

    @Test
    void aFileThatIsNoSloIsInvalidInput() {
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err, true), "slo", "rules",
                ROOT.resolve("experiments/http-health.yaml").toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("http-health.yaml");
    }
}
