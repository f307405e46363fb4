package dev.harbormaster.plugin.prefetch;

import dev.harbormaster.prefetch.model.ImagePrefetch;
import dev.harbormaster.prefetch.model.ImagePrefetchSpec;
import dev.harbormaster.prefetch.model.ServerSideApply;
import dev.harbormaster.worker.Attempt;
import dev.harbormaster.worker.WorkOutcome;
import dev.harbormaster.worker.WorkTask;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one workload's ImagePrefetch in the background (the queue's task): resolves the runtime
 * handler of its RuntimeClass, applies the ImagePrefetch with server-side apply (idempotent across
 * host replicas), then copies the pod's and its service account's pull secrets into Harbormaster's
 * namespace, owned by the ImagePrefetch so that they are garbage-collected with it.
 */
final class IntentWriter implements WorkTask<PrefetchRequest> {
  /** Annotation with the time of the last write; the TTL counts from it. */
  static final String UPDATED_ANNOTATION = "prefetch.harbormaster.dev/updated";

  private static final Logger LOG = LoggerFactory.getLogger(IntentWriter.class);
  private static final Set<String> PULL_SECRET_TYPES =
      Set.of("kubernetes.io/dockerconfigjson", "kubernetes.io/dockercfg");

  private final KubernetesClient client;
  private final String namespace;
  private final String instance;
  private final long ttlSeconds;
  private final boolean copySecrets;
  private final Clock clock;
  private final PrefetchMetrics metrics;
  private final RecentIntents recent;

  IntentWriter(
      KubernetesClient client,
      String namespace,
      String instance,
      long ttlSeconds,
      boolean copySecrets,
      Clock clock,
      PrefetchMetrics metrics,
      RecentIntents recent) {
    this.client = client;
    this.namespace = namespace;
    this.instance = instance;
    this.ttlSeconds = ttlSeconds;
    this.copySecrets = copySecrets;
    this.clock = clock;
    this.metrics = metrics;
    this.recent = recent;
  }

  private void record(PrefetchRequest r, String outcome, String detail) {
    recent.add(
        new RecentIntents.Entry(
            r.name(),
            r.owner().describe(),
            r.images().size(),
            outcome,
            detail,
            clock.instant().toString()));
  }

  String fieldManager() {
    return "harbormaster-prefetch-" + instance;
  }

  @Override
  public WorkOutcome run(Attempt<PrefetchRequest> attempt) {
    PrefetchRequest r = attempt.item();
    try {
      Map<String, Secret> sources = copySecrets ? sourceSecrets(r) : Map.of();
      List<String> copies = new ArrayList<>();
      sources.keySet().forEach(name -> copies.add(copyName(r.name(), name)));
      ImagePrefetch intent =
          ImagePrefetch.of(
              namespace,
              r.name(),
              new ImagePrefetchSpec(
                  r.images(), r.nodeSelector(), copies, runtimeHandler(r), ttlSeconds, r.owner()));
      intent.getMetadata().setLabels(Map.of(ImagePrefetch.MANAGED_BY_LABEL, instance));
      intent.getMetadata().setAnnotations(Map.of(UPDATED_ANNOTATION, clock.instant().toString()));
      ImagePrefetch written = ServerSideApply.apply(client, intent, fieldManager());
      for (Map.Entry<String, Secret> e : sources.entrySet()) {
        ServerSideApply.apply(
            client, copy(written, e.getValue(), copyName(r.name(), e.getKey())), fieldManager());
      }
      metrics.written();
      record(r, "written", "");
      return WorkOutcome.success();
    } catch (KubernetesClientException e) {
      metrics.writeFailed();
      int code = e.getCode();
      String cause = e.getCause() == null ? "" : " (" + e.getCause() + ")";
      String message =
          "writing ImagePrefetch " + namespace + "/" + r.name() + ": " + e.getMessage() + cause;
      // No HTTP status (connection refused, timeout: fabric8 reports 0 or -1), a conflict, rate
      // limiting and server errors are transient; other 4xx (forbidden, invalid) are not.
      if (code < 400 || code == 409 || code == 429 || code >= 500) {
        record(r, "retrying", message);
        return WorkOutcome.retry("api-" + (code < 400 ? "unreachable" : code), message);
      }
      LOG.warn("{}: {}", instance, message);
      record(r, "failed", message);
      return WorkOutcome.failure("api-" + code, message);
    }
  }

  /** The pod's pull secrets, then its service account's, that exist and are pull secrets. */
  private Map<String, Secret> sourceSecrets(PrefetchRequest r) {
    String ns = r.owner().namespace();
    Set<String> names = new LinkedHashSet<>(r.pullSecrets());
    ServiceAccount sa = client.serviceAccounts().inNamespace(ns).withName(r.serviceAccount()).get();
    if (sa != null && sa.getImagePullSecrets() != null) {
      sa.getImagePullSecrets().stream().map(LocalObjectReference::getName).forEach(names::add);
    }
    Map<String, Secret> found = new LinkedHashMap<>();
    for (String name : names) {
      Secret s = client.secrets().inNamespace(ns).withName(name).get();
      if (s == null) {
        LOG.info(
            "{}: pull secret {}/{} of {} not found; not copied",
            instance,
            ns,
            name,
            r.owner().describe());
      } else if (!PULL_SECRET_TYPES.contains(s.getType())) {
        LOG.info(
            "{}: secret {}/{} has type {}; only pull secrets are copied",
            instance,
            ns,
            name,
            s.getType());
      } else {
        found.put(name, s);
      }
    }
    return found;
  }

  private String runtimeHandler(PrefetchRequest r) {
    if (r.runtimeClassName().isEmpty()) {
      return "";
    }
    GenericKubernetesResource rc =
        client
            .genericKubernetesResources("node.k8s.io/v1", "RuntimeClass")
            .withName(r.runtimeClassName())
            .get();
    Object handler = rc == null ? null : rc.getAdditionalProperties().get("handler");
    return handler instanceof String h ? h : r.runtimeClassName();
  }

  private Secret copy(ImagePrefetch owner, Secret source, String name) {
    return new SecretBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(namespace)
        .withLabels(Map.of(ImagePrefetch.MANAGED_BY_LABEL, instance))
        .withOwnerReferences(
            new OwnerReferenceBuilder()
                .withApiVersion(ImagePrefetch.GROUP + "/" + ImagePrefetch.VERSION)
                .withKind("ImagePrefetch")
                .withName(owner.getMetadata().getName())
                .withUid(owner.getMetadata().getUid())
                .build())
        .endMetadata()
        .withType(source.getType())
        .withData(source.getData())
        .build();
  }

  /** {@code <intent>-<secret>}, at most 253 characters. */
  static String copyName(String intent, String secret) {
    String n = intent + "-" + secret;
    return n.length() <= 253 ? n : n.substring(0, 253);
  }
}
