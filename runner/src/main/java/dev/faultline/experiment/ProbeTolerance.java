package dev.faultline.experiment;

/**
 * {@code {type: probe, provider: ...}}: another probe decides, called with
 * {@code arguments.value = <output>}; a truthy result means "met", a failure means "not met".
 */
public record ProbeTolerance(String name, Provider provider) implements Tolerance {

    @Override
    public Check check(Object output, Context context) {
        try {
            Object verdict = context.runProbe(provider, output);
            return Outputs.truthy(verdict)
                    ? Check.met("probe [" + name + "] returned " + Outputs.show(verdict))
                    : Check.notMet("probe [" + name + "] returned " + Outputs.show(verdict));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Check.notMet("probe [" + name + "] was interrupted");
        } catch (Exception e) {
            return Check.notMet("probe [" + name + "] failed: " + e.getMessage());
        }
    }

    @Override
    public String describe() {
        return "probe " + (name == null ? provider.describe() : name);
    }
}
