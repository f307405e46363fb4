package dev.harbormaster.spi;

import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * One admission request as a plugin instance sees it.
 *
 * <p>{@link #object()} is the raw JSON tree of the object, never a re-serialised typed model, so
 * fields the Kubernetes model does not know survive untouched. In {@link Scope#MUTATING} scope it
 * is the review's single working copy: change it in place and the host diffs it into a JSON Patch
 * once all mutating instances have run. In {@link Scope#VALIDATING} scope it is a private copy
 * whose changes are discarded. Use {@link KubernetesObjects#as} for a typed, read-only view.
 *
 * @param uid the request uid ({@code request.uid})
 * @param operation the operation
 * @param kind the kind of the object ({@code request.kind})
 * @param resource the resource ({@code request.resource})
 * @param subResource the subresource, for example {@code ephemeralcontainers}, if any
 * @param namespace the namespace, if the object is namespaced
 * @param name the object name, if known (absent on CREATE with {@code generateName})
 * @param userInfo the requesting user
 * @param dryRun {@code request.dryRun}: when true, the plugin must cause no side effects at all
 * @param object the object (absent on DELETE and CONNECT)
 * @param oldObject the previous object (present on UPDATE and DELETE)
 * @see <a
 *     href="https://kubernetes.io/docs/reference/access-authn-authz/extensible-admission-controllers/#request">AdmissionReview
 *     request</a>
 */
public record Review(
    String uid,
    Operation operation,
    GroupVersionKind kind,
    GroupVersionResource resource,
    Optional<String> subResource,
    Optional<String> namespace,
    Optional<String> name,
    UserInfo userInfo,
    boolean dryRun,
    Optional<ObjectNode> object,
    Optional<ObjectNode> oldObject) {

  /** Rejects nulls: absent values are empty optionals. */
  public Review {
    Objects.requireNonNull(uid, "uid");
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(subResource, "subResource");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(userInfo, "userInfo");
    Objects.requireNonNull(object, "object");
    Objects.requireNonNull(oldObject, "oldObject");
  }

  /** Returns this review with another object tree (the host hands each instance its own view). */
  public Review withObject(Optional<ObjectNode> newObject) {
    return new Review(
        uid,
        operation,
        kind,
        resource,
        subResource,
        namespace,
        name,
        userInfo,
        dryRun,
        newObject,
        oldObject);
  }

  /** {@code namespace/name} (or {@code name}) for messages; {@code <generated>} without a name. */
  public String displayName() {
    String n = name.orElse("<generated>");
    return namespace.map(ns -> ns + "/" + n).orElse(n);
  }
}
