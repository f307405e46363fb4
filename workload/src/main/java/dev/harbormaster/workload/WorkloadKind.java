package dev.harbormaster.workload;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The kinds that carry a pod spec, and where: {@code spec} for a Pod, {@code spec.template} for
 * Deployment, StatefulSet, DaemonSet, ReplicaSet and Job, {@code spec.jobTemplate.spec.template}
 * for CronJob.
 *
 * @see <a href="https://kubernetes.io/docs/concepts/workloads/pods/#pod-templates">Pod
 *     templates</a>
 */
public enum WorkloadKind {
  /** A Pod: the object itself. */
  POD("Pod", List.of()),
  /** apps/v1 Deployment. */
  DEPLOYMENT("Deployment", List.of("spec", "template")),
  /** apps/v1 StatefulSet. */
  STATEFUL_SET("StatefulSet", List.of("spec", "template")),
  /** apps/v1 DaemonSet. */
  DAEMON_SET("DaemonSet", List.of("spec", "template")),
  /** apps/v1 ReplicaSet. */
  REPLICA_SET("ReplicaSet", List.of("spec", "template")),
  /** batch/v1 Job. */
  JOB("Job", List.of("spec", "template")),
  /** batch/v1 CronJob. */
  CRON_JOB("CronJob", List.of("spec", "jobTemplate", "spec", "template"));

  private final String kind;
  private final List<String> templatePath;

  WorkloadKind(String kind, List<String> templatePath) {
    this.kind = kind;
    this.templatePath = templatePath;
  }

  /** The Kubernetes {@code kind}, e.g. {@code CronJob}. */
  public String kind() {
    return kind;
  }

  /**
   * The fields leading from the object to the pod template (an object with {@code metadata} and
   * {@code spec}); empty for a Pod, which is its own template.
   */
  public List<String> templatePath() {
    return templatePath;
  }

  /** Whether the object is a Pod (its pod spec is {@code spec}), not a template holder. */
  public boolean isPod() {
    return this == POD;
  }

  /** The workload kind named {@code kind} (case-sensitive, as in {@code request.kind.kind}). */
  public static Optional<WorkloadKind> of(String kind) {
    return Arrays.stream(values()).filter(k -> k.kind.equals(kind)).findFirst();
  }
}
