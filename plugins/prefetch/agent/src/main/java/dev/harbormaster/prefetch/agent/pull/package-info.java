/** One pull of one image through the CRI: status first, credentials matched like kubelet. */
package dev.harbormaster.prefetch.agent.pull;
