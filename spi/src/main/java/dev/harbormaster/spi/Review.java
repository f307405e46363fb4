package dev.harbormaster.spi;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
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
 * <p>{@link #oldObject()} may be materialised lazily: the host parses {@code request.oldObject}
 * only when an instance first asks for it (most instances never do, and on UPDATE it is as large as
 * the object). The tree is then shared by every instance of the review: treat it as read-only.
 *
 * @see <a
 *     href="https://kubernetes.io/docs/reference/access-authn-authz/extensible-admission-controllers/#request">AdmissionReview
 *     request</a>
 */
public final class Review {
  private final String uid;
  private final Operation operation;
  private final GroupVersionKind kind;
  private final GroupVersionResource resource;
  private final Optional<String> subResource;
  private final Optional<String> namespace;
  private final Optional<String> name;
  private final UserInfo userInfo;
  private final boolean dryRun;
  private final Optional<ObjectNode> object;
  private final OldObject oldObject;

  /** Rejects nulls: absent values are empty optionals. */
  public Review(
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
    this(
        uid,
        operation,
        kind,
        resource,
        subResource,
        namespace,
        name,
        userInfo,
        dryRun,
        object,
        new OldObject(Objects.requireNonNull(oldObject, "oldObject")));
  }

  /**
   * A review whose {@code oldObject} is produced on first use (for hosts: parsing it lazily).
   *
   * @param oldObject called at most once, on the first {@link #oldObject()} call from any thread;
   *     must not return null
   * @since 1.1.0
   */
  public Review(
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
      Supplier<Optional<ObjectNode>> oldObject) {
    this.uid = Objects.requireNonNull(uid, "uid");
    this.operation = Objects.requireNonNull(operation, "operation");
    this.kind = Objects.requireNonNull(kind, "kind");
    this.resource = Objects.requireNonNull(resource, "resource");
    this.subResource = Objects.requireNonNull(subResource, "subResource");
    this.namespace = Objects.requireNonNull(namespace, "namespace");
    this.name = Objects.requireNonNull(name, "name");
    this.userInfo = Objects.requireNonNull(userInfo, "userInfo");
    this.dryRun = dryRun;
    this.object = Objects.requireNonNull(object, "object");
    this.oldObject =
        oldObject instanceof OldObject shared
            ? shared
            : new OldObject(Objects.requireNonNull(oldObject, "oldObject"));
  }

  /** The request uid ({@code request.uid}). */
  public String uid() {
    return uid;
  }

  /** The operation. */
  public Operation operation() {
    return operation;
  }

  /** The kind of the object ({@code request.kind}). */
  public GroupVersionKind kind() {
    return kind;
  }

  /** The resource ({@code request.resource}). */
  public GroupVersionResource resource() {
    return resource;
  }

  /** The subresource, for example {@code ephemeralcontainers}, if any. */
  public Optional<String> subResource() {
    return subResource;
  }

  /** The namespace, if the object is namespaced. */
  public Optional<String> namespace() {
    return namespace;
  }

  /** The object name, if known (absent on CREATE with {@code generateName}). */
  public Optional<String> name() {
    return name;
  }

  /** The requesting user. */
  public UserInfo userInfo() {
    return userInfo;
  }

  /** {@code request.dryRun}: when true, the plugin must cause no side effects at all. */
  public boolean dryRun() {
    return dryRun;
  }

  /** The object (absent on DELETE and CONNECT). */
  public Optional<ObjectNode> object() {
    return object;
  }

  /**
   * The previous object (present on UPDATE and DELETE); shared by the review's instances,
   * read-only.
   */
  public Optional<ObjectNode> oldObject() {
    return oldObject.get();
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

  /** Equal when every field is equal (the old object compared by value, materialising it). */
  @Override
  public boolean equals(Object o) {
    return o instanceof Review r
        && uid.equals(r.uid)
        && operation == r.operation
        && kind.equals(r.kind)
        && resource.equals(r.resource)
        && subResource.equals(r.subResource)
        && namespace.equals(r.namespace)
        && name.equals(r.name)
        && userInfo.equals(r.userInfo)
        && dryRun == r.dryRun
        && object.equals(r.object)
        && oldObject().equals(r.oldObject());
  }

  @Override
  public int hashCode() {
    return Objects.hash(uid, operation, kind, resource, namespace, name, dryRun);
  }

  /** Names the request without its objects (they can be large and carry secrets). */
  @Override
  public String toString() {
    return "Review[uid="
        + uid
        + ", operation="
        + operation
        + ", kind="
        + kind
        + ", resource="
        + resource
        + subResource.map(s -> "/" + s).orElse("")
        + ", object="
        + displayName()
        + ", dryRun="
        + dryRun
        + "]";
  }

  /** The old object, given or produced once on first use; safe to share between threads. */
  private static final class OldObject implements Supplier<Optional<ObjectNode>> {
    private volatile Optional<ObjectNode> value;
    private Supplier<Optional<ObjectNode>> supplier;

    OldObject(Optional<ObjectNode> value) {
      this.value = value;
    }

    OldObject(Supplier<Optional<ObjectNode>> supplier) {
      this.supplier = supplier;
    }

    @Override
    public Optional<ObjectNode> get() {
      Optional<ObjectNode> v = value;
      if (v != null) return v;
      synchronized (this) {
        if (value == null) {
          value = Objects.requireNonNull(supplier.get(), "oldObject supplier returned null");
          supplier = null;
        }
        return value;
      }
    }
  }
}
