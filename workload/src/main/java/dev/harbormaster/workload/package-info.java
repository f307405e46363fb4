/**
 * The containers, images, labels and annotations of Pods and of workload pod templates, read from
 * and written to the raw JSON tree of an admission request (never a re-serialised typed model, so
 * fields the Kubernetes model does not know survive).
 *
 * <p>Start with {@link dev.harbormaster.workload.PodTemplate#find}: it locates the pod spec of a
 * Pod ({@code spec}), of a Deployment, StatefulSet, DaemonSet, ReplicaSet or Job ({@code
 * spec.template.spec}) or of a CronJob ({@code spec.jobTemplate.spec.template.spec}) and lists its
 * containers as {@link dev.harbormaster.workload.ContainerImage}s whose image can be set in place.
 * {@link dev.harbormaster.workload.ObjectMetadata} reads labels and annotations and adds
 * annotations; {@link dev.harbormaster.workload.ImageCachingPolicy} and {@link
 * dev.harbormaster.workload.MirrorPods} answer the two questions every image plugin asks before
 * touching an object.
 *
 * @see <a href="https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/">Pod
 *     v1</a>
 */
package dev.harbormaster.workload;
