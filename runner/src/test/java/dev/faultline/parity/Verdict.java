package dev.faultline.parity;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** What two tools must agree on for one run: status, deviation, and every probe's verdict. */
record Verdict(String status, boolean deviated, List<String> before, List<String> after, List<String> run, List<String> rollbacks) {

    static Verdict of(JsonNode journal) {
        return new Verdict(journal.path("status").asText(), journal.path("deviated").asBoolean(),
                probes(journal.at("/steady_states/before")), probes(journal.at("/steady_states/after")),
                statuses(journal.path("run")), statuses(journal.path("rollbacks")));
    }

    private static List<String> probes(JsonNode state) {
        List<String> out = new ArrayList<>();
        state.path("probes").forEach(p -> out.add(p.at("/activity/name").asText() + "=" + p.path("tolerance_met").asText()));
        return out;
    }

    private static List<String> statuses(JsonNode runs) {
        List<String> out = new ArrayList<>();
        runs.forEach(r -> out.add(r.at("/activity/name").asText() + "=" + r.path("status").asText()));
        return out;
    }

    Verdict withStatus(String value) {
        return new Verdict(value, deviated, before, after, run, rollbacks);
    }

    Verdict withoutRollbacks() {
        return new Verdict(status, deviated, before, after, run, List.of());
    }
}
