/**
 * Benchmarks. Each one measures Harbormaster and a baseline side by side in the same run and
 * reports ratios; they run from the scripts in {@code bench/}, not from {@code ./mvnw verify}.
 */
package dev.harbormaster.bench;
