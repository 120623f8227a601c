package dev.faultline.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import dev.faultline.report.Redactor;
import java.util.Iterator;
import java.util.Map;

/**
 * The configuration the run used and the secret names it declared, with every credential masked
 * again here, whether or not the journal masked it.
 */
record ConfigurationSection() implements Section {

    @Override
    public String id() {
        return "configuration";
    }

    @Override
    public String title() {
        return "Configuration";
    }

    @Override
    public void render(Page page, Html html) {
        JsonNode fromRun = page.journal().faultline() == null ? null : page.journal().faultline().configuration();
        boolean journaled = fromRun != null && fromRun.isObject() && fromRun.size() > 0;
        JsonNode configuration = journaled ? fromRun : page.journal().experiment().configuration();
        if (!configuration.isObject() || configuration.size() == 0) {
            Section.none(html, "No configuration.");
        } else {
            html.element("p", (journaled ? "As the run resolved it" : "As the experiment declares it")
                    + "; values of keys named like a secret, token or password are masked.", "class", "note");
            html.open("table", "class", "data config").open("thead").open("tr").element("th", "key")
                    .element("th", "value").close("tr").close("thead").open("tbody");
            JsonNode masked = page.redactor().mask(configuration);
            for (Iterator<Map.Entry<String, JsonNode>> it = masked.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                html.open("tr").open("td");
                page.text(html, entry.getKey());
                html.close("td").open("td");
                page.value(html, entry.getValue());
                html.close("td").close("tr");
            }
            html.close("tbody").close("table");
        }
        secrets(page, html);
    }

    private static void secrets(Page page, Html html) {
        JsonNode secrets = page.journal().experiment().secrets();
        if (!secrets.isObject() || secrets.size() == 0) {
            return;
        }
        html.open("p").text("Secrets declared: ");
        boolean first = true;
        for (Iterator<Map.Entry<String, JsonNode>> scopes = secrets.fields(); scopes.hasNext(); ) {
            Map.Entry<String, JsonNode> scope = scopes.next();
            for (Iterator<String> names = scope.getValue().fieldNames(); names.hasNext(); ) {
                html.text(first ? "" : ", ");
                first = false;
                html.open("code");
                page.text(html, scope.getKey() + "." + names.next() + " = " + Redactor.MASK);
                html.close("code");
            }
        }
        html.text(".").close("p");
    }
}
