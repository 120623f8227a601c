package dev.faultline.cli;

import dev.faultline.gameday.GameDay;

import java.util.regex.Pattern;

/** Keeps secrets out of printed plans: credential-like names and values equal to a secret are shown as ***. */
final class PlanMasking {

    private static final Pattern CREDENTIAL = Pattern.compile("(?i).*(password|passwd|secret|token|api[_-]?key|credential|auth).*");

    private PlanMasking() {
    }

    static Object mask(String name, Object value, GameDay day) {
        if (CREDENTIAL.matcher(name).matches()) {
            return "***";
        }
        boolean isSecret = day.secrets().values().stream().anyMatch(scope -> scope.containsValue(value));
        return isSecret ? "***" : value;
    }
}
