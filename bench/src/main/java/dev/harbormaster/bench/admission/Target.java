package dev.harbormaster.bench.admission;

import java.net.URI;
import java.nio.file.Path;

/**
 * One endpoint measured in the alternating wrk rounds.
 *
 * @param name the name in the report ({@code bare}, {@code host}, {@code rewrite}...)
 * @param url the {@code /mutate} URL
 * @param body the AdmissionReview file POSTed to it
 */
record Target(String name, URI url, Path body) {}
