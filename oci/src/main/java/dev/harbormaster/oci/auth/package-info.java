/**
 * Registry authentication: {@code WWW-Authenticate} challenges, Basic and Bearer token flows with a
 * token cache, and credentials from Docker config files and Kubernetes pull secrets matched the way
 * kubelet matches them.
 */
package dev.harbormaster.oci.auth;
