package dev.faultline.driver.toxiproxy;

import dev.faultline.driver.ActivityFailedException;
import dev.faultline.driver.Evidence;
import dev.faultline.driver.FaultPlan;
import dev.faultline.driver.Faults;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** Adds one toxic to a proxy; undone by removing it. */
record ToxicInjection(String server, String proxy, ToxicSpec toxic) implements Injection {

    @Override
    public String kind() {
        return toxic.kind();
    }

    @Override
    public String description() {
        return toxic.describe(proxy);
    }

    @Override
    public Map<String, Object> inject(Faults faults, ToxiproxyClient client) throws Exception {
        // Checked before the undo is declared: undoing a toxic left by someone else would delete theirs.
        if (client.toxic(proxy, toxic.name()).isPresent()) {
            Operation op = Operation.onToxic("create", proxy, toxic.name());
            throw ToxiproxyException.conflict(server, op.description(), "toxic [" + toxic.name() + "]",
                    op.toxicConflict(server));
        }
        FaultPlan plan = new FaultPlan(ToxiproxyDriver.NAME, kind(), target(), description(),
                Undos.deleteToxic(server, proxy, toxic.name()));
        AtomicReference<Toxic> seen = new AtomicReference<>();
        faults.inject(plan, () -> client.createToxic(proxy, toxic), () -> evidence(client, seen));
        if (seen.get() == null || !toxic.matches(seen.get())) {
            throw new ActivityFailedException("fault not in place: " + check() + "; the server shows "
                    + (seen.get() == null ? "no such toxic" : seen.get().toMap()));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("server", server);
        out.put("proxy", proxy);
        out.put("toxic", seen.get().toMap());
        return out;
    }

    private String check() {
        return "toxic [" + toxic.name() + "] of type [" + toxic.type() + "] with toxicity [" + toxic.toxicity()
                + "], stream [" + toxic.stream() + "] and attributes " + toxic.attributes() + " listed on proxy ["
                + proxy + "] by Toxiproxy server [" + server + "]";
    }

    private Evidence evidence(ToxiproxyClient client, AtomicReference<Toxic> seen) throws Exception {
        String check = check();
        Optional<Toxic> actual = client.toxic(proxy, toxic.name());
        if (actual.isEmpty()) {
            return Evidence.missing(check, "not listed");
        }
        seen.set(actual.get());
        return toxic.matches(actual.get())
                ? Evidence.confirmed(check, actual.get().toMap())
                : Evidence.missing(check, actual.get().toMap());
    }
}
