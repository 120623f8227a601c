package dev.faultline.driver;

import java.util.List;

/**
 * Implemented by actions that can say, without changing anything, what they would touch. The
 * engine calls it for every action before the first fault is injected, so the blast-radius policy
 * can refuse a run before anything happens, and {@code gameday plan} can show targets.
 */
public interface Plannable {

    List<PlannedTarget> plan(Invocation call) throws Exception;
}
