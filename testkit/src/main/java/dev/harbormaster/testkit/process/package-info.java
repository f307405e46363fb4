/**
 * Starting and stopping real peer processes in tests: {@link
 * dev.harbormaster.testkit.process.PeerProcess} (log files, readiness with log tail on timeout,
 * stop by PID, shutdown hook), {@link dev.harbormaster.testkit.process.FreePorts} (loopback ports),
 * {@link dev.harbormaster.testkit.process.PeerBinaries} (fail under {@code CI=true}, skip
 * elsewhere, naming the apt package) and {@link dev.harbormaster.testkit.process.Command} (short
 * commands with captured output).
 */
package dev.harbormaster.testkit.process;
