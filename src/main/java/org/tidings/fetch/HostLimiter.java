package org.tidings.fetch;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Runs asynchronous work under a global limit and a limit per host without blocking threads:
 * work waits in a queue per host, and hosts take turns as permits free up, so one host's many
 * feeds neither exceed its limit nor starve the other hosts.
 */
final class HostLimiter {
    private final int global;
    private final int perHost;
    private final Object lock = new Object();
    private final Map<String, Integer> runningByHost = new HashMap<>();
    private final LinkedHashMap<String, ArrayDeque<Runnable>> waitingByHost = new LinkedHashMap<>();
    private int running;

    HostLimiter(int global, int perHost) {
        this.global = global;
        this.perHost = perHost;
    }

    /** Starts {@code work} once a permit for {@code host} is free; frees it when work completes. */
    <T> CompletableFuture<T> run(String host, Supplier<CompletableFuture<T>> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Runnable task = () -> {
            CompletableFuture<T> started;
            try {
                started = work.get();
            } catch (RuntimeException e) {
                started = CompletableFuture.failedFuture(e);
            }
            started.whenComplete((value, error) -> {
                release(host);
                if (error != null) {
                    result.completeExceptionally(error);
                } else {
                    result.complete(value);
                }
            });
        };
        synchronized (lock) {
            waitingByHost.computeIfAbsent(host, h -> new ArrayDeque<>()).add(task);
        }
        dispatch();
        return result;
    }

    private void release(String host) {
        synchronized (lock) {
            running--;
            runningByHost.merge(host, -1, Integer::sum);
            if (runningByHost.get(host) <= 0) {
                runningByHost.remove(host);
            }
        }
        dispatch();
    }

    private void dispatch() {
        List<Runnable> toStart = new ArrayList<>();
        synchronized (lock) {
            boolean progress = true;
            while (running < global && progress) {
                progress = false;
                List<Map.Entry<String, ArrayDeque<Runnable>>> served = new ArrayList<>();
                Iterator<Map.Entry<String, ArrayDeque<Runnable>>> hosts =
                        waitingByHost.entrySet().iterator();
                while (hosts.hasNext() && running < global) {
                    Map.Entry<String, ArrayDeque<Runnable>> entry = hosts.next();
                    String host = entry.getKey();
                    if (runningByHost.getOrDefault(host, 0) >= perHost) {
                        continue;
                    }
                    toStart.add(entry.getValue().poll());
                    running++;
                    runningByHost.merge(host, 1, Integer::sum);
                    progress = true;
                    hosts.remove();
                    if (!entry.getValue().isEmpty()) {
                        served.add(Map.entry(host, entry.getValue()));
                    }
                }
                // round robin: a host just served goes to the back of the line
                for (Map.Entry<String, ArrayDeque<Runnable>> entry : served) {
                    waitingByHost.put(entry.getKey(), entry.getValue());
                }
            }
        }
        for (Runnable task : toStart) {
            task.run();
        }
    }
}
