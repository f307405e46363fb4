/**
 * The {@code harbormaster} command line (picocli): {@code serve}, {@code check} and {@code review}.
 */
package dev.harbormaster.host.cli;
