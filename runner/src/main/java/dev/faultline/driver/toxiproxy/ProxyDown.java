package dev.faultline.driver.toxiproxy;

import dev.faultline.driver.ActivityFailedException;
import dev.faultline.driver.Evidence;
import dev.faultline.driver.FaultPlan;
import dev.faultline.driver.Faults;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Disables a proxy: new connections are refused and open ones closed, as if the service behind it
 * were down. Its toxics stay. Undone by enabling it again.
 */
record ProxyDown(String server, String proxy) implements Injection {

    @Override
    public String kind() {
        return "proxy-down";
    }

    @Override
    public String description() {
        return "proxy [" + proxy + "] disabled: connections refused and open ones closed";
    }

    @Override
    public Map<String, Object> inject(Faults faults, ToxiproxyClient client) throws Exception {
        client.requireProxy(proxy);
        FaultPlan plan = new FaultPlan(ToxiproxyDriver.NAME, kind(), target(), description(),
                Undos.enableProxy(server, proxy));
        AtomicReference<Proxy> seen = new AtomicReference<>();
        faults.inject(plan, () -> client.updateProxy(proxy, Map.of("enabled", false)), () -> {
            Proxy actual = client.requireProxy(proxy);
            seen.set(actual);
            String check = "proxy [" + proxy + "] reads back enabled [false] from Toxiproxy server [" + server + "]";
            return actual.enabled() ? Evidence.missing(check, actual.toMap()) : Evidence.confirmed(check, actual.toMap());
        });
        if (seen.get() == null || seen.get().enabled()) {
            throw new ActivityFailedException("fault not in place: proxy [" + proxy + "] is still enabled on Toxiproxy"
                    + " server [" + server + "]");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("server", server);
        out.put("proxy", seen.get().toMap());
        return out;
    }
}
