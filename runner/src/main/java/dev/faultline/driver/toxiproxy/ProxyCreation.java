package dev.faultline.driver.toxiproxy;

import dev.faultline.driver.ActivityFailedException;
import dev.faultline.driver.Evidence;
import dev.faultline.driver.FaultPlan;
import dev.faultline.driver.Faults;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/** Creates a proxy in front of {@code upstream}; undone by deleting it (with its toxics). */
record ProxyCreation(String server, String proxy, String listen, String upstream, boolean enabled) implements Injection {

    @Override
    public String kind() {
        return "proxy-create";
    }

    @Override
    public String description() {
        return "proxy [" + proxy + "] created, listening on [" + listen + "] in front of [" + upstream + "]"
                + (enabled ? "" : ", disabled");
    }

    @Override
    public Map<String, Object> inject(Faults faults, ToxiproxyClient client) throws Exception {
        // Checked before the undo is declared: undoing would otherwise delete a proxy someone else made.
        if (client.proxy(proxy).isPresent()) {
            Operation op = Operation.onProxy("create", proxy);
            throw ToxiproxyException.conflict(server, op.description(), "proxy [" + proxy + "]", op.proxyConflict(server));
        }
        FaultPlan plan = new FaultPlan(ToxiproxyDriver.NAME, kind(), target(), description(),
                Undos.deleteProxy(server, proxy));
        AtomicReference<Proxy> seen = new AtomicReference<>();
        faults.inject(plan, () -> client.createProxy(proxy, listen, upstream, enabled), () -> {
            String check = "proxy [" + proxy + "] in front of [" + upstream + "] listed by Toxiproxy server [" + server + "]";
            return client.proxy(proxy).map(actual -> {
                seen.set(actual);
                return created(actual) ? Evidence.confirmed(check, actual.toMap()) : Evidence.missing(check, actual.toMap());
            }).orElse(Evidence.missing(check, "not listed"));
        });
        if (seen.get() == null || !created(seen.get())) {
            throw new ActivityFailedException("proxy [" + proxy + "] is not in place on Toxiproxy server [" + server
                    + "] as requested (upstream [" + upstream + "], listen [" + listen + "])");
        }
        return seen.get().toMap();
    }

    private boolean created(Proxy actual) {
        return actual.upstream().equals(upstream) && actual.enabled() == enabled
                && ListenAddress.matches(listen, actual.listen());
    }
}
