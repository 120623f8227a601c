package dev.faultline.driver.toxiproxy;

import dev.faultline.driver.ActivityFailedException;
import dev.faultline.driver.Evidence;
import dev.faultline.driver.FaultPlan;
import dev.faultline.driver.Faults;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Changes some of a proxy's {@code listen}, {@code upstream} and {@code enabled} (pointing it at a
 * black hole, moving it, switching it off); undone by putting the previous values back.
 *
 * @param changes only the fields to change, with their new values
 */
record ProxyUpdate(String server, String proxy, Map<String, Object> changes) implements Injection {

    ProxyUpdate {
        changes = Map.copyOf(changes);
        if (changes.isEmpty()) {
            throw new IllegalArgumentException("nothing to change on proxy [" + proxy + "]: give at least one of"
                    + " listen, upstream or enabled");
        }
    }

    @Override
    public String kind() {
        return Boolean.FALSE.equals(changes.get("enabled")) && changes.size() == 1 ? "proxy-down" : "proxy-update";
    }

    @Override
    public String description() {
        return "proxy [" + proxy + "] changed to " + new TreeMap<>(changes);
    }

    @Override
    public Map<String, Object> inject(Faults faults, ToxiproxyClient client) throws Exception {
        Proxy before = client.requireProxy(proxy);
        Map<String, Object> previous = new LinkedHashMap<>();
        for (String key : changes.keySet()) {
            previous.put(key, before.toMap().get(key));
        }
        FaultPlan plan = new FaultPlan(ToxiproxyDriver.NAME, kind(), target(), description() + " (was "
                + new TreeMap<>(previous) + ")", Undos.restoreProxy(server, proxy, previous));
        AtomicReference<Proxy> seen = new AtomicReference<>();
        faults.inject(plan, () -> client.updateProxy(proxy, changes), () -> {
            Proxy actual = client.requireProxy(proxy);
            seen.set(actual);
            String check = "proxy [" + proxy + "] reads back " + new TreeMap<>(changes)
                    + " from Toxiproxy server [" + server + "]";
            return applied(actual) ? Evidence.confirmed(check, actual.toMap()) : Evidence.missing(check, actual.toMap());
        });
        if (seen.get() == null || !applied(seen.get())) {
            throw new ActivityFailedException("fault not in place: proxy [" + proxy + "] on Toxiproxy server ["
                    + server + "] does not read back " + changes);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("server", server);
        out.put("proxy", seen.get().toMap());
        out.put("previous", previous);
        return out;
    }

    private boolean applied(Proxy actual) {
        if (changes.containsKey("enabled") && !Objects.equals(changes.get("enabled"), actual.enabled())) {
            return false;
        }
        if (changes.containsKey("upstream") && !Objects.equals(changes.get("upstream"), actual.upstream())) {
            return false;
        }
        return !changes.containsKey("listen") || ListenAddress.matches(String.valueOf(changes.get("listen")), actual.listen());
    }
}
