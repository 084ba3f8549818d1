package org.tidings.fuzz;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * Sets the number of tries of a fuzz property from {@code -Dtidings.fuzz.tries=N} (the long run);
 * without it the property's own bounded {@code tries} apply (the run in the normal test suite).
 * {@code -Dtidings.fuzz.seed=S} replays one whole run.
 */
public final class FuzzTries implements AroundPropertyHook {
    static final String TRIES = "tidings.fuzz.tries";
    static final String SEED = "tidings.fuzz.seed";

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        String tries = System.getProperty(TRIES, "").strip();
        if (!tries.isEmpty()) {
            context.attributes().setTries(Integer.parseInt(tries));
        }
        String seed = System.getProperty(SEED, "").strip();
        if (!seed.isEmpty()) {
            context.attributes().setSeed(seed);
        }
        return property.execute();
    }
}
