package io.hcdjg.cockpit.model;

/**
 * One query pattern from the analytics-api's in-memory profiler ({@code GET /api/v1/performance/profiler/slow-queries},
 * {@code src/python/api/routers/performance.py}): slow means over its threshold, 1000 ms by default.
 */
public record SlowQuery(String pattern, double avgMs, double p95Ms, long executions, long slow) {
}
