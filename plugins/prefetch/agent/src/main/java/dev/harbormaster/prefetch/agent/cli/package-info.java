/**
 * The agent's command line: {@code run} (the DaemonSet), and for operators on a node {@code pull}
 * and {@code images}.
 */
package dev.harbormaster.prefetch.agent.cli;
